using System.Diagnostics;
using System.Text.Json.Nodes;
using TcpModelCheck.Cli.Tests.Support;
using TcpModelCheck.Tcp;

namespace TcpModelCheck.Cli.Tests;

/// <summary>Two trace files written by the real tool once for the whole class: the 12-step no-time-wait
/// graceful-close counterexample (issue 13's base.json) and a 21-step lasso of eventually-closed (rfc1337
/// reconnect under strong fairness alone, loop from step 19: the zero-time ACK war).</summary>
public sealed class GeneratedTraces : IDisposable
{
    internal TempDir Dir { get; } = new();
    public string Safety { get; }
    public string Lasso { get; }

    public GeneratedTraces()
    {
        Safety = Dir.File("base.json");
        var check = CliRun.Tcp("check", "--variant", "no-time-wait", "-p", "graceful-close", "--out", Safety);
        Assert.True(check.Code == 1, check.ToString());
        Lasso = Dir.File("lasso.json");
        check = CliRun.Tcp("check", "--variant", "rfc1337", "--workload", "reconnect", "--isn-mode", "set", "--isn-set", "0", "--loss-budget", "0",
            "--network-capacity", "2", "-p", "eventually-closed", "--fairness", "strong", "--out", Lasso);
        Assert.True(check.Code == 1, check.ToString());
    }

    public void Dispose() => Dir.Dispose();
}

/// <summary>
/// Issue 13: a damaged trace never replays as "fixed". Every row of the table, reproduced on a trace the
/// tool generated and then edited as <c>jq</c> would: exit 3 and one stderr line that starts with the file and
/// the JSON path of the culprit. (The unedited traces still reproduce, so the checks refuse only damage.)
/// </summary>
public class DamagedTraceTests(GeneratedTraces traces) : IClassFixture<GeneratedTraces>
{
    private string Edit(string source, Action<JsonObject> edit)
    {
        var doc = JsonNode.Parse(File.ReadAllText(source))!.AsObject();
        edit(doc);
        return traces.Dir.Write($"edited-{Guid.NewGuid():N}.json", doc.ToJsonString());
    }

    private static JsonArray Steps(JsonObject d) => d["steps"]!.AsArray();

    private static void Refused(string file, string expected)
    {
        var r = CliRun.Tcp("replay", file);
        Assert.True(r.Code == 3, r.ToString());
        Assert.Equal($"tcpmc: {file}: {expected}", Assert.Single(r.ErrLines));
    }

    [Fact]
    public void The_generated_traces_reproduce_their_violations()
    {
        Assert.Contains("reproduced: graceful-close violated at step 12", CliRun.Tcp("replay", traces.Safety).Out);
        var lasso = CliRun.Tcp("replay", traces.Lasso);
        Assert.True(lasso.Code == 1, lasso.ToString());
        Assert.Contains("the loop closes: the state after step 21 is the state after step 19", lasso.Out);
    }

    [Fact]
    public void The_lasso_records_its_fairness_and_replays_under_time_progress_as_no_counterexample()
    {
        // the trace names the fairness it was found under, so a plain replay judges it the same way (above);
        // under time progress its zero-time cycle is no run, said in one line, and the exit code is 0
        Assert.Equal("strong", JsonNode.Parse(File.ReadAllText(traces.Lasso))!["settings"]!["fairness"]!.GetValue<string>());
        var r = CliRun.Tcp("replay", traces.Lasso, "--fairness", "time");
        Assert.True(r.Code == 0, r.ToString());
        Assert.Contains("replayed with fairness=time (trace: strong)", r.Out);
        Assert.Contains("not reproduced: the cycle (steps 20-21) takes no time-progress action: under time progress a loop "
            + "in which time never advances is not an execution", r.Out);
        var holds = CliRun.Tcp("check", "--variant", "rfc1337", "--workload", "reconnect", "--isn-mode", "set", "--isn-set", "0", "--loss-budget", "0",
            "--network-capacity", "2", "-p", "eventually-closed", "--json");
        Assert.True(holds.Code == 0, holds.ToString());
        Assert.Contains("excluded 6 timelocks (14 states)", holds.Out);
    }

    public static TheoryData<string, string> SafetyEdits() => new()
    {
        { "del(.steps)", "$.steps: missing" },
        { ".steps=[]", "$.length: 12, but $.steps has 0 steps" },
        { ".steps=.steps[:5]", "$.length: 12, but $.steps has 5 steps" },
        { ".steps=.steps[:5] | .length=5", "$.choicePath: has 12 choices, but $.steps has 5 steps" },
        { ".choicePath last=1", "$.choicePath: choice 12 is '1', but $.steps[11].choice is 0" },
        { "del(.steps[4].choice)", "$.steps[4].choice: missing" },
        { "del(.steps[4].action)", "$.steps[4].action: missing" },
        { ".steps[4].choice=null", "$.steps[4].choice: expected a whole number 0..2147483647, found null" },
        { ".steps[4].choice=2.5", "$.steps[4].choice: expected a whole number 0..2147483647, found 2.5" },
        { ".steps[4]=7", "$.steps[4]: expected a step {\"choice\": n, \"action\": \"...\"}, found 7" },
        { "del(.length)", "$.length: missing" },
        { "del(.choicePath)", "$.choicePath: missing" },
        { "del(.format)", "$.format: missing" },
        { ".format=2", "$.format: unsupported trace format 2 (this tool reads format 1)" },
        { ".model=null", "$.model: expected a string, found null" },
        { ".model=\"spin\"", "$.model: 'spin', but this tool checks model 'tcp'" },
        { ".settings=null", "$.settings: expected an object of name/value strings, found null" },
        { ".settings.msl=\"99\"", "$.settings.msl: 99 is out of range 1..8" },
        { ".settings.colour=\"blue\"", "$.settings.colour: unknown setting 'colour'; valid settings: " + Keys },
        { ".initial=-1", "$.initial: -1 is out of range (0..2147483647)" },
        { ".loopStart=3", "$.loopStart: given, but graceful-close is invariant, not eventually or leads-to: only a liveness counterexample loops" },
        { ".origin=\"BFS\"", "$.origin: 'BFS' is not an origin name (lower-case words joined by '-', e.g. bfs, random-walk)" },
        { "del(.property)", "$.property: missing: a trace found by a search ($.origin 'bfs') is the counterexample or witness of a property" },
        { ".property=\"no-such\"", "$.property: unknown property 'no-such' (see 'tcpmc list properties')" },
        { ".loopstart=3", "$.loopstart: unknown field (a trace has: format, model, settings, initial, steps, loopStart, property, origin, seed, choicePath, length)" },
    };

    private static string Keys => string.Join(", ", TcpFields.All.Select(f => f.Key));

    [Theory]
    [MemberData(nameof(SafetyEdits))]
    public void A_damaged_counterexample_is_refused_naming_the_field(string edit, string expected) =>
        Refused(Edit(traces.Safety, Apply(edit)), expected);

    private static Action<JsonObject> Apply(string edit) => edit switch
    {
        "del(.steps)" => d => d.Remove("steps"),
        ".steps=[]" => d => d["steps"] = new JsonArray(),
        ".steps=.steps[:5]" => d => Truncate(Steps(d), 5),
        ".steps=.steps[:5] | .length=5" => d => { Truncate(Steps(d), 5); d["length"] = 5; },
        ".choicePath last=1" => d => d["choicePath"] = d["choicePath"]!.GetValue<string>()[..^1] + "1",
        "del(.steps[4].choice)" => d => Steps(d)[4]!.AsObject().Remove("choice"),
        "del(.steps[4].action)" => d => Steps(d)[4]!.AsObject().Remove("action"),
        ".steps[4].choice=null" => d => Steps(d)[4]!["choice"] = null,
        ".steps[4].choice=2.5" => d => Steps(d)[4]!["choice"] = 2.5,
        ".steps[4]=7" => d => Steps(d)[4] = 7,
        ".loopStart=3" => d => d["loopStart"] = 3,
        ".loopstart=3" => d => d["loopstart"] = 3,
        _ when edit.StartsWith("del(.", StringComparison.Ordinal) => d => d.Remove(edit[5..^1]),
        _ => d => Set(d, edit),
    };

    /// <summary>".a.b=JSON": sets the field at that path to the JSON value.</summary>
    private static void Set(JsonObject d, string edit)
    {
        var (path, value) = (edit[1..edit.IndexOf('=')], edit[(edit.IndexOf('=') + 1)..]);
        var names = path.Split('.');
        var target = names[..^1].Aggregate(d, (o, n) => o[n]!.AsObject());
        target[names[^1]] = JsonNode.Parse(value);
    }

    private static void Truncate(JsonArray steps, int keep)
    {
        while (steps.Count > keep) steps.RemoveAt(steps.Count - 1);
    }

    /// <summary>The ".settings.msl=null (and 19 other settings set to null)": every setting, no NullReferenceException.</summary>
    public static TheoryData<string> SettingKeys() => [.. TcpFields.All.Select(f => f.Key)];

    [Theory]
    [MemberData(nameof(SettingKeys))]
    public void A_setting_set_to_null_is_refused(string key) =>
        Refused(Edit(traces.Safety, d => d["settings"]![key] = null), $"$.settings.{key}: expected a string, found null");

    [Fact]
    public void A_lasso_without_its_loop_start_is_refused() =>
        Refused(Edit(traces.Lasso, d => d.Remove("loopStart")), "$.loopStart: missing: a counterexample of eventually-closed " +
            "(eventually) either loops back (loopStart) or ends where nothing is enabled, but 2 action(s) are enabled after step 21");

    [Fact]
    public void A_lasso_whose_loop_does_not_close_is_refused_and_not_drawn()
    {
        var file = Edit(traces.Lasso, d => d["loopStart"] = 0);
        var r = CliRun.Tcp("replay", file);
        Assert.True(r.Code == 3, r.ToString());
        Assert.Equal($"tcpmc: {file}: $.loopStart: 0, but the loop does not close (the state after step 21 differs from the state " +
                     "after step 0): the trace shows no infinite run, so it neither confirms nor refutes eventually-closed", Assert.Single(r.ErrLines));
        Assert.DoesNotContain("the loop repeats", r.Out);
        Assert.DoesNotContain("reproduced", r.Out);
    }

    [Fact]
    public void A_device_is_refused_without_reading_it()
    {
        var r = CliRun.Tcp("replay", "/dev/zero");
        Assert.True(r.Code == 3, r.ToString());
        Assert.Equal("tcpmc: /dev/zero: is a character device, not a regular file (only regular files are read)", Assert.Single(r.ErrLines));
    }

    [Fact]
    public async Task A_fifo_is_refused_without_opening_it()
    {
        var fifo = traces.Dir.File($"fifo-{Guid.NewGuid():N}.json");
        using (var mk = Process.Start("mkfifo", [fifo])) await mk.WaitForExitAsync();
        var r = await Task.Run(() => CliRun.Tcp("replay", fifo)).WaitAsync(TimeSpan.FromSeconds(20)); // a hang fails, not blocks
        Assert.Equal($"tcpmc: {fifo}: is a FIFO, not a regular file (only regular files are read)", Assert.Single(r.ErrLines));
        Assert.Equal(3, r.Code);
    }

    [Fact]
    public void A_file_over_64_MiB_is_refused_without_reading_it()
    {
        var big = traces.Dir.File("big.json");
        using (var f = File.Create(big)) f.SetLength((64L << 20) + 1); // sparse: nothing is written
        Refused(big, "is larger than 64 MiB (no trace is that large; is it the right file?)");
    }

    [Theory]
    [InlineData("", "tcpmc: the trace file name is empty")]
    [InlineData("/nonexistent/trace.json", "tcpmc: /nonexistent/trace.json: no such file")]
    public void A_missing_file_is_refused(string path, string expected)
    {
        var r = CliRun.Tcp("replay", path);
        Assert.True(r.Code == 3, r.ToString());
        Assert.Equal(expected, Assert.Single(r.ErrLines));
    }

    [Fact]
    public void A_directory_is_a_directory_not_access_denied() =>
        Refused(traces.Dir.Path, "is a directory, not a trace file");

    [Fact]
    public void Max_seconds_NaN_is_bad_input()
    {
        var r = CliRun.Tcp("check", "--max-seconds", "NaN");
        Assert.True(r.Code == 3, r.ToString());
        Assert.Contains("--max-seconds expects a finite number (got 'NaN')", Assert.Single(r.ErrLines));
    }
}
