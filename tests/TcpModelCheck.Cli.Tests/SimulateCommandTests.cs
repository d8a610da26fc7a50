using TcpModelCheck.Cli.Tests.Support;

namespace TcpModelCheck.Cli.Tests;

/// <summary><c>simulate</c>: seeded random walks on the grid model. In the 3×3 grid every walk is 4 steps long
/// (it ends in the terminal corner), and in the broken variant every walk passes x + y = 3 at step 3.</summary>
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

    [Fact]
    public void The_same_seed_gives_the_same_report()
    {
        var a = CliRun.With(Grid, "simulate", "--variant", "broken", "--runs", "10", "--seed", "42", "--no-timings");
        var b = CliRun.With(Grid, "simulate", "--variant", "broken", "--runs", "10", "--seed", "42", "--no-timings");
        Assert.Equal(a.Out, b.Out);
    }
}
