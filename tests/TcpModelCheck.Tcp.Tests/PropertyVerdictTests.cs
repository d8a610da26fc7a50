using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Tcp.Tests.Support;

namespace TcpModelCheck.Tcp.Tests;

/// <summary>
/// The named properties give the verdicts issue 4 expects on the default configuration (and on reconnect where
/// TIME-WAIT matters). Every expected violation is replayed from its JSON trace and reproduces; counterexample
/// lengths are breadth-first (shortest) and were measured with these exact configurations.
/// </summary>
public sealed class PropertyVerdictTests
{
    private static TcpConfig Variant(string name) => TcpConfig.ForVariant(name);

    [Fact]
    public void Rfc9293_DefaultHoldsTheCoreProperties()
    {
        var result = Checks.Check(Variant(Variants.Rfc9293));
        string[] hold =
        [
            TcpProperties.NoStaleData, TcpProperties.NoStaleClose, TcpProperties.NoDataLoss, TcpProperties.NoDuplicateDelivery,
            TcpProperties.GracefulClose, TcpProperties.HandshakeAgreement, TcpProperties.SequenceWithinWindow,
            TcpProperties.TimeWaitOnlyForActiveCloser, TcpProperties.WithinCapacity, TcpProperties.NoDeadlock,
            TcpProperties.EventuallyClosed, TcpProperties.ReachedEstablished, TcpProperties.ReachedTimeWait,
            TcpProperties.ClosedAfterClose, TcpProperties.ReachedDataDelivered,
        ];
        Assert.All(hold, name => Assert.Equal(Verdict.Holds, result[name].Verdict));
        Assert.Equal(Verdict.Violated, result[TcpProperties.NoTimeWaitAssassination].Verdict);
    }

    /// <summary>RFC 1337's hazard is real in RFC 9293's rules: an old ACK of the peer reaches TIME-WAIT, the ACK it
    /// draws reaches the peer, now CLOSED (or LISTEN), and the peer's reset closes TIME-WAIT early. No fault is
    /// needed — only reordering of segments in flight.</summary>
    [Fact]
    public void Rfc9293_TimeWaitCanBeAssassinated()
    {
        var replay = Checks.AssertViolated(Variant(Variants.Rfc9293), TcpProperties.NoTimeWaitAssassination, 14);
        var model = new TcpModel(Variant(Variants.Rfc9293));
        var labels = Checks.Labels(model, replay);
        Assert.Contains(labels, l => l.StartsWith("A: deliver") && l.EndsWith("<CTL=RST>"));
        Assert.Equal(0, replay.Steps[^1].State.Used.Losses);
    }

    [Fact]
    public void Rfc1337_HoldsEveryPropertyOnTheDefaultWorkload()
    {
        var result = Checks.Check(Variant(Variants.Rfc1337));
        Assert.All(result.Properties, p => Assert.Equal(Verdict.Holds, p.Verdict));
    }

    /// <summary>Without TIME-WAIT, A deletes its TCB as soon as it acknowledges B's FIN. The shortest violation needs
    /// no fault: an earlier ACK of B, still in flight, reaches the CLOSED A, which answers with a reset that
    /// overtakes A's last ACK and aborts B in LAST-ACK.</summary>
    [Fact]
    public void NoTimeWait_ViolatesGracefulClose()
    {
        var replay = Checks.AssertViolated(Variant(Variants.NoTimeWait), TcpProperties.GracefulClose, 12);
        var labels = Checks.Labels(new TcpModel(Variant(Variants.NoTimeWait)), replay);
        Assert.StartsWith("B: deliver", labels[^1]);
        Assert.EndsWith("<CTL=RST>", labels[^1]);
        Assert.Equal((EndReason.Reset, 0), (replay.Steps[^1].State.Server.LastEnd, (int)replay.Steps[^1].State.Used.Losses));
    }

    /// <summary>The textbook case (RFC 9293 §3.6 / RFC 1337): A's last ACK is lost, B retransmits its FIN, A
    /// without TIME-WAIT is CLOSED and answers with a reset, and B ends by that reset.</summary>
    [Fact]
    public void NoTimeWait_TheLostLastAckEndsTheServerByAReset()
    {
        var s = new Scenario(Variant(Variants.NoTimeWait) with { IsnMode = IsnMode.Set, IsnSet = [0], DataItems = 0 })
            .Step("B: OPEN passive").Step("A: OPEN active ISS=0", "<SEQ=0><CTL=SYN>")
            .Step("B: deliver <SEQ=0><CTL=SYN> ISS=0", "<SEQ=0><ACK=1><CTL=SYN,ACK>")
            .Step("A: deliver <SEQ=0><ACK=1><CTL=SYN,ACK>", "<SEQ=1><ACK=1><CTL=ACK>")
            .Step("B: deliver <SEQ=1><ACK=1><CTL=ACK>")
            .Step("A: CLOSE", "<SEQ=1><ACK=1><CTL=FIN,ACK>")
            .Step("B: deliver <SEQ=1><ACK=1><CTL=FIN,ACK>", "<SEQ=1><ACK=2><CTL=ACK>")
            .Step("A: deliver <SEQ=1><ACK=2><CTL=ACK>")
            .Step("B: CLOSE", "<SEQ=1><ACK=2><CTL=FIN,ACK>")
            .Step("A: deliver <SEQ=1><ACK=2><CTL=FIN,ACK>", "<SEQ=2><ACK=2><CTL=ACK>")
            .Expect(ConnectionState.Closed, ConnectionState.LastAck)
            .Step("net: lose A→B <SEQ=2><ACK=2><CTL=ACK>")
            .Step("tick")
            .Step("B: timeout", "<SEQ=1><ACK=2><CTL=FIN,ACK>")
            .Step("A: deliver <SEQ=1><ACK=2><CTL=FIN,ACK>", "<SEQ=2><CTL=RST>")
            .Step("B: deliver <SEQ=2><CTL=RST>").Expect(ConnectionState.Closed, ConnectionState.Closed);
        Assert.Equal(EndReason.Reset, s.B.LastEnd);
        Assert.False(s.Model.Properties.Single(p => p.Name == TcpProperties.GracefulClose).Condition!(s.State));
    }

    /// <summary>Reconnect without TIME-WAIT: a delayed segment of the old connection is accepted by the new one.</summary>
    [Fact]
    public void NoTimeWait_ViolatesNoStaleDataOnReconnect() =>
        Checks.AssertViolated(Variant(Variants.NoTimeWait) with { Workload = Workloads.Reconnect }, TcpProperties.NoStaleData, 19);

    /// <summary>The FIN overtakes the data item; processed at once, it ends the stream and the item is lost.</summary>
    [Fact]
    public void NaiveFin_ViolatesNoDataLoss()
    {
        var replay = Checks.AssertViolated(Variant(Variants.NaiveFin), TcpProperties.NoDataLoss, 7);
        Assert.True(replay.Steps[^1].State.Server.Observed.HasFlag(Observations.LostBeforeEof));
    }

    [Fact]
    public void NoTimeWait_NeverReachesTimeWait()
    {
        var result = Checks.Check(Variant(Variants.NoTimeWait), TcpProperties.ReachedTimeWait);
        Assert.Equal(Verdict.Violated, result[TcpProperties.ReachedTimeWait].Verdict);
        Assert.Equal("no reachable state satisfies it", result[TcpProperties.ReachedTimeWait].Reason);
    }

    [Fact]
    public void EveryPropertyNameIsOfferedInOrder() =>
        Assert.Equal(TcpProperties.All, new TcpModel().Properties.Select(p => p.Name));
}
