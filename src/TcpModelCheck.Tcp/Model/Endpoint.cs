using System.Runtime.InteropServices;

namespace TcpModelCheck.Tcp;

/// <summary>How an endpoint's most recent connection ended (ghost, for properties and charts).</summary>
public enum EndReason : byte
{
    /// <summary>Still open, or never opened.</summary>
    None,
    /// <summary>Closed normally: TIME-WAIT expired, or LAST-ACK saw its FIN acknowledged (RFC 9293 §3.10.7.4).</summary>
    Graceful,
    /// <summary>An acceptable RST closed it (RFC 9293 §3.10.7.3/§3.10.7.4).</summary>
    Reset,
    /// <summary>The retransmissions were exhausted (the user timeout of RFC 9293 §3.10.8).</summary>
    UserTimeout,
    /// <summary>The application called ABORT (RFC 9293 §3.10.5).</summary>
    Aborted,
    /// <summary>The host crashed and lost its TCB (RFC 9293 §3.5.2).</summary>
    Crashed,
    /// <summary>The FIN-WAIT-2 timer fired (Linux's tcp_fin_timeout; not in RFC 9293).</summary>
    FinWait2Timeout,
}

/// <summary>Sticky ghost observations about what an endpoint's application received; each maps to a property.</summary>
[Flags]
public enum Observations : byte
{
    None = 0,
    /// <summary>Delivered a data item sent by an earlier incarnation than the connection's own (no-stale-data).</summary>
    StaleData = 1,
    /// <summary>Signalled end-of-stream for a FIN sent by an earlier incarnation (no-stale-close).</summary>
    StaleEof = 2,
    /// <summary>Delivered an item out of order or twice (no-duplicate-delivery / no-data-loss).</summary>
    OutOfOrder = 4,
    /// <summary>Signalled end-of-stream before every item sent ahead of the FIN was delivered (no-data-loss).</summary>
    LostBeforeEof = 8,
    /// <summary>Delivered data after end-of-stream (no-stale-data).</summary>
    DataAfterEof = 16,
    /// <summary>A connection ended by a reset in ESTABLISHED, FIN-WAIT-1/2, CLOSE-WAIT, CLOSING or LAST-ACK
    /// (graceful-close).</summary>
    ResetEnd = 32,
    /// <summary>A synchronized connection was aborted because its retransmissions were exhausted (graceful-close,
    /// when the budgets cannot explain it).</summary>
    TimeoutEnd = 64,
    /// <summary>TIME-WAIT was cut short by a reset: the TIME-WAIT assassination of RFC 1337 (time-wait-full-length).</summary>
    TimeWaitAssassinated = 128,
}

/// <summary>
/// One endpoint: its TCB (RFC 9293 §3.3.1 — state, ISS, IRS, SND.UNA, SND.NXT, RCV.NXT, the retransmission /
/// TIME-WAIT / FIN-WAIT-2 timer), its application's progress through the workload script, and ghost fields.
/// A value: all fields are small integers, and every field of a CLOSED endpoint's TCB is zero (but the quiet-time
/// timer), so equal
/// situations are equal values (one canonical form).
/// </summary>
/// <remarks>Auto layout: the runtime orders the fields by size (the wide ones first, then the bytes), 48 bytes
/// instead of the 64 that declaration order with its padding takes; a state step copies endpoints several times.</remarks>
[StructLayout(LayoutKind.Auto)]
public readonly record struct Endpoint : IEndpointView
{
    /// <summary>RFC 9293 §3.3.2 connection state.</summary>
    public ConnectionState State { get; init; }

    /// <summary>ISS: initial send sequence number.</summary>
    public int Iss { get; init; }

    /// <summary>IRS: initial receive sequence number (the peer's ISS as learnt from its SYN).</summary>
    public int Irs { get; init; }

    /// <summary>SND.UNA: oldest unacknowledged sequence number.</summary>
    public int SndUna { get; init; }

    /// <summary>SND.NXT: next sequence number to send.</summary>
    public int SndNxt { get; init; }

    /// <summary>RCV.NXT: next sequence number expected.</summary>
    public int RcvNxt { get; init; }

    /// <summary>The one timer a state needs: retransmission (SYN-SENT … LAST-ACK with data or FIN unacknowledged),
    /// 2·MSL in TIME-WAIT, the FIN-WAIT-2 timeout, the quiet time after a crash (CLOSED, RFC 9293 §3.4.3). 0 = off,
    /// otherwise 1 + ticks remaining (1 = expired).</summary>
    public int Timer { get; init; }

    /// <summary>Retransmissions of the oldest unacknowledged segment so far.</summary>
    public byte Retransmits { get; init; }

    /// <summary>True when the current connection came from a passive OPEN (a reset in SYN-RECEIVED returns to
    /// LISTEN, RFC 9293 §3.10.7.4).</summary>
    public bool Passive { get; init; }

    /// <summary>Reassembly queue: payload of acceptable segments that start beyond RCV.NXT, held until RCV.NXT
    /// reaches them (RFC 9293 §3.10.7.4, "segments with higher beginning sequence numbers may be held").
    /// 16 bits per offset 1..3 past RCV.NXT: kind (0 none, 1 data, 2 FIN), ghost item, ghost incarnation.</summary>
    public ulong Held { get; init; }

    /// <summary>Application: OPEN calls made so far (connections begun).</summary>
    public byte Opens { get; init; }

    /// <summary>Application: data items handed to SEND in the current connection.</summary>
    public int Sent { get; init; }

    /// <summary>Application: CLOSE called in the current connection.</summary>
    public bool CloseCalled { get; init; }

    /// <summary>Ghost: the incarnation of the connection this TCB belongs to — n for the opener's n-th active
    /// OPEN, and for a passive endpoint the incarnation of the SYN that created its TCB in LISTEN. Stamped on every
    /// segment the endpoint sends; data stamped with a smaller number is stale.</summary>
    public byte Incarnation { get; init; }

    /// <summary>Ghost: the incarnation stamped on the segment that completed this endpoint's handshake (an old
    /// duplicate may complete it; informative only: no rule or property reads it). Under
    /// <see cref="Reduction.DeadGhosts"/> the endpoint's own incarnation (<see cref="Tcb.PeerIncarnation"/>).</summary>
    public byte PeerIncarnation { get; init; }

    /// <summary>Ghost: data items delivered to the application in the current (or, once CLOSED, the most recent) connection.</summary>
    public byte Delivered { get; init; }

    /// <summary>Ghost: end-of-stream delivered to the application in the current (or most recent) connection.</summary>
    public bool EndOfStream { get; init; }

    /// <summary>Ghost: sticky observations (never cleared), read by the safety properties.</summary>
    public Observations Observed { get; init; }

    /// <summary>Ghost: how the most recent connection ended.</summary>
    public EndReason LastEnd { get; init; }

    /// <summary>Every field packed into two words plus <see cref="Held"/> (hashing in the explorer's hot path). The
    /// explorer's sequence numbers, timers and counts fit a byte (its sequence space is at most 256); the wider fields
    /// exist for the conformance checker's open endpoint (32-bit sequence numbers, timers in milliseconds).</summary>
    internal ulong PackLow =>
        (ulong)State | (ulong)(byte)Iss << 8 | (ulong)(byte)Irs << 16 | (ulong)(byte)SndUna << 24 | (ulong)(byte)SndNxt << 32
        | (ulong)(byte)RcvNxt << 40 | (ulong)(byte)Timer << 48 | (ulong)Retransmits << 56;

    internal ulong PackHigh =>
        (Passive ? 1UL : 0) | (CloseCalled ? 2UL : 0) | (EndOfStream ? 4UL : 0) | (ulong)Opens << 8 | (ulong)(byte)Sent << 16
        | (ulong)Incarnation << 24 | (ulong)PeerIncarnation << 32 | (ulong)Delivered << 40 | (ulong)Observed << 48
        | (ulong)LastEnd << 56;

    /// <summary>Timer ticks remaining until expiry (0 = expired now), or null when no timer runs.</summary>
    public int? TimerRemaining => Timer == 0 ? null : Timer - 1;

    public override string ToString() =>
        $"{State.RfcName()} iss={Iss} irs={Irs} una={SndUna} nxt={SndNxt} rcv={RcvNxt}"
        + (Timer != 0 ? $" timer={Timer - 1}" : "") + (Retransmits != 0 ? $" rtx={Retransmits}" : "")
        + (Held != 0 ? $" held={Held:x}" : "") + $" app(open={Opens} sent={Sent}{(CloseCalled ? " closed" : "")})"
        + $" ghost(inc={Incarnation} peer={PeerIncarnation} got={Delivered}{(EndOfStream ? " eof" : "")}"
        + (Observed != 0 ? $" {Observed}" : "") + (LastEnd != 0 ? $" ended={LastEnd}" : "") + ")";
}
