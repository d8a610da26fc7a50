using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Tcp.Tests.Support;

namespace TcpModelCheck.Tcp.Tests;

/// <summary>
/// The quiet time of RFC 9293 §3.4.3, shown by turning it off: rfc1337 reconnecting with one crash (no loss, to
/// keep the full search small). A crash loses the host's memory of the sequence numbers in use, so its ISN
/// clock falls back to the lost connection's ISS (the worst case, see IsnClock.Crashed).
/// </summary>
public sealed class QuietTimeTests
{
    private static readonly TcpConfig Crashing = TcpConfig.ForVariant(Variants.Rfc1337) with
    {
        Workload = Workloads.Reconnect, CrashBudget = 1, LossBudget = 0,
    };

    /// <summary>Off: A crashes in FIN-WAIT-1 with d1 still in flight, B's ACK draws a reset from the CLOSED A, B
    /// listens again, A reopens at once with the same ISS, and B's connection 2 accepts connection 1's d1 — 14
    /// steps, replayed from JSON.</summary>
    [Fact]
    public void Off_TheRestartedHostReusesItsNumbersAtOnce_StaleDataIn14Steps()
    {
        var replay = Checks.AssertViolated(Crashing with { QuietTime = false }, TcpProperties.NoStaleData, 14);
        Assert.Equal(1, replay.Steps[^1].State.Used.Crashes);
    }

    /// <summary>On (the default): the restarted host waits MSL before it opens again, by which time every segment
    /// of the lost connection has expired; exhaustive, 471,020 states (582,079 with <c>--reduction none</c>; 471,024 and
    /// 582,083 in the 16-number sequence space, the default until issue 10: wrap-around coincidences only).</summary>
    [Fact]
    public void On_EveryOldSegmentHasExpiredBeforeTheHostReopens()
    {
        Assert.True(Crashing.QuietTime);
        var result = Checks.Check(Crashing, TcpProperties.NoStaleData);
        Assert.True(result.Statistics.Complete);
        Assert.Equal(471_020, result.Statistics.DistinctStates);
        Assert.Equal(Verdict.Holds, result[TcpProperties.NoStaleData].Verdict);
    }
}
