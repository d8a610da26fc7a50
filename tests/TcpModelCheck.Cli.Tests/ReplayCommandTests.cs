using TcpModelCheck.Cli.Tests.Support;
using TcpModelCheck.Engine.Traces;

namespace TcpModelCheck.Cli.Tests;

/// <summary><c>replay</c> of trace files written by <c>check --out</c> (grid model; the TCP round trip is in
/// <see cref="TcpEndToEndTests"/>), and of damaged ones.</summary>
public class ReplayCommandTests
{
    private static readonly GridBackend Grid = new();

    private static string WriteCounterexample(TempDir dir)
    {
        var file = dir.File("broken.json");
        var check = CliRun.With(Grid, "check", "--variant", "broken", "--out", file);
        Assert.Equal(1, check.Code);
        Assert.Contains($"trace of below-limit written to {file}", check.Out);
        return file;
    }

    [Fact]
    public void A_trace_written_by_check_replays_to_the_same_violation()
    {
        using var dir = new TempDir();
        var r = CliRun.With(Grid, "replay", WriteCounterexample(dir));
        Assert.True(r.Code == 1, r.ToString());
        Assert.Matches(@"\n3\. (right|up) -> \((2, 1|1, 2)\)", r.Out);
        Assert.Contains("reproduced: below-limit violated at step 3", r.Out);
        Assert.Equal("", r.Err);
    }

    [Fact]
    public void Json_replay_report()
    {
        using var dir = new TempDir();
        var doc = Json.Parse(CliRun.With(Grid, "replay", WriteCounterexample(dir), "--json").Out);
        Assert.Equal(1, doc.GetProperty("exitCode").GetInt32());
        Assert.Equal(3, doc.GetProperty("replayedSteps").GetInt32());
        Assert.Equal("below-limit", doc.GetProperty("violated").GetString());
        Assert.Equal(3, doc.GetProperty("violationStep").GetInt32());
    }

    /// <summary>right, right, up on the 3×3 broken grid (x + y reaches 3 at step 3), recorded by the engine.</summary>
    private static string WriteRightRightUp(TempDir dir)
    {
        var trace = Replayer.Record(new GridModel("broken", "small", 3, 3), 0, [0, 0, 0], property: "below-limit");
        var file = dir.File("right-right-up.json");
        TraceJson.Write(trace, file);
        return file;
    }

    [Fact]
    public void Replaying_against_a_model_where_the_choices_differ_names_the_diverging_step()
    {
        // On a 2×2 grid, (1,0) offers only "up": the recorded second step "right" (choice 0) now means "up".
        using var dir = new TempDir();
        var file = WriteRightRightUp(dir);
        var r = CliRun.With(Grid, "replay", file, "--size", "2");
        Assert.Equal(3, r.Code);
        Assert.Equal([$"tcpmc: trace file '{file}' does not replay: diverges at step 2: expected choice 0 = right, found up"], r.ErrLines);
        Assert.Contains("1. right -> (1, 0)", r.Out);
        Assert.DoesNotContain("2. ", r.Out);
    }

    [Fact]
    public void Replaying_where_the_property_holds_reports_it_not_reproduced()
    {
        using var dir = new TempDir();
        var r = CliRun.With(Grid, "replay", WriteRightRightUp(dir), "--variant", "safe");
        Assert.True(r.Code == 0, r.ToString());
        Assert.Contains("not reproduced: replaying all 3 steps does not violate below-limit", r.Out);
    }

    /// <summary>A complete hand-written grid trace: <paramref name="fields"/> (JSON members) on top of an empty one.</summary>
    private static string Trace(string fields = "") =>
        "{\"format\":1,\"model\":\"grid\",\"settings\":{},\"initial\":0,\"steps\":[],\"choicePath\":\"\",\"length\":0" +
        (fields.Length > 0 ? "," + fields : "") + "}";

    private const string OneStep = "\"steps\":[{\"choice\":7,\"action\":\"right\"}],\"choicePath\":\"7\",\"length\":1";

    [Theory]
    [InlineData("truncated", "malformed JSON")]
    [InlineData("not json", "damaged.json: malformed JSON at line 1: 'not json' is an invalid JSON literal. Expected the literal 'null'.")]
    [InlineData("null", "damaged.json: $: expected a JSON object (a trace), found null")]
    [InlineData("{\"format\":2,\"model\":\"grid\"}", "damaged.json: $.settings: missing")]
    [InlineData("model tcp", "damaged.json: $.model: 'tcp', but this tool checks model 'grid'")]
    [InlineData("negative choice", "damaged.json: $.steps[0].choice: -1 is out of range (0..2147483647)")]
    [InlineData("choice 7", "does not replay: diverges at step 1: expected choice 7 (right), found only 2 enabled action(s)")]
    [InlineData("size 5000", "damaged.json: $.settings.size: 5000 is out of range 2..1000")]
    public void A_damaged_trace_file_is_bad_input_with_one_line(string content, string expected)
    {
        using var dir = new TempDir();
        content = content switch
        {
            "truncated" => File.ReadAllText(WriteCounterexample(dir)) is var whole ? whole[..(whole.Length / 2)] : "",
            "model tcp" => Trace().Replace("\"grid\"", "\"tcp\""),
            "negative choice" => Trace(OneStep.Replace("7", "-1")).Replace("\"steps\":[],\"choicePath\":\"\",\"length\":0,", ""),
            "choice 7" => Trace(OneStep).Replace("\"steps\":[],\"choicePath\":\"\",\"length\":0,", ""),
            "size 5000" => Trace().Replace("\"settings\":{}", "\"settings\":{\"size\":\"5000\"}"),
            _ => content,
        };
        var r = CliRun.With(Grid, "replay", dir.Write("damaged.json", content));
        Assert.True(r.Code == 3, r.ToString());
        var line = Assert.Single(r.ErrLines);
        Assert.StartsWith("tcpmc: ", line);
        Assert.Contains(expected, line);
    }

    [Fact]
    public void A_missing_trace_file_is_bad_input()
    {
        var r = CliRun.With(Grid, "replay", "/nonexistent/trace.json");
        Assert.Equal(3, r.Code);
        Assert.Equal("tcpmc: /nonexistent/trace.json: no such file", Assert.Single(r.ErrLines));
    }

    /// <summary>reach-end (eventually the corner) on the 3×3 grid: a path of <paramref name="choices"/>, recorded by the engine.</summary>
    private static string WriteReachEnd(TempDir dir, int[] choices, int? loopStart)
    {
        var trace = Replayer.Record(new GridModel("safe", "small", 3, 100), 0, choices, "bfs", "reach-end", loopStart);
        var file = dir.File("reach-end.json");
        TraceJson.Write(trace, file);
        return file;
    }

    [Fact]
    public void A_liveness_trace_without_a_loop_that_ends_where_nothing_is_enabled_is_valid()
    {
        // right, right, up, up ends in the corner: nothing enabled there, and the corner is the goal, so no violation
        using var dir = new TempDir();
        var r = CliRun.With(Grid, "replay", WriteReachEnd(dir, [0, 0, 0, 0], null));
        Assert.True(r.Code == 0, r.ToString());
        Assert.Contains("not reproduced: replaying all 4 steps does not violate reach-end", r.Out);
    }

    [Fact]
    public void A_liveness_trace_without_a_loop_that_ends_where_an_action_is_enabled_is_refused()
    {
        using var dir = new TempDir();
        var file = WriteReachEnd(dir, [0, 0], null);
        var r = CliRun.With(Grid, "replay", file);
        Assert.True(r.Code == 3, r.ToString());
        Assert.Equal($"tcpmc: {file}: $.loopStart: missing: a counterexample of reach-end (eventually) either loops back (loopStart) " +
                     "or ends where nothing is enabled, but 1 action(s) are enabled after step 2", Assert.Single(r.ErrLines));
    }

    [Fact]
    public void A_loop_that_does_not_close_is_refused_even_on_another_model()
    {
        // the grid has no cycle, so no loop closes: with or without overrides, the trace shows no infinite run
        using var dir = new TempDir();
        var file = WriteReachEnd(dir, [0, 1], 1);
        foreach (var args in new[] { new[] { "replay", file }, ["replay", file, "--variant", "broken"] })
        {
            var r = CliRun.With(Grid, args);
            Assert.True(r.Code == 3, r.ToString());
            Assert.Contains("$.loopStart: 1, but the loop does not close (the state after step 2 differs from the state after step 1)",
                Assert.Single(r.ErrLines));
        }
    }

    [Fact]
    public void An_unwritable_out_path_is_bad_input_before_the_search()
    {
        var r = CliRun.With(Grid, "check", "--variant", "broken", "--out", "/nonexistent/dir/trace.json");
        Assert.Equal(3, r.Code);
        Assert.Equal("", r.Out);   // refused before the search: no report
        Assert.StartsWith("tcpmc: --out '/nonexistent/dir/trace.json': directory '/nonexistent/dir' does not exist", Assert.Single(r.ErrLines));
    }
}
