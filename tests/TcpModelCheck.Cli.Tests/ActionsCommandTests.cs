using TcpModelCheck.Cli.Tests.Support;

namespace TcpModelCheck.Cli.Tests;

/// <summary><c>tcpmc actions --path</c> (enabled actions after a path, by index and chart label) and <c>check --out</c>
/// writing a witness path when nothing is violated.</summary>
public class ActionsCommandTests
{
    private static readonly GridBackend Grid = new();

    [Fact]
    public void Lists_the_enabled_actions_after_a_path_with_their_indices()
    {
        // (0,0) right → (1,0) up → (1,1): both moves are enabled on the 3×3 grid.
        var r = CliRun.With(Grid, "actions", "--path", "0/1");
        Assert.True(r.Code == 0, r.ToString());
        Assert.Contains("after 0/1 (2 steps)", r.Out);
        Assert.Contains("1. [0] right", r.Out);
        Assert.Contains("2. [1] up", r.Out);
        Assert.Contains("state: (1, 1)", r.Out);
        Assert.Contains("enabled actions (extend the path with --path 0/1/<index>):", r.Out);
        Assert.Contains("    0  right", r.Out);
        Assert.Contains("    1  up", r.Out);
    }

    [Fact]
    public void The_empty_path_is_the_initial_state_and_the_corner_is_the_end_of_the_run()
    {
        Assert.Contains("after no step (the initial state)", CliRun.With(Grid, "actions").Out);
        var end = CliRun.With(Grid, "actions", "--path", "0/0/0/0");
        Assert.Equal(0, end.Code);
        Assert.Contains("no action is enabled: the run is over", end.Out);
    }

    [Fact]
    public void Json_lists_taken_and_enabled_actions()
    {
        var doc = Json.Parse(CliRun.With(Grid, "actions", "--path", "0/0", "--json").Out);
        Assert.Equal("0/0", doc.GetProperty("path").GetString());
        Assert.Equal(2, doc.GetProperty("taken").GetArrayLength());
        var enabled = doc.GetProperty("enabled");
        Assert.Equal(1, enabled.GetArrayLength());
        Assert.Equal(0, enabled[0].GetProperty("index").GetInt32());
        Assert.Equal("up", enabled[0].GetProperty("label").GetString());
    }

    [Theory]
    [InlineData("0/0/5", "tcpmc: path 0/0/5 leaves the model at step 3: choice 5 is not enabled (only 1 enabled action(s))")]
    [InlineData("0/0/0/0/0", "tcpmc: path 0/0/0/0/0 leaves the model at step 5: choice 0 is not enabled (no enabled action)")]
    [InlineData("0/-1", "tcpmc: --path: choice path '0/-1': '-1' is not a choice index (a number, e.g. 0/2/1)")]
    [InlineData("i3:0", "tcpmc: path i3:0: there is no initial state #3 (only 1 initial state(s))")]
    public void A_bad_or_diverging_path_is_one_line_and_exit_3(string path, string error)
    {
        var r = CliRun.With(Grid, "actions", "--path", path);
        Assert.Equal(3, r.Code);
        Assert.Equal([error], r.ErrLines);
    }

    [Fact]
    public void The_no_time_wait_counterexample_path_labels_its_steps_as_the_chart_does()
    {
        var r = CliRun.Tcp("actions", "--variant", "no-time-wait", "--path", "0/0/0/0/0/0/1/1/0/3/3/0");
        Assert.True(r.Code == 0, r.ToString());
        Assert.Contains("10. [3] A: deliver <SEQ=1><ACK=3><CTL=FIN,ACK>", r.Out);
        Assert.Contains("12. [0] B: deliver <SEQ=3><CTL=RST>", r.Out);
        Assert.Contains("    0  B: deliver <SEQ=1><ACK=1><CTL=ACK>", r.Out);
    }

    [Fact]
    public void Check_out_writes_the_witness_path_when_nothing_is_violated_and_replay_reaches_it()
    {
        using var dir = new TempDir();
        var file = dir.File("corner.json");
        var check = CliRun.With(Grid, "check", "-p", "reach-corner", "--out", file);
        Assert.True(check.Code == 0, check.ToString());
        Assert.Contains($"witness path of reach-corner written to {file}", check.Out);
        var replay = CliRun.With(Grid, "replay", file);
        Assert.True(replay.Code == 0, replay.ToString());
        Assert.Contains("reached: witness reach-corner holds after step 4", replay.Out);
    }

    [Fact]
    public void The_tcp_time_wait_witness_is_drawn_and_written()
    {
        using var dir = new TempDir();
        var file = dir.File("time-wait.json");
        var check = CliRun.Tcp("check", "-p", "reached-time-wait", "--out", file, "--no-timings");
        Assert.True(check.Code == 0, check.ToString());
        Assert.Contains("property reached-time-wait: witness found", check.Out);
        Assert.Contains("witness: reached-time-wait is reached here (after step 10)", check.Out);
        Assert.Contains("reached: witness reached-time-wait holds after step 10", CliRun.Tcp("replay", file).Out);
    }
}
