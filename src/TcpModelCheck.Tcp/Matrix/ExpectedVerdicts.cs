using TcpModelCheck.Engine.Checking;
using P = TcpModelCheck.Tcp.TcpProperties;

namespace TcpModelCheck.Tcp.Matrix;

/// <summary>
/// THE expected-verdict table of the default matrix (<see cref="TcpMatrix.Default"/>): the one place that says
/// which property fails in which configuration, and why in one line. Every cell not listed is expected to
/// hold. The verdicts are what the model finds (measured by running the matrix and reading every
/// counterexample chart); the property suite asserts them and the comparison prints them next to what it
/// found. Counterexample lengths are pinned in the property suite.
/// </summary>
public static class ExpectedVerdicts
{
    private const string Reconnect = " isn-set=0 loss-budget=0 network-capacity=2";

    private const string Assassination = "an old ACK makes A in TIME-WAIT re-ACK; B, already CLOSED, answers with a "
        + "reset that ends A's TIME-WAIT early (RFC 9293 lets an acceptable RST do so; RFC 1337 hazard)";

    private const string NoTimeWaitState = "the variant has no TIME-WAIT state";

    private const string Overflow = "A's ACK, d1 and FIN are in flight at once and the third is tail-dropped "
        + "(capacity 2): in this row such drops act as losses beyond the budget";

    /// <summary>What the ACK war (the lasso found under strong fairness alone) became under time progress.</summary>
    private const string NotAckWar = " (under strong fairness alone, --fairness strong, the lasso found is instead "
        + "a zero-time \"ACK war\": an old SYN puts B in SYN-RECEIVED while A is in TIME-WAIT and each answers the "
        + "other's unacceptable ACK, with a prompt segment always in flight so the clock never ticks; no run in "
        + "which time advances stays in it)";

    public static ExpectationTable<MatrixEntry> Table { get; } = new(
    [
        V("rfc9293/client-closes-first", P.NoTimeWaitAssassination, Assassination),

        V("no-time-wait/client-closes-first", P.GracefulClose, "A skips TIME-WAIT; B's ACK of A's FIN, overtaken "
            + "by B's FIN, reaches the CLOSED A, whose reset ends B's LAST-ACK (RFC 9293 §3.10.7.1)"),
        V("no-time-wait/client-closes-first", P.ReachedTimeWait, NoTimeWaitState),

        V("no-time-wait/client-closes-first fifo=true", P.GracefulClose, "A's last ACK is lost; B's retransmitted "
            + "FIN reaches A, already CLOSED, and is answered by a reset: why TIME-WAIT exists (RFC 9293 §3.3.2)"),
        V("no-time-wait/client-closes-first fifo=true", P.ReachedTimeWait, NoTimeWaitState),

        V("short-time-wait/client-closes-first", P.GracefulClose, "A's last ACK is lost; B's retransmitted FIN is "
            + "delayed and arrives after A's 1-MSL TIME-WAIT ended, so A resets it: TIME-WAIT needs 2*MSL"),
        V("short-time-wait/client-closes-first", P.NoTimeWaitAssassination, Assassination),

        V("linux/client-closes-first", P.GracefulClose, "A's FIN-WAIT-2 timeout (Linux tcp_fin_timeout, not in "
            + "RFC 9293) fires before B closes; A is CLOSED when B's FIN arrives and resets it"),
        V("linux/client-closes-first", P.NoTimeWaitAssassination, Assassination),

        V("naive-fin/client-closes-first", P.NoDataLoss, "A's FIN overtakes d1 and B processes it at once: "
            + "end-of-stream before d1 (RFC 9293 §3.10.7.4: a FIN waits until RCV.NXT reaches it)"),
        V("naive-fin/client-closes-first", P.NoTimeWaitAssassination, Assassination),

        V("rfc9293/server-closes-first", P.NoTimeWaitAssassination, "mirror image: B sits in TIME-WAIT and "
            + "re-ACKs an old segment; A, CLOSED after LAST-ACK, answers with a reset that ends B's TIME-WAIT"),

        V("rfc9293/simultaneous-close loss-budget=0", P.NoTimeWaitAssassination, Assassination),

        V("rfc9293/simultaneous-open loss-budget=0", P.GracefulClose, "a peer still CLOSED resets the other's "
            + "first SYN; the reset is delayed and, the 16-number sequence space having wrapped, lands exactly on "
            + "RCV.NXT of the new connection"),
        V("rfc9293/simultaneous-open loss-budget=0", P.NoTimeWaitAssassination, "such a delayed reset of a first "
            + "SYN lands exactly on RCV.NXT (sequence space 16 wrapped) of A in TIME-WAIT and ends it"),

        .. AssassinatedReconnect("rfc9293/reconnect" + Reconnect),
        .. AssassinatedReconnect("short-time-wait/reconnect" + Reconnect),

        V("rfc1337/reconnect" + Reconnect, P.WithinCapacity, Overflow),

        V("no-time-wait/reconnect" + Reconnect, P.NoStaleData, "A goes straight to CLOSED and reconnects with the "
            + "same ISS; connection 1's retransmitted d1, still in flight, is accepted by connection 2"),
        V("no-time-wait/reconnect" + Reconnect, P.NoStaleClose, "connection 1's FIN, still in flight, is held "
            + "by connection 2 and delivered as its end-of-stream"),
        V("no-time-wait/reconnect" + Reconnect, P.NoDataLoss, "connection 1's d1 is accepted in place of "
            + "connection 2's d1 (same sequence number; the new one was tail-dropped): EOF without it"),
        V("no-time-wait/reconnect" + Reconnect, P.GracefulClose, "as without reconnecting: B's ACK reaches the "
            + "CLOSED A, whose reset ends B's LAST-ACK"),
        V("no-time-wait/reconnect" + Reconnect, P.HandshakeAgreement, "an old ACK of connection 1 completes B's "
            + "handshake of connection 2, and the peers' sequence variables no longer agree"),
        V("no-time-wait/reconnect" + Reconnect, P.WithinCapacity, Overflow),
        V("no-time-wait/reconnect" + Reconnect, P.NoDeadlock, "B, listening again, resets an old ACK; the reset "
            + "ends A's connection 2 while B stays ESTABLISHED with nothing to send (half-open, no keepalive)"),
        V("no-time-wait/reconnect" + Reconnect, P.EventuallyClosed, "the deadlock of no-deadlock: B, listening "
            + "again, resets an old ACK; the reset ends A's connection 2 while B stays ESTABLISHED with nothing to send"),
        V("no-time-wait/reconnect" + Reconnect, P.ReachedTimeWait, NoTimeWaitState),
    ]);

    /// <summary>RFC 9293 and a 1-MSL TIME-WAIT fail the same way when A reconnects: TIME-WAIT assassination
    /// (an acceptable reset ends it at once) lets connection 1's segments meet connection 2.</summary>
    private static IEnumerable<Expectation<MatrixEntry>> AssassinatedReconnect(string c) =>
    [
        V(c, P.NoStaleData, "TIME-WAIT is assassinated (old ACK, A's ACK, B's reset), A reconnects with the same "
            + "ISS at once, and connection 1's retransmitted d1 is accepted by connection 2"),
        V(c, P.NoStaleClose, "after the assassination, connection 1's FIN is held by connection 2 and delivered "
            + "as its end-of-stream"),
        V(c, P.NoDataLoss, "after the assassination, connection 1's d1 takes the place of connection 2's "
            + "(tail-dropped) d1: end-of-stream without connection 2's data"),
        V(c, P.GracefulClose, "B, listening again, resets an old ACK; the reset arrives after A reconnected with "
            + "the same ISS and ends connection 2"),
        V(c, P.HandshakeAgreement, "after the assassination, connection 2 at B accepts connection 1's d1, so "
            + "B's RCV.NXT runs ahead of A's SND.NXT"),
        V(c, P.NoTimeWaitAssassination, Assassination),
        V(c, P.WithinCapacity, Overflow),
        V(c, P.NoDeadlock, "B's reset of an old ACK ends A's connection 2 while B stays ESTABLISHED with "
            + "nothing to send: a half-open connection nothing detects (no keepalive)"),
        V(c, P.EventuallyClosed, "the deadlock of no-deadlock: after the assassination A reconnects, and B's reset "
            + "of an old ACK ends A's connection 2 while B stays ESTABLISHED with nothing to send" + NotAckWar),
    ];

    /// <summary>An expected violation of the matrix entry named <paramref name="configuration"/>. The name is resolved
    /// to its entry once, here (a name that is no entry's throws, so no expectation can silently fall away); the
    /// table is keyed by the entry and looked up by configuration (<see cref="For"/>).</summary>
    private static Expectation<MatrixEntry> V(string configuration, string property, string why) =>
        new(TcpMatrix.Get(configuration), property, Verdict.Violated, why);

    /// <summary>The expected verdict of <paramref name="property"/> in <paramref name="config"/>: the table's cell of
    /// the matrix entry with exactly this configuration (every field equal, <see cref="TcpMatrix.Find"/>); a
    /// configuration that is no entry is expected to satisfy every property.</summary>
    public static (Verdict Verdict, string? Why) For(TcpConfig config, string property) => Table.For(TcpMatrix.Find(config), property);
}
