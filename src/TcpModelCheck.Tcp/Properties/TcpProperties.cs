namespace TcpModelCheck.Tcp;

/// <summary>
/// The names of the properties every <see cref="TcpModel"/> offers (the same set for every configuration, so a
/// comparison table has the same rows). What each means and why it matters is documented on the constant and
/// repeated in the property's description.
/// </summary>
public static class TcpProperties
{
    /// <summary>Invariant. "No late data accepted after close": an application never receives a data item sent in
    /// an earlier incarnation of the connection than its own, nor data after end-of-stream.
    /// The reason TIME-WAIT exists (RFC 9293 §3.4.1, §3.6.1; RFC 1337 hazard H1).</summary>
    public const string NoStaleData = "no-stale-data";

    /// <summary>Invariant. No end-of-stream is signalled for a FIN of an earlier incarnation: an old FIN must not
    /// close a new connection.</summary>
    public const string NoStaleClose = "no-stale-close";

    /// <summary>Invariant. Every item sent before a FIN reaches the peer application exactly once and in order,
    /// before the peer sees end-of-stream (RFC 9293 §3.6: "reliably deliver all buffers SENT before the
    /// connection was CLOSED"; §3.10.7.4: the FIN is processed in sequence).</summary>
    public const string NoDataLoss = "no-data-loss";

    /// <summary>Invariant. No data item is delivered twice or out of order (the in-order, exactly-once half of
    /// <see cref="NoDataLoss"/>, reported separately so a duplicate is told apart from a loss).</summary>
    public const string NoDuplicateDelivery = "no-duplicate-delivery";

    /// <summary>Liveness. Both sides eventually CLOSED with their scripts finished, on every run that is strongly
    /// fair on every transition and, by default, in which time progresses (<see cref="TcpConfig.Fairness"/>): no such
    /// run is trapped in a cycle or a stuck state.</summary>
    public const string EventuallyClosed = "eventually-closed";

    /// <summary>Invariant. No connection ends by a reset in ESTABLISHED, FIN-WAIT-1/2, CLOSE-WAIT, CLOSING or
    /// LAST-ACK; and, when the budgets cannot exhaust the retransmissions (see <see cref="RetransmissionsSuffice"/>),
    /// none ends by the user timeout either. The applications only ever CLOSE, so any such end is a failure of
    /// the closing handshake (e.g. the lost last ACK of RFC 9293 §3.6 without TIME-WAIT).</summary>
    public const string GracefulClose = "graceful-close";

    /// <summary>Invariant. When both endpoints are ESTABLISHED in the same incarnation of the connection, each one's IRS is the other's ISS and each one's RCV.NXT lies between the
    /// other's SND.UNA and SND.NXT (RFC 9293 §3.4, §3.5: the purpose of the three-way handshake).</summary>
    public const string HandshakeAgreement = "handshake-agreement";

    /// <summary>Invariant. Every TCB keeps SND.UNA =&lt; SND.NXT, with no more outstanding than the peer's window
    /// plus a FIN, and never beyond ISS + items + 2 (RFC 9293 §3.3.1, Figure 3: the send window).</summary>
    public const string SequenceWithinWindow = "sequence-within-window";

    /// <summary>Edge property. Only an endpoint that sent its FIN before it saw the peer's (FIN-WAIT-1, FIN-WAIT-2 or
    /// CLOSING) enters TIME-WAIT (RFC 9293 §3.6 Figures 12 and 13; the passive closer goes LAST-ACK → CLOSED).</summary>
    public const string TimeWaitOnlyForActiveCloser = "time-wait-only-active-closer";

    /// <summary>Invariant. TIME-WAIT is never cut short by a reset — the TIME-WAIT assassination of RFC 1337. The
    /// rfc9293 variant processes RSTs in TIME-WAIT as RFC 9293 §3.10.7.4 says and can violate it; rfc1337 cannot.</summary>
    public const string NoTimeWaitAssassination = "no-time-wait-assassination";

    /// <summary>Invariant. The network never had to drop a segment because a direction was full once the loss
    /// budget was spent (a tail drop within the budget is one of its losses): when it holds, the capacity bound did
    /// not add a fault the budgets do not allow.</summary>
    public const string WithinCapacity = "within-capacity";

    /// <summary>Safety. Every reachable state can move on, unless it is the end (both CLOSED, network empty).</summary>
    public const string NoDeadlock = "no-deadlock";

    /// <summary>Witness: both endpoints ESTABLISHED at once.</summary>
    public const string ReachedEstablished = "reached-established";

    /// <summary>Witness: some endpoint in TIME-WAIT (not reachable in no-time-wait, by design).</summary>
    public const string ReachedTimeWait = "reached-time-wait";

    /// <summary>Witness: an endpoint CLOSED after a graceful close.</summary>
    public const string ClosedAfterClose = "closed-after-close";

    /// <summary>Witness: both applications received every data item and end-of-stream in one connection.</summary>
    public const string ReachedDataDelivered = "reached-data-delivered";

    /// <summary>Every name, in the order the model lists the properties.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        NoStaleData, NoStaleClose, NoDataLoss, NoDuplicateDelivery, GracefulClose, HandshakeAgreement,
        SequenceWithinWindow, TimeWaitOnlyForActiveCloser, NoTimeWaitAssassination, WithinCapacity, NoDeadlock,
        EventuallyClosed, ReachedEstablished, ReachedTimeWait, ClosedAfterClose, ReachedDataDelivered,
    ];

    /// <summary>The safety properties and witnesses (everything except the liveness property), for checks that
    /// use fingerprint storage or want to stop early.</summary>
    public static IReadOnlyList<string> Safety { get; } = [.. All.Where(n => n != EventuallyClosed)];

    /// <summary>
    /// Whether the budgets of <paramref name="c"/> can never exhaust the retransmissions, i.e. whether
    /// <see cref="GracefulClose"/> also forbids user timeouts: no crashes, and even after every loss (one RTO
    /// each; a straggler may expire at MSL, so each delay may be a loss too) the acknowledgment of the last
    /// retransmission — held back by at most two stragglers of MSL ticks, the segment and its ACK — arrives
    /// before the user timeout fires at RTO·(R+1): min(delays, 2)·MSL &lt; (R + 1 − losses − delays)·RTO.
    /// Unlimited delays never qualify.
    /// </summary>
    public static bool RetransmissionsSuffice(TcpConfig c) =>
        c.CrashBudget == 0 && c.DelayBudget is { } delays
        && Math.Min(delays, 2) * c.Msl < (c.MaxRetransmissions + 1 - c.LossBudget - delays) * c.Rto;
}
