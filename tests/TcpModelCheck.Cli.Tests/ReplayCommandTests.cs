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

    [Theory]
    [InlineData("truncated", "malformed trace JSON")]
    [InlineData("not json", "malformed trace JSON at line 1")]
    [InlineData("null", "the trace file holds no trace (JSON null)")]
    [InlineData("{\"format\":2,\"model\":\"grid\"}", "unsupported trace format 2")]
    [InlineData("{\"model\":\"tcp\",\"steps\":[]}", "is for model 'tcp', not 'grid'")]
    [InlineData("{\"model\":\"grid\",\"steps\":[{\"choice\":-1,\"action\":\"right\"}]}", "step 1 has a negative choice -1")]
    [InlineData("{\"model\":\"grid\",\"steps\":[{\"choice\":7,\"action\":\"right\"}]}", "does not replay: diverges at step 1: expected choice 7 (right), found only 2 enabled action(s)")]
    [InlineData("{\"model\":\"grid\",\"settings\":{\"size\":\"5000\"},\"steps\":[]}", "has settings this model rejects: size: 5000 is out of range 2..1000")]
    public void A_damaged_trace_file_is_bad_input_with_one_line(string content, string expected)
    {
        using var dir = new TempDir();
        if (content == "truncated")
        {
            var whole = File.ReadAllText(WriteCounterexample(dir));
            content = whole[..(whole.Length / 2)];
        }
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
        Assert.StartsWith("tcpmc: cannot read trace file '/nonexistent/trace.json'", Assert.Single(r.ErrLines));
    }

    [Fact]
    public void An_unwritable_out_path_is_bad_input()
    {
        var r = CliRun.With(Grid, "check", "--variant", "broken", "--out", "/nonexistent/dir/trace.json");
        Assert.Equal(3, r.Code);
        Assert.StartsWith("tcpmc: cannot write trace file '/nonexistent/dir/trace.json'", Assert.Single(r.ErrLines));
    }
}
