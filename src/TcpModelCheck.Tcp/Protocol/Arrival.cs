using TcpModelCheck.Tcp.Charts;

namespace TcpModelCheck.Tcp;

/// <summary>
/// SEGMENT ARRIVES (RFC 9293 §3.10.7) for the states without a synchronized sequence space: CLOSED
/// (§3.10.7.1), LISTEN (§3.10.7.2) and SYN-SENT (§3.10.7.3). The other states are in <see cref="Synchronized"/>.
/// </summary>
internal static class Arrival
{
    /// <summary>Processes <paramref name="seg"/> at its receiver. <paramref name="isn"/> is the ISS chosen if the
    /// segment is a SYN that arrives in LISTEN (the choice is part of the action).</summary>
    public static void Process(ref Step step, in Arriving seg, int isn)
    {
        var side = seg.To;
        switch (step[side].State)
        {
            case ConnectionState.Closed: Closed(ref step, side, seg); break;
            case ConnectionState.Listen: Listen(ref step, side, seg, isn); break;
            case ConnectionState.SynSent: SynSent(ref step, side, seg); break;
            default: Synchronized.Process(ref step, side, seg); break;
        }
    }

    /// <summary>True when delivering <paramref name="seg"/> to <paramref name="receiver"/> selects an ISS
    /// (RFC 9293 §3.10.7.2, third step), so the delivery action carries an ISN choice.</summary>
    public static bool ChoosesIsn(in Endpoint receiver, Segment seg) =>
        receiver.State == ConnectionState.Listen && seg.Syn && !seg.Rst && !seg.HasAck;

    /// <summary>
    /// CLOSED (RFC 9293 §3.10.7.1): data is discarded; a RST is discarded; anything else is answered by a reset
    /// chosen to be acceptable to its sender: &lt;SEQ=SEG.ACK&gt;&lt;CTL=RST&gt; if it had an ACK, otherwise
    /// &lt;SEQ=0&gt;&lt;ACK=SEG.SEQ+SEG.LEN&gt;&lt;CTL=RST,ACK&gt;.
    /// </summary>
    private static void Closed(ref Step step, Side side, in Arriving seg)
    {
        if (seg.Rst) { step.Note(side, "RST to a closed port: discarded"); return; }
        Tcb.SendResetFor(ref step, side, seg, hasTcb: false);
    }

    /// <summary>
    /// LISTEN (RFC 9293 §3.10.7.2): ignore a RST; answer any ACK with &lt;SEQ=SEG.ACK&gt;&lt;CTL=RST&gt;; on a SYN
    /// set IRS = SEG.SEQ, RCV.NXT = SEG.SEQ+1, select ISS, send &lt;SEQ=ISS&gt;&lt;ACK=RCV.NXT&gt;&lt;CTL=SYN,ACK&gt;,
    /// SND.UNA = ISS, SND.NXT = ISS+1, enter SYN-RECEIVED; drop anything else. Ghost: the new TCB belongs to the
    /// incarnation of the SYN's sender.
    /// </summary>
    internal static void Listen(ref Step step, Side side, in Arriving seg, int isn)
    {
        if (seg.Rst) { step.Note(side, "RST in LISTEN: ignored"); return; }
        if (seg.HasAck) { Tcb.SendResetFor(ref step, side, seg, hasTcb: true); return; }
        if (!seg.Syn) { step.Note(side, "no SYN, no ACK in LISTEN: dropped"); return; }
        ref var e = ref step[side];
        var iss = isn;
        e = Tcb.BeginConnection(e, seg.Incarnation) with
        {
            State = ConnectionState.SynReceived, Irs = seg.Seq, RcvNxt = step.Seq.Add(seg.Seq, 1),
            Iss = iss, SndUna = iss, SndNxt = step.Seq.Add(iss, 1),
        };
        IsnClock.Taken(ref step, side, iss);
        step.Send(side, SegmentFlags.Syn | SegmentFlags.Ack, iss, e.RcvNxt);
        Tcb.EnsureRetransmissionTimer(ref step, side);
    }

    /// <summary>
    /// SYN-SENT (RFC 9293 §3.10.7.3). First the ACK: one with SEG.ACK =&lt; ISS or SEG.ACK &gt; SND.NXT is answered by
    /// &lt;SEQ=SEG.ACK&gt;&lt;CTL=RST&gt; (unless it is a RST) and dropped. Then a RST closes the connection only if its
    /// ACK was acceptable ("connection reset"). Then a SYN: IRS = SEG.SEQ, RCV.NXT = SEG.SEQ+1, SND.UNA =
    /// SEG.ACK; if our SYN is acknowledged enter ESTABLISHED and send an ACK, otherwise enter SYN-RECEIVED and
    /// send &lt;SEQ=ISS&gt;&lt;ACK=RCV.NXT&gt;&lt;CTL=SYN,ACK&gt; (simultaneous open). Anything else is dropped.
    /// </summary>
    private static void SynSent(ref Step step, Side side, in Arriving seg)
    {
        ref var e = ref step[side];
        var ackOk = false;
        if (seg.HasAck)
        {
            if (step.Seq.Le(seg.Ack, e.Iss) || step.Seq.Lt(e.SndNxt, seg.Ack))
            {
                if (seg.Rst) step.Note(side, "RST with unacceptable ACK in SYN-SENT: dropped");
                else Tcb.SendResetFor(ref step, side, seg, hasTcb: true);
                return;
            }
            ackOk = step.Seq.Lt(e.SndUna, seg.Ack) && step.Seq.Le(seg.Ack, e.SndNxt);
        }
        if (seg.Rst)
        {
            if (ackOk) Tcb.Delete(ref step, side, EndReason.Reset);
            else step.Note(side, "RST without ACK in SYN-SENT: dropped");
            return;
        }
        if (!seg.Syn) { step.Note(side, "neither SYN nor RST in SYN-SENT: dropped"); return; }
        e = e with { Irs = seg.Seq, RcvNxt = step.Seq.Add(seg.Seq, 1) };
        if (ackOk)
        {
            e = e with { SndUna = seg.Ack, State = ConnectionState.Established, PeerIncarnation = Tcb.PeerIncarnation(step, e, seg) };
            Timers.OnAcknowledged(ref step, side);
            Tcb.SendAck(ref step, side);
            return;
        }
        e = e with { State = ConnectionState.SynReceived };
        step.Send(side, SegmentFlags.Syn | SegmentFlags.Ack, e.Iss, e.RcvNxt);
    }
}
