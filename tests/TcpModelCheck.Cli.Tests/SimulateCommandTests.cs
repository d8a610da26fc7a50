using TcpModelCheck.Cli.Tests.Support;

namespace TcpModelCheck.Cli.Tests;

/// <summary><c>simulate</c>: seeded fault schedules on the grid model (moves right and up as its two kinds). In the
/// 3×3 grid every run is 4 steps long (it ends in the terminal corner), and in the broken variant every run passes
/// x + y = 3 at step 3, which shrinks to a schedule of 3 intents.</summary>
public class SimulateCommandTests
{
    private static readonly GridBackend Grid = new();

    [Fact]
    public void Safe_walks_report_no_violation_and_exit_0()
    {
        var doc = Json.Parse(CliRun.With(Grid, "simulate", "--runs", "50", "--json").Out);
        Assert.Equal(0, doc.GetProperty("exitCode").GetInt32());
        Assert.Equal(50, doc.GetProperty("runs").GetInt32());
        Assert.Equal(200, doc.GetProperty("totalSteps").GetInt64());
        Assert.Equal(0, doc.GetProperty("violations").GetArrayLength());
    }

    [Fact]
    public void Every_broken_walk_violates_at_step_3_and_the_trace_replays_to_the_same_violation()
    {
        var file = Path.Combine(Path.GetTempPath(), $"tcpmc-sim-{Guid.NewGuid():N}.json");
        try
        {
            var doc = Json.Parse(CliRun.With(Grid, "simulate", "--variant", "broken", "--runs", "30", "--seed", "7", "--out", file, "--json").Out);
            Assert.Equal(1, doc.GetProperty("exitCode").GetInt32());
            var v = doc.GetProperty("violations").EnumerateArray().Single();
            Assert.Equal("below-limit", v.GetProperty("property").GetString());
            Assert.Equal(30, v.GetProperty("count").GetInt32());
            Assert.Equal(3, v.GetProperty("shortestLength").GetInt32());
            var replay = CliRun.With(Grid, "replay", file);
            Assert.Equal(1, replay.Code);
            Assert.Contains("reproduced: below-limit violated at step 3", replay.Out);
        }
        finally { File.Delete(file); }
    }

    [Theory]
    [InlineData("uniform")]
    [InlineData("swarm")]
    [InlineData("coverage")]
    [InlineData("hold")]
    [InlineData("priority")]
    public void Every_strategy_finds_the_violation_and_shrinks_it_to_three_intents(string strategy)
    {
        var r = CliRun.With(Grid, "simulate", "--variant", "broken", "--runs", "20", "--strategy", strategy, "--no-timings");
        Assert.Equal(1, r.Code);
        Assert.Contains($"20 {strategy} schedules from seed 1", r.Out);
        Assert.Matches(@"shrunk schedule of below-limit \(3 steps, drawn with \d+ intents\): \w+ \w+ \w+\n", r.Out);
    }

    [Fact]
    public void An_unknown_strategy_and_a_liveness_property_are_bad_input()
    {
        var unknown = CliRun.With(Grid, "simulate", "--strategy", "pct");
        Assert.Equal(3, unknown.Code);
        Assert.Contains("--strategy must be one of uniform, swarm, coverage, hold, priority (got 'pct')", unknown.Err);
        var liveness = CliRun.With(Grid, "simulate", "-p", "reach-end");
        Assert.Equal(3, liveness.Code);
        Assert.Contains("property 'reach-end' is not a safety property (Eventually): a finite run cannot refute it; use tcpmc check", liveness.Err);
    }

    [Fact]
    public void Default_schedules_find_stale_data_on_no_time_wait_reconnect_at_run_21_and_the_shrunk_trace_replays()
    {
        // The issue's acceptance run with the default strategy (priority): uniform schedules need about 12,000 runs
        // for this violation, priority a median of 146 over seeds 1..15 (strategy benchmark). Pinned, so a change to
        // the priority rule, the held kinds or the seed convention shows here.
        var file = Path.Combine(Path.GetTempPath(), $"tcpmc-sim-{Guid.NewGuid():N}.json");
        try
        {
            var r = CliRun.Tcp("simulate", "--seed", "7", "--runs", "1000", "--variant", "no-time-wait", "--workload", "reconnect",
                "-p", "no-stale-data", "--out", file, "--no-timings");
            Assert.True(r.Code == 1, r.ToString());
            Assert.Contains("1,000 priority schedules from seed 7", r.Out);
            Assert.Matches(@"│ no-stale-data │ 5 +│ 21 +│", r.Out);
            Assert.Contains("property no-stale-data fails here (after step 20)", r.Out);
            Assert.Contains("shrunk schedule of no-stale-data (20 steps", r.Out);
            var replay = CliRun.Tcp("replay", file);
            Assert.Equal(1, replay.Code);
            Assert.Contains("reproduced: no-stale-data violated at step 20", replay.Out);
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public void Hold_schedules_find_stale_data_from_seed_7_at_run_578_and_the_shrunk_trace_replays()
    {
        // The hold strategy alone (no priorities) on the same run: pinned, so a change to the hold rule shows here.
        var file = Path.Combine(Path.GetTempPath(), $"tcpmc-sim-{Guid.NewGuid():N}.json");
        try
        {
            var r = CliRun.Tcp("simulate", "--seed", "7", "--runs", "579", "--strategy", "hold", "--variant", "no-time-wait",
                "--workload", "reconnect", "-p", "no-stale-data", "--out", file, "--no-timings");
            Assert.True(r.Code == 1, r.ToString());
            Assert.Contains("579 hold schedules from seed 7", r.Out);
            Assert.Matches(@"│ no-stale-data │ 1 +│ 578 +│", r.Out);
            Assert.Contains("property no-stale-data fails here (after step 20)", r.Out);
            var replay = CliRun.Tcp("replay", file);
            Assert.Equal(1, replay.Code);
            Assert.Contains("reproduced: no-stale-data violated at step 20", replay.Out);
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public void The_same_seed_gives_the_same_report()
    {
        var a = CliRun.With(Grid, "simulate", "--variant", "broken", "--runs", "10", "--seed", "42", "--no-timings");
        var b = CliRun.With(Grid, "simulate", "--variant", "broken", "--runs", "10", "--seed", "42", "--no-timings");
        Assert.Equal(a.Out, b.Out);
    }
}
