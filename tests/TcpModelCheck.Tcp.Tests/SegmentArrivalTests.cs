using TcpModelCheck.Tcp.Tests.Support;
using static TcpModelCheck.Tcp.ConnectionState;
using static TcpModelCheck.Tcp.Tests.Support.States;
using Side = TcpModelCheck.Tcp.Side;

namespace TcpModelCheck.Tcp.Tests;

/// <summary>
/// SEGMENT ARRIVES (RFC 9293 §3.10.7) state by state: each test puts endpoint A in one state, delivers one
/// segment from B, and checks A's new state and the segment A answered with.
/// </summary>
public sealed class SegmentArrivalTests
{
    private static readonly TcpConfig Base = TcpConfig.Default with
    {
        SequenceSpace = 256, DataItems = 1, IsnMode = IsnMode.Set, IsnSet = [100, 44], LossBudget = 0, DelayBudget = 0,
    };

    private const SegmentFlags Syn = SegmentFlags.Syn;
    private const SegmentFlags Ack = SegmentFlags.Ack;
    private const SegmentFlags Fin = SegmentFlags.Fin | SegmentFlags.Ack;
    private const SegmentFlags Rst = SegmentFlags.Rst;

    /// <summary>A segment from B of the current incarnation (1).</summary>
    private static Segment FromB(SegmentFlags flags, int seq, int ack = 0, bool data = false, int item = 0) =>
        Segment.Create(Side.Server, flags, seq, ack, data, 1, item);

    /// <summary>A, ESTABLISHED with B: A sent up to 101 (its data item d1 took 100), expects 301 (→ 45).</summary>
    private static Endpoint AEstablished => Synced(101, 45, passive: false) with { Iss = 99, Sent = 1 };

    private static Endpoint BEstablished => Synced(45, 101, passive: true);

    private static Scenario Arrive(Endpoint a, Segment seg, TcpConfig? config = null, Endpoint? b = null)
    {
        var s = new Scenario(config ?? Base, Make(a, b ?? BEstablished, seg));
        s.Do($"A: deliver {seg}");
        return s;
    }

    private static IReadOnlyList<string> Sent(Scenario s) =>
        s.Events.OfType<Charts.StepEvent.Sent>().Select(e => e.Segment.ToString()).ToList();

    [Fact]
    public void Closed_AnswersASynWithResetAck_AnAckWithReset_AndIgnoresAReset()
    {
        Assert.Equal(["<SEQ=0><ACK=46><CTL=RST,ACK>"], Sent(Arrive(default, FromB(Syn, 45))));
        Assert.Equal(["<SEQ=101><CTL=RST>"], Sent(Arrive(default, FromB(Ack, 45, 101))));
        Assert.Empty(Sent(Arrive(default, FromB(Rst, 45))));
    }

    [Fact]
    public void Listen_IgnoresReset_ResetsAnAck_DropsOtherSegments()
    {
        Assert.Empty(Sent(Arrive(Listening, FromB(Rst, 45))));
        var acked = Arrive(Listening, FromB(Ack, 45, 7));
        Assert.Equal(["<SEQ=7><CTL=RST>"], Sent(acked));
        Assert.Equal(Listen, acked.A.State);
        Assert.Empty(Sent(Arrive(Listening, FromB(SegmentFlags.Fin, 45))));
    }

    private static Endpoint ASynSent => new()
    {
        State = SynSent, Iss = 100, SndUna = 100, SndNxt = 101, Opens = 1, Incarnation = 1, Timer = 2,
    };

    [Fact]
    public void SynSent_ResetsAnUnacceptableAck_AndDropsAResetWithoutAcceptableAck()
    {
        Assert.Equal(["<SEQ=100><CTL=RST>"], Sent(Arrive(ASynSent, FromB(Syn | Ack, 44, 100))));
        var dropped = Arrive(ASynSent, FromB(Rst, 0));
        Assert.Equal(SynSent, dropped.A.State);
        Assert.Empty(Sent(Arrive(ASynSent, FromB(Rst | Ack, 0, 99))));
    }

    [Fact]
    public void SynSent_AResetAcknowledgingTheSynRefusesTheConnection()
    {
        var s = Arrive(ASynSent, FromB(Rst | Ack, 0, 101));
        Assert.Equal((Closed, EndReason.Reset), (s.A.State, s.A.LastEnd));
    }

    [Fact]
    public void SynSent_AnAcceptableAckWithoutSynIsDropped()
    {
        var s = Arrive(ASynSent, FromB(Ack, 44, 101));
        Assert.Equal(SynSent, s.A.State);
        Assert.Empty(Sent(s));
    }

    private static Endpoint ASynReceived(bool passive) => new()
    {
        State = SynReceived, Iss = 100, SndUna = 100, SndNxt = 101, Irs = 44, RcvNxt = 45, Passive = passive,
        Opens = 1, Incarnation = 1, Timer = 2,
    };

    [Theory]
    [InlineData(true, Listen, EndReason.None)]
    [InlineData(false, Closed, EndReason.Reset)]
    public void SynReceived_AResetReturnsToListenOnlyIfPassive(bool passive, ConnectionState after, EndReason end)
    {
        var s = Arrive(ASynReceived(passive), FromB(Rst, 45));
        Assert.Equal((after, end), (s.A.State, s.A.LastEnd));
    }

    [Fact]
    public void SynReceived_ASynInTheWindowReturnsAPassiveEndpointToListen()
    {
        var s = Arrive(ASynReceived(true), FromB(Syn, 45));
        Assert.Equal(Listen, s.A.State);
    }

    [Fact]
    public void SynReceived_AnUnacceptableAckIsAnsweredByAReset()
    {
        var s = Arrive(ASynReceived(true), FromB(Ack, 45, 120));
        Assert.Equal(["<SEQ=120><CTL=RST>"], Sent(s));
        Assert.Equal(SynReceived, s.A.State);
    }

    [Fact]
    public void Established_AnOutOfWindowSegmentIsAcknowledgedAndDropped()
    {
        var s = Arrive(AEstablished, FromB(Ack, 60, 101, data: true));
        Assert.Equal(["<SEQ=101><ACK=45><CTL=ACK>"], Sent(s));
        Assert.Equal(0, s.A.Delivered);
    }

    [Fact]
    public void Established_AResetInsideTheWindowButNotAtRcvNxtDrawsAChallengeAck()
    {
        var s = Arrive(AEstablished, FromB(Rst, 46));
        Assert.Equal(["<SEQ=101><ACK=45><CTL=ACK>"], Sent(s));
        Assert.Equal(Established, s.A.State);
    }

    [Fact]
    public void Established_AResetAtRcvNxtAbortsTheConnection()
    {
        var s = Arrive(AEstablished, FromB(Rst, 45));
        Assert.Equal((Closed, EndReason.Reset), (s.A.State, s.A.LastEnd));
        Assert.True(s.A.Observed.HasFlag(Observations.ResetEnd));
    }

    [Fact]
    public void Established_ASynDrawsAChallengeAck()
    {
        var s = Arrive(AEstablished, FromB(Syn, 45));
        Assert.Equal(["<SEQ=101><ACK=45><CTL=ACK>"], Sent(s));
        Assert.Equal(Established, s.A.State);
    }

    [Fact]
    public void Established_AnAckOfUnsentDataIsAnsweredAndDropped()
    {
        var s = Arrive(AEstablished with { SndUna = 100 }, FromB(Ack, 45, 105));
        Assert.Equal(["<SEQ=101><ACK=45><CTL=ACK>"], Sent(s));
        Assert.Equal(100, s.A.SndUna);
    }

    [Fact]
    public void Established_InOrderDataIsDeliveredAndAcknowledged()
    {
        var s = Arrive(AEstablished, FromB(Ack, 45, 101, data: true));
        Assert.Equal(["<SEQ=101><ACK=46><CTL=ACK>"], Sent(s));
        Assert.Equal((1, 46), (s.A.Delivered, (int)s.A.RcvNxt));
    }

    [Fact]
    public void Established_AFinAheadOfMissingDataWaitsForIt()
    {
        var data = FromB(Ack, 45, 101, data: true);
        var fin = FromB(Fin, 46, 101, item: 1);
        var s = new Scenario(Base, Make(AEstablished, BEstablished, data, fin));
        Assert.Equal(["<SEQ=101><ACK=45><CTL=ACK>"], s.Do($"A: deliver {fin}"));
        Assert.Equal((Established, false), (s.A.State, s.A.EndOfStream));
        Assert.Equal(["<SEQ=101><ACK=47><CTL=ACK>"], s.Do($"A: deliver {data}"));
        Assert.Equal((CloseWait, 1, true), (s.A.State, (int)s.A.Delivered, s.A.EndOfStream));
        Assert.Equal(Observations.None, s.A.Observed);
    }

    [Fact]
    public void NaiveFin_AFinAheadOfMissingDataEndsTheStreamAndLosesTheData()
    {
        var data = FromB(Ack, 45, 101, data: true);
        var fin = FromB(Fin, 46, 101, item: 1);
        var s = new Scenario(TcpConfig.ForVariant(Variants.NaiveFin) with { SequenceSpace = 256, IsnMode = IsnMode.Set, IsnSet = [100] },
            Make(AEstablished, BEstablished, data, fin));
        s.Do($"A: deliver {fin}");
        Assert.Equal((CloseWait, true, 47), (s.A.State, s.A.EndOfStream, (int)s.A.RcvNxt));
        Assert.True(s.A.Observed.HasFlag(Observations.LostBeforeEof));
        Assert.Equal(["<SEQ=101><ACK=47><CTL=ACK>"], s.Do($"A: deliver {data}"));
        Assert.Equal(0, s.A.Delivered);
    }

    private static Endpoint AFinWait1 => AEstablished with { State = FinWait1, SndUna = 101, SndNxt = 102, CloseCalled = true, Timer = 2 };

    [Fact]
    public void FinWait1_AFinThatAlsoAcksOurFinLeadsToTimeWait_OtherwiseToClosing()
    {
        var both = Arrive(AFinWait1, FromB(Fin, 45, 102));
        Assert.Equal((TimeWait, 2 * Base.Msl), (both.A.State, both.A.TimerRemaining));
        Assert.Equal(["<SEQ=102><ACK=46><CTL=ACK>"], Sent(both));
        var crossing = Arrive(AFinWait1, FromB(Fin, 45, 101));
        Assert.Equal(Closing, crossing.A.State);
    }

    [Fact]
    public void Closing_TheAckOfOurFinLeadsToTimeWait()
    {
        var closing = AFinWait1 with { State = Closing, RcvNxt = 46, EndOfStream = true };
        var s = Arrive(closing, FromB(Ack, 46, 102));
        Assert.Equal(TimeWait, s.A.State);
    }

    [Fact]
    public void LastAck_TheAckOfOurFinDeletesTheTcb()
    {
        var lastAck = AFinWait1 with { State = LastAck, RcvNxt = 46, EndOfStream = true };
        var s = Arrive(lastAck, FromB(Ack, 46, 102));
        Assert.Equal((Closed, EndReason.Graceful), (s.A.State, s.A.LastEnd));
    }

    private static Endpoint ATimeWait => AFinWait1 with { State = TimeWait, SndUna = 102, RcvNxt = 46, EndOfStream = true, Timer = 2 };

    [Fact]
    public void TimeWait_ARetransmittedFinIsAcknowledgedAndRestartsTheTimer()
    {
        var s = Arrive(ATimeWait, FromB(Fin, 45, 102));
        Assert.Equal(["<SEQ=102><ACK=46><CTL=ACK>"], Sent(s));
        Assert.Equal((TimeWait, 2 * Base.Msl), (s.A.State, s.A.TimerRemaining));
    }

    [Fact]
    public void TimeWait_AnExactResetEndsTimeWaitEarly_UnlessRfc1337()
    {
        var rst = FromB(Rst, 46);
        var rfc9293 = Arrive(ATimeWait, rst);
        Assert.Equal(Closed, rfc9293.A.State);
        Assert.True(rfc9293.A.Observed.HasFlag(Observations.TimeWaitAssassinated));
        var rfc1337 = Arrive(ATimeWait, rst, TcpConfig.ForVariant(Variants.Rfc1337) with { SequenceSpace = 256, IsnMode = IsnMode.Set, IsnSet = [100] });
        Assert.Equal(TimeWait, rfc1337.A.State);
    }

    [Fact]
    public void NoTimeWait_TheActiveCloserGoesStraightToClosedAfterItsLastAck()
    {
        var finWait2 = AFinWait1 with { State = FinWait2, SndUna = 102, Timer = 0 };
        var s = Arrive(finWait2, FromB(Fin, 45, 102), TcpConfig.ForVariant(Variants.NoTimeWait) with { SequenceSpace = 256, IsnMode = IsnMode.Set, IsnSet = [100] });
        Assert.Equal(["<SEQ=102><ACK=46><CTL=ACK>"], Sent(s));
        Assert.Equal((Closed, EndReason.Graceful), (s.A.State, s.A.LastEnd));
    }
}
