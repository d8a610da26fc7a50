using System.Collections.Immutable;
using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Engine.Tests.Models;
using TcpModelCheck.Engine.Traces;

namespace TcpModelCheck.Engine.Tests;

/// <summary>Traces as JSON: every field survives a round trip, and every kind of bad file is one clear line.</summary>
public class TraceJsonTests
{
    private static Trace Sample => new()
    {
        Model = "water-jugs",
        Settings = ImmutableSortedDictionary.CreateRange(new Dictionary<string, string> { ["small"] = "3", ["big"] = "5" }),
        Initial = 1,
        Steps = [new TraceStep(1, "FillBig"), new TraceStep(5, "PourBigIntoSmall")],
        LoopStart = 1,
        Property = "no-target",
        Origin = "bfs",
        Seed = ulong.MaxValue,
    };

    [Fact]
    public void Every_field_survives_a_round_trip()
    {
        var json = TraceJson.Serialize(Sample);
        var back = TraceJson.Deserialize(json);
        Assert.Equal(Sample.Model, back.Model);
        Assert.Equal(Sample.Settings, back.Settings);
        Assert.Equal(Sample.Initial, back.Initial);
        Assert.Equal(Sample.Steps.AsEnumerable(), back.Steps.AsEnumerable());
        Assert.Equal(Sample.LoopStart, back.LoopStart);
        Assert.Equal(Sample.Property, back.Property);
        Assert.Equal(Sample.Origin, back.Origin);
        Assert.Equal(Sample.Seed, back.Seed);
        Assert.Equal(Trace.CurrentFormat, back.Format);
        Assert.Equal("i1:1/5", back.ChoicePath);
        Assert.Equal(json, TraceJson.Serialize(back));
    }

    [Fact]
    public void A_counterexample_written_to_a_file_replays_from_it()
    {
        var model = new WaterJugsModel();
        var cx = ModelChecker.Check(model)["no-target"].Counterexample!;
        var path = Path.Combine(Path.GetTempPath(), $"trace-{Guid.NewGuid():N}.json");
        try
        {
            TraceJson.Write(cx.Trace, path);
            var replay = Replayer.Replay(model, TraceJson.Read(path));
            Assert.True(replay.Matches);
            Assert.Equal(cx.Final, replay.Steps[^1].State);
        }
        finally { File.Delete(path); }
    }

    /// <summary>The sample with one top-level field replaced (or removed, when <paramref name="json"/> is null).</summary>
    private static string With(string field, string? json)
    {
        var doc = System.Text.Json.Nodes.JsonNode.Parse(TraceJson.Serialize(Sample))!.AsObject();
        if (json is null) doc.Remove(field);
        else doc[field] = System.Text.Json.Nodes.JsonNode.Parse(json);
        return doc.ToJsonString();
    }

    public static TheoryData<string, string> BadFiles()
    {
        var good = TraceJson.Serialize(Sample);
        return new TheoryData<string, string>
        {
            { "", "malformed JSON" },
            { "{", "malformed JSON" },
            { good[..(good.Length / 2)], "malformed JSON" },
            { "[1, 2]", "$: expected a JSON object (a trace), found an array" },
            { "42", "$: expected a JSON object (a trace), found 42" },
            { "null", "$: expected a JSON object (a trace), found null" },
            { With("format", "2"), "$.format: unsupported trace format 2" },
            { With("model", null), "$.model: missing" },
            { With("model", "\"\""), "$.model: empty" },
            { With("initial", "\"zero\""), "$.initial: expected a whole number 0..2147483647, found the string \"zero\"" },
            { With("steps", "7"), "$.steps: expected an array of steps, found 7" },
            { With("initial", "-1"), "$.initial: -1 is out of range" },
            { With("steps", "[{\"choice\": -3, \"action\": \"a\"}, {\"choice\": 5, \"action\": \"b\"}]"), "$.steps[0].choice: -3 is out of range" },
            { With("steps", "[null, {\"choice\": 5, \"action\": \"b\"}]"), "$.steps[0]: expected a step" },
            { With("steps", "[{\"choice\": 1}, {\"choice\": 5, \"action\": \"b\"}]"), "$.steps[0].action: missing" },
            { With("steps", "[{\"choice\": 1, \"action\": \"a\", \"x\": 1}, {\"choice\": 5, \"action\": \"b\"}]"), "$.steps[0].x: unknown field" },
            { With("steps", "null"), "$.steps: expected an array of steps, found null" },
            { With("settings", "null"), "$.settings: expected an object" },
            { With("settings", "{\"big\": 5}"), "$.settings.big: expected a string, found 5" },
            { With("loopStart", "2"), "$.loopStart: 2 is out of range (a loop needs a step after it: 0..1 for 2 steps)" },
            { With("loopStart", "-1"), "$.loopStart: -1 is out of range" },
            { With("length", "3"), "$.length: 3, but $.steps has 2 steps" },
            { With("choicePath", "\"i1:1/4\""), "$.choicePath: choice 2 is '4', but $.steps[1].choice is 5" },
            { With("choicePath", "\"1/5\""), "$.choicePath: starts at initial state 0, but $.initial is 1" },
            { With("seed", "-1"), "$.seed: expected a whole number 0..18446744073709551615, found -1" },
            { With("origin", "\"\""), "$.origin: empty" },
            { "{\"format\": 1, \"format\": 1}", "$.format: given twice" },
            { "{\"format\": 1, \"model\": \"m\", \"settings\": {}, \"initial\": 0, \"steps\": [], \"choicePath\": \"\", \"length\": 0, \"loopStart\": 0}",
                "$.loopStart: 0 given, but the trace has no step to loop on" },
        };
    }

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void A_bad_trace_is_a_one_line_trace_format_error(string json, string mentions)
    {
        var e = Assert.Throws<TraceFormatException>(() => TraceJson.Deserialize(json));
        Assert.Contains(mentions, e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void A_missing_file_is_a_trace_format_error()
    {
        var e = Assert.Throws<TraceFormatException>(() => TraceJson.Read(Path.Combine(Path.GetTempPath(), $"absent-{Guid.NewGuid():N}.json")));
        Assert.EndsWith(": no such file", e.Message);
    }
}
