using TcpModelCheck.Tcp.Charts;

namespace TcpModelCheck.Tcp;

/// <summary>The user calls of RFC 9293 §3.10.1–§3.10.5, in the states the workload scripts issue them.</summary>
internal static class UserCalls
{
    /// <summary>
    /// OPEN in CLOSED (RFC 9293 §3.10.1): passive enters LISTEN; active selects an ISS, sends
    /// &lt;SEQ=ISS&gt;&lt;CTL=SYN&gt;, sets SND.UNA = ISS, SND.NXT = ISS+1 and enters SYN-SENT. Ghost: the n-th
    /// active OPEN begins incarnation n of the connection.
    /// </summary>
    public static void Open(ref Step step, Side side, bool passive, int isn)
    {
        ref var e = ref step[side];
        var opens = (byte)(e.Opens + 1);
        if (passive)
        {
            e = e with { State = ConnectionState.Listen, Passive = true, Opens = opens, LastEnd = EndReason.None };
            return;
        }
        var iss = isn;
        e = Tcb.BeginConnection(e, opens) with
        {
            State = ConnectionState.SynSent, Passive = false, Opens = opens,
            Iss = iss, SndUna = iss, SndNxt = step.Seq.Add(iss, 1),
        };
        IsnClock.Taken(ref step, side, iss);
        step.Send(side, SegmentFlags.Syn, iss, 0);
        Tcb.EnsureRetransmissionTimer(ref step, side);
    }

    /// <summary>
    /// SEND in ESTABLISHED or CLOSE-WAIT (RFC 9293 §3.10.2): "segmentize the buffer and send it with a
    /// piggybacked acknowledgment". The next data item (one unit in the explorer,
    /// <paramref name="length"/> bytes at the open endpoint) goes out as one segment at SND.NXT.
    /// </summary>
    public static void Send(ref Step step, Side side, int length = 1)
    {
        ref var e = ref step[side];
        var item = e.Sent;
        var seq = e.SndNxt;
        e = e with { Sent = item + length, SndNxt = step.Seq.Add(seq, length) };
        step.Send(side, SegmentFlags.Ack, seq, e.RcvNxt, data: true, item: item, dataLength: length);
        Tcb.EnsureRetransmissionTimer(ref step, side);
    }

    /// <summary>
    /// CLOSE (RFC 9293 §3.10.4). LISTEN: delete the TCB. ESTABLISHED: send FIN (all SENDs are already
    /// segmentized), enter FIN-WAIT-1. CLOSE-WAIT: send FIN, enter LAST-ACK. The FIN's ghost item field records
    /// how many data items preceded it.
    /// </summary>
    public static void Close(ref Step step, Side side)
    {
        ref var e = ref step[side];
        if (e.State == ConnectionState.Listen)
        {
            Tcb.Delete(ref step, side, EndReason.None);
            return;
        }
        var seq = e.SndNxt;
        var next = e.State == ConnectionState.CloseWait ? ConnectionState.LastAck : ConnectionState.FinWait1;
        e = e with { State = next, CloseCalled = true, SndNxt = step.Seq.Add(seq, 1) };
        step.Send(side, SegmentFlags.Fin | SegmentFlags.Ack, seq, e.RcvNxt, item: e.Sent);
        Tcb.EnsureRetransmissionTimer(ref step, side);
    }

    /// <summary>
    /// ABORT (RFC 9293 §3.10.5): in SYN-RECEIVED, ESTABLISHED, FIN-WAIT-1/2 and CLOSE-WAIT send
    /// &lt;SEQ=SND.NXT&gt;&lt;CTL=RST&gt;; in every state delete the TCB and enter CLOSED.
    /// </summary>
    public static void Abort(ref Step step, Side side)
    {
        var e = step[side];
        if (e.State is ConnectionState.SynReceived or ConnectionState.Established or ConnectionState.FinWait1
            or ConnectionState.FinWait2 or ConnectionState.CloseWait)
            step.Send(side, SegmentFlags.Rst, e.SndNxt, 0);
        Tcb.Delete(ref step, side, EndReason.Aborted);
    }
}
