using TcpModelCheck.Tcp.Charts;

namespace TcpModelCheck.Tcp;

/// <summary>
/// SEGMENT ARRIVES in SYN-RECEIVED and the synchronized states (RFC 9293 §3.10.7.4, "Otherwise"), in the
/// RFC's order: sequence number, RST, (security: not modelled), SYN, ACK, (URG: not modelled), text, FIN.
/// The RST and SYN checks follow the RFC 5961 mitigations that RFC 9293 incorporates: a RST must match RCV.NXT
/// exactly, and an in-window RST or any SYN draws a challenge ACK.
/// </summary>
internal static class Synchronized
{
    public static void Process(ref Step step, Side side, in Arriving seg)
    {
        if (StackRules.Reopens(ref step, side, seg) || StackRules.SynAckAgain(ref step, side, seg)) return;
        if (LinuxTimeWait.Applies(ref step, side)) { LinuxTimeWait.Process(ref step, side, seg); return; }
        if (!CheckSequence(ref step, side, seg)) return;
        if (seg.Rst) { ProcessReset(ref step, side, seg); return; }
        if (seg.Syn) { ProcessSyn(ref step, side); return; }
        if (!seg.HasAck) { step.Note(side, "no ACK bit: dropped"); return; }
        if (!ProcessAck(ref step, side, seg)) return;
        if (LinuxTimeWait.ResetOnDataAfterClose(ref step, side, seg)) return;
        Receiver.ProcessTextAndFin(ref step, side, seg);
    }

    /// <summary>
    /// First step: the acceptability test (Table 6). An unacceptable segment is answered with
    /// &lt;SEQ=SND.NXT&gt;&lt;ACK=RCV.NXT&gt;&lt;CTL=ACK&gt; (unless it is a RST) and dropped. In TIME-WAIT the
    /// retransmitted remote FIN is exactly such a segment; the RFC says to acknowledge it and restart the 2·MSL
    /// timeout (fifth and eighth steps, TIME-WAIT), which is done here where the FIN is recognised.
    /// </summary>
    private static bool CheckSequence(ref Step step, Side side, in Arriving seg)
    {
        ref var e = ref step[side];
        if (step.Seq.Acceptable(seg.Seq, seg.Length, e.RcvNxt, step.Rules.Window)) return true;
        if (seg.Rst) { step.Note(side, "RST outside the window: dropped"); return false; }
        if (StackRules.AckOfDuplicate(ref step, side, seg)) return false;
        if (e.State == ConnectionState.TimeWait && seg.Fin && step.Seq.Add(seg.Seq, seg.Length) == e.RcvNxt)
        {
            e = e with { Timer = Tcb.TimerIn(step.Rules.TimeWait) };
            step.Note(side, "retransmitted FIN in TIME-WAIT: ACK and restart the 2MSL timer");
        }
        else step.Note(side, "not acceptable: ACK and drop");
        Tcb.SendAck(ref step, side);
        return false;
    }

    /// <summary>
    /// Second step, RST (RFC 9293 §3.10.7.4 with RFC 5961 §3): outside the window it was already dropped; not
    /// exactly RCV.NXT draws a challenge ACK (RFC 5961 §3.2; with <c>rst-challenge-ack=false</c> RFC 793's rule: any
    /// in-window RST is accepted); otherwise SYN-RECEIVED returns to LISTEN if it came from a passive
    /// OPEN ("connection refused" and CLOSED if active), and every synchronized state enters CLOSED. The rfc1337
    /// variant ignores a RST in TIME-WAIT (RFC 1337 §3, fix F1).
    /// </summary>
    private static void ProcessReset(ref Step step, Side side, in Arriving seg)
    {
        var e = step[side];
        if (seg.Seq != e.RcvNxt && step.Rules.Config.RstChallengeAck)
        {
            step.Note(side, "RST not at RCV.NXT: challenge ACK");
            Tcb.SendAck(ref step, side);
            return;
        }
        if (e.State == ConnectionState.SynReceived && e.Passive) { Tcb.ReturnToListen(ref step, side); return; }
        if (e.State == ConnectionState.TimeWait && step.Rules.Config.IgnoreRstInTimeWait)
        {
            step.Note(side, "RST in TIME-WAIT ignored (RFC 1337)");
            return;
        }
        Tcb.Delete(ref step, side, EndReason.Reset);
    }

    /// <summary>
    /// Fourth step, SYN: SYN-RECEIVED from a passive OPEN returns to LISTEN; in every other state the SYN draws a
    /// challenge ACK &lt;SEQ=SND.NXT&gt;&lt;ACK=RCV.NXT&gt;&lt;CTL=ACK&gt; and is dropped (RFC 9293 §3.10.7.4 citing
    /// RFC 5961 §4). Reopening from TIME-WAIT on a new SYN (RFC 9293 §3.6.1 MAY-2, RFC 6191) is the configuration row
    /// time-wait-reopen (<see cref="StackRules.Reopens"/>, checked before this step).
    /// </summary>
    private static void ProcessSyn(ref Step step, Side side)
    {
        var e = step[side];
        if (e.State == ConnectionState.SynReceived && e.Passive) { Tcb.ReturnToListen(ref step, side); return; }
        step.Note(side, "SYN in a synchronized state: challenge ACK");
        Tcb.SendAck(ref step, side);
    }

    /// <summary>
    /// Fifth step, ACK. SYN-RECEIVED: an ACK with SND.UNA &lt; SEG.ACK =&lt; SND.NXT enters ESTABLISHED, any other
    /// is answered by &lt;SEQ=SEG.ACK&gt;&lt;CTL=RST&gt;. ESTABLISHED and later: a new ACK advances SND.UNA and the
    /// retransmission timer; an ACK of something not yet sent is answered by an ACK and dropped; duplicates are
    /// ignored. FIN-WAIT-1 whose FIN is acknowledged enters FIN-WAIT-2; CLOSING enters TIME-WAIT (otherwise the
    /// segment is ignored); LAST-ACK deletes the TCB. Returns whether processing continues with the text.
    /// </summary>
    internal static bool ProcessAck(ref Step step, Side side, in Arriving seg)
    {
        ref var e = ref step[side];
        var seq = step.Seq;
        if (e.State == ConnectionState.SynReceived)
        {
            if (!(seq.Lt(e.SndUna, seg.Ack) && seq.Le(seg.Ack, e.SndNxt)))
            {
                Tcb.SendResetFor(ref step, side, seg, hasTcb: true);
                return false;
            }
            e = e with { State = ConnectionState.Established, PeerIncarnation = Tcb.PeerIncarnation(step, e, seg) };
        }
        if (step.Rules.Config.OldAckChallenge && TooOld(ref step, e, seg.Ack))
        {
            step.Note(side, "ACK older than SND.UNA - min(MAX.SND.WND, bytes acknowledged): challenge ACK (RFC 5961 §5.2)");
            Tcb.SendAck(ref step, side);
            return false;
        }
        if (seq.Lt(e.SndNxt, seg.Ack))
        {
            step.Note(side, "ACK of unsent data: ACK and drop");
            Tcb.SendAck(ref step, side);
            return false;
        }
        if (seq.Lt(e.SndUna, seg.Ack))
        {
            e = e with { SndUna = seg.Ack };
            Timers.OnAcknowledged(ref step, side);
        }
        var finAcked = e.State.FinSent() && e.SndUna == e.SndNxt;
        switch (e.State)
        {
            case ConnectionState.FinWait1 when finAcked:
                Tcb.Enter(ref step, side, ConnectionState.FinWait2);
                Timers.StartFinWait2(ref step, side);
                break;
            case ConnectionState.Closing:
                if (!finAcked) return false;
                Timers.EnterTimeWait(ref step, side);
                break;
            case ConnectionState.LastAck:
                if (finAcked) Tcb.Delete(ref step, side, EndReason.Graceful);
                return false;
        }
        return true;
    }

    /// <summary>
    /// RFC 5961 §5.2's lower edge, which RFC 9293 leaves optional and Linux implements: SEG.ACK must not be older than
    /// SND.UNA - MAX.SND.WND, where Linux caps MAX.SND.WND at the bytes acknowledged so far (tcp_ack: "do not accept
    /// ACK for bytes we never sent") — so early in a connection any ACK below SND.UNA draws a challenge ACK. The
    /// peer's largest window is taken as RCV.WND, the window both ends use here.
    /// </summary>
    private static bool TooOld(ref Step step, in Endpoint e, int ack)
    {
        var seq = step.Seq;
        if (!seq.Lt(ack, e.SndUna)) return false;
        var acked = Math.Max(0, seq.Distance(e.Iss, e.SndUna) - 1);
        var floor = seq.Add(e.SndUna, -(int)Math.Min(step.Rules.Window, acked));
        return seq.Lt(ack, floor);
    }
}
