using TcpModelCheck.Tcp.Charts;

namespace TcpModelCheck.Tcp;

/// <summary>What kind of step an action is.</summary>
public enum TcpActionKind : byte
{
    /// <summary>Application OPEN (active with a chosen ISN, or passive), RFC 9293 §3.10.1.</summary>
    Open,
    /// <summary>Application SEND of its next data item, RFC 9293 §3.10.2.</summary>
    Send,
    /// <summary>Application CLOSE, RFC 9293 §3.10.4.</summary>
    Close,
    /// <summary>Application ABORT, RFC 9293 §3.10.5.</summary>
    Abort,
    /// <summary>The network delivers an in-flight segment: SEGMENT ARRIVES, RFC 9293 §3.10.7.</summary>
    Deliver,
    /// <summary>The network loses an in-flight segment (uses the loss budget).</summary>
    Lose,
    /// <summary>The network duplicates an in-flight segment (uses the duplication budget).</summary>
    Duplicate,
    /// <summary>An expired timer fires: retransmission, TIME-WAIT or FIN-WAIT-2 timeout, RFC 9293 §3.10.8.</summary>
    Timeout,
    /// <summary>One tick of the clock: ages segments, counts timers down, expires segments older than MSL.</summary>
    Tick,
    /// <summary>A host crashes and comes back without its TCB (uses the crash budget), RFC 9293 §3.5.2.</summary>
    Crash,
    /// <summary>The network holds a segment back: it becomes a straggler that may stay up to MSL (uses the delay budget).</summary>
    Delay,
}

/// <summary>
/// One choice of the model. <see cref="Side"/> is the endpoint acting or receiving (for <see cref="TcpActionKind.Lose"/>
/// and <see cref="TcpActionKind.Duplicate"/>: the sender of the segment). <see cref="Segment"/> indexes
/// <see cref="TcpState.InFlight"/>; <see cref="Isn"/> is the initial sequence number chosen by an active OPEN, or by
/// a passive endpoint when a SYN arrives in LISTEN (-1 when there is no choice).
/// </summary>
public readonly record struct TcpAction(TcpActionKind Kind, Side Side, int Segment = -1, int Isn = -1, bool Passive = false)
{
    public static TcpAction Tick { get; } = new(TcpActionKind.Tick, Side.Client);
}
