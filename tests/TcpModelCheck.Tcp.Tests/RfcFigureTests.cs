using TcpModelCheck.Tcp.Tests.Support;
using static TcpModelCheck.Tcp.ConnectionState;
using static TcpModelCheck.Tcp.Tests.Support.States;
using Side = TcpModelCheck.Tcp.Side;

namespace TcpModelCheck.Tcp.Tests;

/// <summary>
/// The connection-establishment and closing figures of RFC 9293 §3.5–§3.6, replayed step by step as scripted
/// schedules: after each step both endpoints' states and the segments sent are asserted as the figure shows.
/// The model's sequence numbers are 8 bits, so the figures' 300 and 400 appear as 44 and 144 (mod 256).
/// </summary>
public sealed class RfcFigureTests
{
    private static readonly TcpConfig Base = TcpConfig.Default with
    {
        SequenceSpace = 256, DataItems = 0, IsnMode = IsnMode.Set, IsnSet = [100, 44, 144], LossBudget = 0, DelayBudget = 0,
    };

    [Fact]
    public void Figure6_BasicThreeWayHandshake()
    {
        new Scenario(Base with { DataItems = 1 })
            .Step("B: OPEN passive").Expect(Closed, Listen)
            .Step("A: OPEN active ISS=100", "<SEQ=100><CTL=SYN>").Expect(SynSent, Listen)
            .Step("B: deliver <SEQ=100><CTL=SYN> ISS=44", "<SEQ=44><ACK=101><CTL=SYN,ACK>").Expect(SynSent, SynReceived)
            .Step("A: deliver <SEQ=44><ACK=101><CTL=SYN,ACK>", "<SEQ=101><ACK=45><CTL=ACK>").Expect(Established, SynReceived)
            .Step("B: deliver <SEQ=101><ACK=45><CTL=ACK>").Expect(Established, Established)
            .Step("A: SEND d1", "<SEQ=101><ACK=45><CTL=ACK><DATA=d1>").Expect(Established, Established)
            .Step("B: deliver <SEQ=101><ACK=45><CTL=ACK><DATA=d1>", "<SEQ=45><ACK=102><CTL=ACK>").Expect(Established, Established);
    }

    /// <summary>
    /// Figure 7. Lines 2–5 match the figure. Lines 6–7 show each SYN,ACK taking its receiver to ESTABLISHED, but
    /// the acceptability test of §3.10.7.4 rejects them (their SYN lies just below RCV.NXT), so each receiver
    /// answers with &lt;SEQ=SND.NXT&gt;&lt;ACK=RCV.NXT&gt;&lt;CTL=ACK&gt; — and those ACKs complete the handshake.
    /// The model follows the text; the figure is one ACK short (a finding, pinned here).
    /// </summary>
    [Fact]
    public void Figure7_SimultaneousOpen_TextNeedsOneMoreAckThanTheFigure()
    {
        new Scenario(Base with { Workload = Workloads.SimultaneousOpen })
            .Step("A: OPEN active ISS=100", "<SEQ=100><CTL=SYN>").Expect(SynSent, Closed)
            .Step("B: OPEN active ISS=44", "<SEQ=44><CTL=SYN>").Expect(SynSent, SynSent)
            .Step("A: deliver <SEQ=44><CTL=SYN>", "<SEQ=100><ACK=45><CTL=SYN,ACK>").Expect(SynReceived, SynSent)
            .Step("B: deliver <SEQ=100><CTL=SYN>", "<SEQ=44><ACK=101><CTL=SYN,ACK>").Expect(SynReceived, SynReceived)
            .Step("A: deliver <SEQ=44><ACK=101><CTL=SYN,ACK>", "<SEQ=101><ACK=45><CTL=ACK>").Expect(SynReceived, SynReceived)
            .Step("B: deliver <SEQ=100><ACK=45><CTL=SYN,ACK>", "<SEQ=45><ACK=101><CTL=ACK>").Expect(SynReceived, SynReceived)
            .Step("A: deliver <SEQ=45><ACK=101><CTL=ACK>").Expect(Established, SynReceived)
            .Step("B: deliver <SEQ=101><ACK=45><CTL=ACK>").Expect(Established, Established);
    }

    [Fact]
    public void Figure8_RecoveryFromOldDuplicateSyn()
    {
        var start = new Scenario(Base).Step("B: OPEN passive").Step("A: OPEN active ISS=100", "<SEQ=100><CTL=SYN>");
        var oldSyn = Old(Side.Client, SegmentFlags.Syn, 90);
        new Scenario(Base, Make(start.A, start.B, [.. start.State.InFlight, oldSyn]))
            .Step("B: deliver <SEQ=90><CTL=SYN> ISS=44", "<SEQ=44><ACK=91><CTL=SYN,ACK>").Expect(SynSent, SynReceived)
            .Step("A: deliver <SEQ=44><ACK=91><CTL=SYN,ACK>", "<SEQ=91><CTL=RST>").Expect(SynSent, SynReceived)
            .Step("B: deliver <SEQ=91><CTL=RST>").Expect(SynSent, Listen)
            .Step("B: deliver <SEQ=100><CTL=SYN> ISS=144", "<SEQ=144><ACK=101><CTL=SYN,ACK>").Expect(SynSent, SynReceived)
            .Step("A: deliver <SEQ=144><ACK=101><CTL=SYN,ACK>", "<SEQ=101><ACK=145><CTL=ACK>").Expect(Established, SynReceived)
            .Step("B: deliver <SEQ=101><ACK=145><CTL=ACK>").Expect(Established, Established);
    }

    /// <summary>Figure 9: A rebooted; B, ESTABLISHED (send 300, receive 100), answers A's new SYN with an ACK (an
    /// out-of-window segment — and since RFC 5961 any SYN — draws one); A resets B, then retransmits its SYN.</summary>
    [Fact]
    public void Figure9_HalfOpenConnectionDiscovery()
    {
        var config = Base with { Workload = Workloads.Reconnect, Incarnations = 2 };
        new Scenario(config, Make(Rebooted, Synced(F(300), 100, passive: true)))
            .Step("A: OPEN active ISS=144", "<SEQ=144><CTL=SYN>").Expect(SynSent, Established)
            .Step("B: deliver <SEQ=144><CTL=SYN>", "<SEQ=44><ACK=100><CTL=ACK>").Expect(SynSent, Established)
            .Step("A: deliver <SEQ=44><ACK=100><CTL=ACK>", "<SEQ=100><CTL=RST>").Expect(SynSent, Established)
            .Step("B: deliver <SEQ=100><CTL=RST>").Expect(SynSent, Closed)
            .Step("tick")
            .Step("A: timeout", "<SEQ=144><CTL=SYN>").Expect(SynSent, Closed);
    }

    [Fact]
    public void Figure10_ActiveSideCausesHalfOpenConnectionDiscovery()
    {
        var s = new Scenario(Base with { ServerDataItems = 1 }, Make(Rebooted, Synced(F(300), 100, passive: true)))
            .Step("B: SEND d1", "<SEQ=44><ACK=100><CTL=ACK><DATA=d1>")
            .Step("A: deliver <SEQ=44><ACK=100><CTL=ACK><DATA=d1>", "<SEQ=100><CTL=RST>").Expect(Closed, Established)
            .Step("B: deliver <SEQ=100><CTL=RST>").Expect(Closed, Closed);
        Assert.Equal(EndReason.Reset, s.B.LastEnd);
    }

    [Fact]
    public void Figure11_OldDuplicateSynInitiatesResetOnTwoPassiveSockets()
    {
        var oldSyn = Old(Side.Client, SegmentFlags.Syn, 200);
        new Scenario(Base, Make(Listening, Listening, oldSyn))
            .Step("B: deliver <SEQ=200><CTL=SYN> ISS=44", "<SEQ=44><ACK=201><CTL=SYN,ACK>").Expect(Listen, SynReceived)
            .Step("A: deliver <SEQ=44><ACK=201><CTL=SYN,ACK>", "<SEQ=201><CTL=RST>").Expect(Listen, SynReceived)
            .Step("B: deliver <SEQ=201><CTL=RST>").Expect(Listen, Listen);
    }

    [Fact]
    public void Figure12_NormalClose()
    {
        var s = new Scenario(Base, Make(Synced(100, F(300), passive: false), Synced(F(300), 100, passive: true)))
            .Step("A: CLOSE", "<SEQ=100><ACK=44><CTL=FIN,ACK>").Expect(FinWait1, Established)
            .Step("B: deliver <SEQ=100><ACK=44><CTL=FIN,ACK>", "<SEQ=44><ACK=101><CTL=ACK>").Expect(FinWait1, CloseWait)
            .Step("A: deliver <SEQ=44><ACK=101><CTL=ACK>").Expect(FinWait2, CloseWait)
            .Step("B: CLOSE", "<SEQ=44><ACK=101><CTL=FIN,ACK>").Expect(FinWait2, LastAck)
            .Step("A: deliver <SEQ=44><ACK=101><CTL=FIN,ACK>", "<SEQ=101><ACK=45><CTL=ACK>").Expect(TimeWait, LastAck)
            .Step("B: deliver <SEQ=101><ACK=45><CTL=ACK>").Expect(TimeWait, Closed)
            .Ticks(2 * Base.Msl - 1);
        Assert.DoesNotContain("A: timeout", s.Enabled());
        s.Ticks(1).Step("A: timeout").Expect(Closed, Closed);
        Assert.Equal((EndReason.Graceful, EndReason.Graceful), (s.A.LastEnd, s.B.LastEnd));
    }

    [Fact]
    public void Figure13_SimultaneousClose()
    {
        new Scenario(Base with { Workload = Workloads.SimultaneousClose },
                Make(Synced(100, F(300), passive: false), Synced(F(300), 100, passive: true)))
            .Step("A: CLOSE", "<SEQ=100><ACK=44><CTL=FIN,ACK>")
            .Step("B: CLOSE", "<SEQ=44><ACK=100><CTL=FIN,ACK>").Expect(FinWait1, FinWait1)
            .Step("A: deliver <SEQ=44><ACK=100><CTL=FIN,ACK>", "<SEQ=101><ACK=45><CTL=ACK>").Expect(Closing, FinWait1)
            .Step("B: deliver <SEQ=100><ACK=44><CTL=FIN,ACK>", "<SEQ=45><ACK=101><CTL=ACK>").Expect(Closing, Closing)
            .Step("A: deliver <SEQ=45><ACK=101><CTL=ACK>").Expect(TimeWait, Closing)
            .Step("B: deliver <SEQ=101><ACK=45><CTL=ACK>").Expect(TimeWait, TimeWait);
    }
}
