using System.Collections.Immutable;
using TcpModelCheck.Engine.Simulation;
using TcpModelCheck.Engine.Traces;
using TcpModelCheck.Tcp.Tests.Support;

namespace TcpModelCheck.Tcp.Tests;

/// <summary>
/// The <c>rst-challenge-ack</c> field (RFC 5961 §3.2, which RFC 9293 §3.10.7.4 incorporates): the example of a
/// configuration field added as one row of <see cref="TcpFields"/>. Off gives RFC 793's rule, under which any RST
/// inside the receive window resets the connection.
/// </summary>
public class ChallengeAckTests
{
    /// <summary>The ISN set {0, 14} in the 16-number sequence space (the default until issue 10; this test is about the
    /// wrap, so it sets it): the old RST lands in the window only when the ISSs are chosen so and RCV.NXT wraps (with the
    /// ISN clock, the default, RFC 793's rule keeps every property here).</summary>
    private static readonly TcpConfig SimultaneousOpen = TcpConfig.Default with
    {
        Workload = Workloads.SimultaneousOpen, IsnMode = IsnMode.Set, SequenceSpace = 16,
    };

    [Fact]
    public void Default_IsOn_AndRoundTripsThroughSettings()
    {
        Assert.True(TcpConfig.Default.RstChallengeAck);
        var off = TcpConfig.FromSettings(new Dictionary<string, string> { ["rst-challenge-ack"] = "false" });
        Assert.False(off.RstChallengeAck);
        Assert.Equal("false", off.ToSettings()["rst-challenge-ack"]);
        Assert.Equal("rfc9293/client-closes-first rst-challenge-ack=false", off.Name);
    }

    /// <summary>
    /// RFC 793's rule leaves a half-open connection on simultaneous open: A's first SYN is refused by B (still
    /// CLOSED) with &lt;SEQ=0&gt;&lt;ACK=1&gt;&lt;CTL=RST,ACK&gt;; that RST is delayed while the simultaneous handshake
    /// completes at B and the ACK to A is lost; the old RST then lands inside A's window (SEQ 0 is within RCV.NXT=15
    /// + RCV.WND in a 16-number space) and A closes while B stays ESTABLISHED with nothing left to send: a deadlock
    /// in 7 steps. With the challenge ACK (the default) the same schedule answers the RST with an ACK instead.
    /// </summary>
    [Fact]
    public void Off_OldRstInWindowClosesOneSide_HalfOpenDeadlockIn7Steps_OnChallengesIt()
    {
        var off = SimultaneousOpen with { RstChallengeAck = false };
        var replay = Checks.AssertViolated(off, "no-deadlock", 7);
        var final = replay.Steps[^1].State;
        Assert.Equal(ConnectionState.Closed, final.Client.State);
        Assert.Equal(ConnectionState.Established, final.Server.State);

        var trace = Checks.Check(off, stopWhenViolated: true, "no-deadlock")["no-deadlock"].Counterexample!.Trace;
        var on = TcpConfig.ForReplay(trace.Settings, new Dictionary<string, string> { ["rst-challenge-ack"] = "true" });
        Assert.True(on.RstChallengeAck);
        var model = new TcpModel(on);
        trace = trace with { Settings = model.Settings.ToImmutableSortedDictionary() };
        var rerun = Replayer.Replay(model, trace);
        Assert.True(rerun.Matches, rerun.Divergence?.ToString());
        Assert.Equal(ConnectionState.SynReceived, rerun.Steps[^1].State.Client.State);
        Assert.Null(Simulator.FirstViolation(model, trace, model.Properties.Where(p => p.Name == "no-deadlock").ToList()));
    }
}
