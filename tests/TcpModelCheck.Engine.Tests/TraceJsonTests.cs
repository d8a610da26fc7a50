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

    public static TheoryData<string, string> BadFiles()
    {
        var good = TraceJson.Serialize(Sample);
        return new TheoryData<string, string>
        {
            { "", "malformed" },
            { "{", "malformed" },
            { good[..(good.Length / 2)], "malformed" },
            { "[1, 2]", "malformed" },
            { "42", "malformed" },
            { "null", "no trace" },
            { "{\"format\": 2, \"model\": \"m\"}", "unsupported trace format 2" },
            { "{\"format\": 1}", "model" },
            { "{\"format\": 1, \"model\": \"\"}", "names no model" },
            { "{\"format\": 1, \"model\": \"m\", \"initial\": \"zero\"}", "malformed" },
            { "{\"format\": 1, \"model\": \"m\", \"steps\": 7}", "the value of $.steps has the wrong type" },
            { "{\"format\": 1, \"model\": \"m\", \"initial\": -1}", "negative initial" },
            { "{\"format\": 1, \"model\": \"m\", \"steps\": [{\"choice\": -3, \"action\": \"a\"}]}", "negative choice" },
            { "{\"format\": 1, \"model\": \"m\", \"steps\": [null]}", "step 1 is null" },
            { "{\"format\": 1, \"model\": \"m\", \"steps\": null}", "steps" },
            { "{\"format\": 1, \"model\": \"m\", \"settings\": null}", "settings" },
            { "{\"format\": 1, \"model\": \"m\", \"steps\": [{\"choice\": 0}], \"loopStart\": 2}", "loopStart 2" },
            { "{\"format\": 1, \"model\": \"m\", \"steps\": [{\"choice\": 0}], \"loopStart\": 1}", "a loop needs a step after it: 0..0" },
            { "{\"format\": 1, \"model\": \"m\", \"loopStart\": 0}", "no step to loop on" },
            { "{\"format\": 1, \"model\": \"m\", \"steps\": [{\"choice\": 0}], \"loopStart\": -1}", "loopStart -1" },
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
        Assert.Contains("cannot read", e.Message);
    }
}
