namespace TcpModelCheck.Tcp.Charts;

/// <summary>
/// A segment as a chart shows it: flags, sequence and acknowledgement numbers, payload, and the ghost
/// incarnation it belongs to (ghost: never read by the protocol logic).
/// </summary>
/// <param name="From">The sender.</param>
/// <param name="Flags">e.g. "SYN", "SYN,ACK", "FIN,ACK", "RST".</param>
/// <param name="Seq">SEG.SEQ.</param>
/// <param name="Ack">SEG.ACK, or null when the ACK flag is off.</param>
/// <param name="Data">The data item carried (a label such as "d1"), or null.</param>
/// <param name="Incarnation">Ghost: the connection incarnation that sent it (1-based).</param>
public sealed record SegmentLabel(Side From, string Flags, long Seq, long? Ack, string? Data, int Incarnation)
{
    /// <summary>RFC 9293 figure style: <c>&lt;SEQ=100&gt;&lt;ACK=301&gt;&lt;CTL=SYN,ACK&gt;&lt;DATA=d1&gt;</c>.</summary>
    public override string ToString() =>
        $"<SEQ={Seq}>" + (Ack is { } a ? $"<ACK={a}>" : "") + $"<CTL={Flags}>" + (Data is { } d ? $"<DATA={d}>" : "");

    /// <summary>Whether a chart tags this segment with its incarnation: a data segment, a FIN or a SYN without ACK
    /// or RST — the segments whose incarnation the model reads (<see cref="Segment.IncarnationRead"/>); the others
    /// carry a constant under the default reduction (<see cref="Reduction.DeadGhosts"/>), so they are never tagged.</summary>
    public bool Tagged => Data is not null || Flags.Contains("FIN", StringComparison.Ordinal) || Flags == "SYN";
}

/// <summary>
/// What happened in one step of a TCP trace, in the vocabulary of a message sequence chart. The TCP model
/// explains each (state, action, next state) as a list of these; the chart renderers draw them and nothing
/// else, so they never need to know the model's internals.
/// </summary>
public abstract record StepEvent
{
    private StepEvent() { }

    /// <summary>An application call: OPEN (active/passive), SEND, CLOSE, ABORT.</summary>
    public sealed record AppCall(Side Side, string Call) : StepEvent;

    /// <summary>A segment handed to the network.</summary>
    public sealed record Sent(SegmentLabel Segment, bool Retransmission) : StepEvent;

    /// <summary>A segment delivered to its receiver. <paramref name="OutOfOrder"/>: an older in-flight segment
    /// to the same receiver was overtaken.</summary>
    public sealed record Delivered(SegmentLabel Segment, bool OutOfOrder) : StepEvent;

    /// <summary>The network lost a segment (uses the loss budget).</summary>
    public sealed record Lost(SegmentLabel Segment) : StepEvent;

    /// <summary>The network duplicated a segment (uses the duplication budget).</summary>
    public sealed record Duplicated(SegmentLabel Segment) : StepEvent;

    /// <summary>The network held a segment back (uses the delay budget): it may now stay in flight for up to MSL
    /// ticks instead of arriving before the next tick. Added by the TCP model (additive).</summary>
    public sealed record Delayed(SegmentLabel Segment) : StepEvent;

    /// <summary>A segment reached its maximum lifetime (MSL) in the network and vanished.</summary>
    public sealed record Expired(SegmentLabel Segment) : StepEvent;

    /// <summary>A connection state change, e.g. SYN-SENT → ESTABLISHED.</summary>
    public sealed record StateChanged(Side Side, string From, string To) : StepEvent;

    /// <summary>The application received a data item (ghost log), or end-of-stream when <paramref name="Data"/> is "EOF".</summary>
    public sealed record AppReceived(Side Side, string Data, int Incarnation) : StepEvent;

    /// <summary>A timer fired: "retransmit", "time-wait", "fin-wait-2", "user-timeout".</summary>
    public sealed record TimerFired(Side Side, string Timer) : StepEvent;

    /// <summary>The clock advanced one tick; <paramref name="Now"/> is the new time.</summary>
    public sealed record Tick(int Now) : StepEvent;

    /// <summary>A host crashed and lost its TCB (RFC 9293 §3.5.2, half-open connections).</summary>
    public sealed record Crashed(Side Side) : StepEvent;

    /// <summary>Anything else worth a line, e.g. "segment dropped: not acceptable".</summary>
    public sealed record Note(Side? Side, string Text) : StepEvent;
}
