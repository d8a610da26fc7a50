using TcpModelCheck.Tcp.Tests.Support;
using static TcpModelCheck.Tcp.ConnectionState;

namespace TcpModelCheck.Tcp.Tests;

/// <summary>
/// The reconnect-server-closes-first workload step by step: B closes first and sits in TIME-WAIT, A (CLOSED after
/// LAST-ACK) may open the next connection at once, and its SYN meets B's TIME-WAIT. What B does with it is the
/// variant's: RFC 9293 §3.10.7.4 (with RFC 5961 §4) answers a SYN in a synchronized state with a challenge ACK, which
/// A in SYN-SENT answers with a reset (§3.10.7.3); RFC 6191 (time-wait-reopen, linux) reopens the connection.
/// </summary>
public sealed class ServerClosesFirstReconnectTests
{
    private static readonly TcpConfig Base = TcpConfig.Default with
    {
        Workload = Workloads.ReconnectServerClosesFirst, SequenceSpace = 256, DataItems = 0, IsnMode = IsnMode.Set,
        IsnSet = [100, 44, 144], LossBudget = 0, DelayBudget = 0,
    };

    /// <summary>Connection 1, B closing first, up to B in TIME-WAIT and A CLOSED.</summary>
    private static Scenario FirstConnection(TcpConfig config) => new Scenario(config)
        .Step("B: OPEN passive").Expect(Closed, Listen)
        .Step("A: OPEN active ISS=100", "<SEQ=100><CTL=SYN>")
        .Step("B: deliver <SEQ=100><CTL=SYN> ISS=44", "<SEQ=44><ACK=101><CTL=SYN,ACK>")
        .Step("A: deliver <SEQ=44><ACK=101><CTL=SYN,ACK>", "<SEQ=101><ACK=45><CTL=ACK>")
        .Step("B: deliver <SEQ=101><ACK=45><CTL=ACK>").Expect(Established, Established)
        .Step("B: CLOSE", "<SEQ=45><ACK=101><CTL=FIN,ACK>").Expect(Established, FinWait1)
        .Step("A: deliver <SEQ=45><ACK=101><CTL=FIN,ACK>", "<SEQ=101><ACK=46><CTL=ACK>").Expect(CloseWait, FinWait1)
        .Step("B: deliver <SEQ=101><ACK=46><CTL=ACK>").Expect(CloseWait, FinWait2)
        .Step("A: CLOSE", "<SEQ=101><ACK=46><CTL=FIN,ACK>").Expect(LastAck, FinWait2)
        .Step("B: deliver <SEQ=101><ACK=46><CTL=FIN,ACK>", "<SEQ=46><ACK=102><CTL=ACK>").Expect(LastAck, TimeWait)
        .Step("A: deliver <SEQ=46><ACK=102><CTL=ACK>").Expect(Closed, TimeWait);

    [Fact]
    public void The_client_reconnects_while_the_server_is_in_TIME_WAIT_and_the_server_listens_only_after_it()
    {
        var s = FirstConnection(Base);
        Assert.Contains("A: OPEN active ISS=144", s.Enabled());
        Assert.DoesNotContain("B: OPEN passive", s.Enabled());
        s.Ticks(2 * Base.Msl).Step("B: timeout").Expect(Closed, Closed);
        Assert.Contains("B: OPEN passive", s.Enabled());
        Assert.Equal(2, s.Model.Config.Incarnations);
    }

    /// <summary>RFC 9293 §3.10.7.4 fourth step with RFC 5961 §4: the new SYN in TIME-WAIT draws a challenge ACK;
    /// it does not acknowledge A's SYN, so A in SYN-SENT resets it (§3.10.7.3, &lt;SEQ=SEG.ACK&gt;&lt;CTL=RST&gt;), a reset
    /// at B's RCV.NXT that ends B's TIME-WAIT — the RFC 1337 hazard, now caused by the reconnect itself.</summary>
    [Fact]
    public void Rfc9293_a_new_SYN_in_TIME_WAIT_draws_a_challenge_ACK_and_the_clients_reset_ends_TIME_WAIT()
    {
        FirstConnection(Base)
            .Step("A: OPEN active ISS=144", "<SEQ=144><CTL=SYN>").Expect(SynSent, TimeWait)
            .Step("B: deliver <SEQ=144><CTL=SYN>", "<SEQ=46><ACK=102><CTL=ACK>").Expect(SynSent, TimeWait)
            .Step("A: deliver <SEQ=46><ACK=102><CTL=ACK>", "<SEQ=102><CTL=RST>").Expect(SynSent, TimeWait)
            .Step("B: deliver <SEQ=102><CTL=RST>").Expect(SynSent, Closed);
    }

    /// <summary>RFC 1337: the same reset is ignored in TIME-WAIT, so A's SYN waits for TIME-WAIT to end.</summary>
    [Fact]
    public void Rfc1337_the_clients_reset_is_ignored_in_TIME_WAIT()
    {
        FirstConnection(Base with { IgnoreRstInTimeWait = true })
            .Step("A: OPEN active ISS=144", "<SEQ=144><CTL=SYN>")
            .Step("B: deliver <SEQ=144><CTL=SYN>", "<SEQ=46><ACK=102><CTL=ACK>")
            .Step("A: deliver <SEQ=46><ACK=102><CTL=ACK>", "<SEQ=102><CTL=RST>")
            .Step("B: deliver <SEQ=102><CTL=RST>").Expect(SynSent, TimeWait);
    }

    /// <summary>RFC 6191 (time-wait-reopen): a SYN beyond RCV.NXT reopens B's TIME-WAIT as a new SYN-RECEIVED with
    /// ISS = SND.NXT + 65537 (mod the space), as Linux's tcp_timewait_state_process does.</summary>
    [Fact]
    public void Time_wait_reopen_accepts_the_new_SYN_from_TIME_WAIT()
    {
        var s = FirstConnection(Base with { TimeWaitReopen = true })
            .Step("A: OPEN active ISS=144", "<SEQ=144><CTL=SYN>")
            .Step("B: deliver <SEQ=144><CTL=SYN>", "<SEQ=47><ACK=145><CTL=SYN,ACK>").Expect(SynSent, SynReceived);
        Assert.Equal((46 + StackRules.ReopenIssOffset) % 256, s.B.Iss);
    }
}
