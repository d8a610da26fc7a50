using TcpModelCheck.Tcp.Charts;

namespace TcpModelCheck.Tcp;

/// <summary>TCB housekeeping shared by the event handlers: creating and deleting it, timers, and the
/// segments a TCB forms (RFC 9293 §3.10).</summary>
internal static class Tcb
{
    /// <summary>Delete the TCB and enter CLOSED (RFC 9293 §3.10: "delete the TCB, enter the CLOSED state").
    /// Every TCB field returns to zero so equal situations are equal states; the application's OPEN count, what it
    /// received in this connection (kept until the next one begins, see <see cref="BeginConnection"/>) and the
    /// sticky ghost fields survive.</summary>
    public static void Delete(ref Step step, Side side, EndReason reason)
    {
        ref var e = ref step[side];
        var observed = e.Observed;
        if (reason == EndReason.Reset && e.State == ConnectionState.TimeWait) observed |= Observations.TimeWaitAssassinated;
        else if (reason == EndReason.Reset && e.State.IsSynchronized()) observed |= Observations.ResetEnd;
        else if (reason == EndReason.UserTimeout && e.State.IsSynchronized()) observed |= Observations.TimeoutEnd;
        e = new Endpoint
        {
            Opens = e.Opens, Incarnation = e.Incarnation, Observed = observed, LastEnd = reason,
            Delivered = e.Delivered, EndOfStream = e.EndOfStream,
        };
    }

    /// <summary>Ghost: a new connection begins at this endpoint — an active OPEN (its own incarnation number), or
    /// a SYN accepted in LISTEN (the incarnation of the opener that sent the SYN). The per-connection
    /// application record starts over.</summary>
    public static Endpoint BeginConnection(in Endpoint e, int incarnation) => e with
    {
        Incarnation = (byte)incarnation, PeerIncarnation = 0, Delivered = 0, EndOfStream = false,
        Sent = 0, CloseCalled = false, LastEnd = EndReason.None,
    };

    /// <summary>Ghost: the incarnation recorded in <see cref="Endpoint.PeerIncarnation"/> when <paramref name="seg"/>
    /// completes the handshake. Under <see cref="Reduction.DeadGhosts"/> the completing SYN-ACK or ACK carries no
    /// incarnation worth the name (<see cref="Segment.IncarnationRead"/>), so the endpoint records its own: a function
    /// of the rest of the state, which adds no states (taking the segment's would split them by whether a data
    /// segment or a bare ACK completed the handshake) and, in a one-connection run, is the value it had.</summary>
    public static byte PeerIncarnation(in Step step, in Endpoint e, in Arriving seg) =>
        (byte)(step.Rules.DropsDeadGhosts ? e.Incarnation : seg.Incarnation);

    /// <summary>SYN-RECEIVED from a passive OPEN goes back to LISTEN on a reset or a SYN (RFC 9293 §3.10.7.4,
    /// second and fourth steps): the half-made connection is forgotten, the listening TCB stays.</summary>
    public static void ReturnToListen(ref Step step, Side side)
    {
        ref var e = ref step[side];
        e = new Endpoint
        {
            State = ConnectionState.Listen, Passive = true, Opens = e.Opens, Incarnation = e.Incarnation,
            Observed = e.Observed, LastEnd = e.LastEnd, Delivered = e.Delivered, EndOfStream = e.EndOfStream,
        };
    }

    /// <summary>Timer value for "expires in <paramref name="ticks"/> ticks" (0 means off, 1 means expired).</summary>
    public static int TimerIn(int ticks) => ticks + 1;

    /// <summary>Starts the retransmission timer if it is not running (RFC 6298 §5.1, cited by RFC 9293 §3.8.1).</summary>
    public static void EnsureRetransmissionTimer(ref Step step, Side side)
    {
        ref var e = ref step[side];
        if (e.Timer == 0) e = e with { Timer = TimerIn(step.Rules.Rto) };
    }

    /// <summary>The ACK of RFC 9293 §3.10.7.4: &lt;SEQ=SND.NXT&gt;&lt;ACK=RCV.NXT&gt;&lt;CTL=ACK&gt;.</summary>
    public static void SendAck(ref Step step, Side side)
    {
        var e = step[side];
        step.Send(side, SegmentFlags.Ack, e.SndNxt, e.RcvNxt);
    }

    /// <summary>A reset answering a segment that carried an ACK: &lt;SEQ=SEG.ACK&gt;&lt;CTL=RST&gt; (RFC 9293 §3.5.2).</summary>
    public static void SendResetFor(ref Step step, Side side, in Arriving seg, bool hasTcb)
    {
        if (seg.HasAck) Reset(ref step, side, hasTcb, SegmentFlags.Rst, seg.Ack, 0);
        else Reset(ref step, side, hasTcb, SegmentFlags.Rst | SegmentFlags.Ack, 0, step.Seq.Add(seg.Seq, seg.Length));
    }

    private static void Reset(ref Step step, Side side, bool hasTcb, SegmentFlags flags, int seq, int ack)
    {
        if (hasTcb) step.Send(side, flags, seq, ack);
        else step.SendWithoutTcb(side, flags, seq, ack);
    }

    /// <summary>
    /// Sends the segment at the front of the retransmission queue, i.e. the unit at SND.UNA (RFC 9293 §3.10.8
    /// RETRANSMISSION TIMEOUT; RFC 6298 §5.4): our SYN (with ACK in SYN-RECEIVED), a data item, or our FIN.
    /// </summary>
    public static void RetransmitFront(ref Step step, Side side)
    {
        var e = step[side];
        if (e.SndUna == e.Iss)
        {
            if (e.State == ConnectionState.SynSent) step.Send(side, SegmentFlags.Syn, e.Iss, 0, retransmission: true);
            else step.Send(side, SegmentFlags.Syn | SegmentFlags.Ack, e.Iss, e.RcvNxt, retransmission: true);
            return;
        }
        var item = (int)step.Seq.Distance(step.Seq.Add(e.Iss, 1), e.SndUna);
        if (item < e.Sent)
        {
            var length = Math.Min(e.Sent - item, step.Rules.MaxSegment);
            step.Send(side, SegmentFlags.Ack, e.SndUna, e.RcvNxt, data: true, item: item, retransmission: true, dataLength: length);
        }
        else
            step.Send(side, SegmentFlags.Fin | SegmentFlags.Ack, e.SndUna, e.RcvNxt, item: e.Sent, retransmission: true);
    }

    /// <summary>Moves to <paramref name="to"/>, records it for charts.</summary>
    public static void Enter(ref Step step, Side side, ConnectionState to)
    {
        ref var e = ref step[side];
        e = e with { State = to };
    }
}
