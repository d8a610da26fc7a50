using TcpModelCheck.Tcp.Charts;

namespace TcpModelCheck.Tcp;

/// <summary>
/// TIME-WAIT, and an orphaned FIN-WAIT-2, as Linux runs them: such a connection is a "timewait minisock" whose
/// arrivals <c>tcp_timewait_state_process</c> (net/ipv4/tcp_minisocks.c) handles instead of the §3.10.7.4 steps.
/// Used when <see cref="TcpConfig.LinuxTimeWait"/> is set (the linux variant); each rule was measured against this
/// machine's kernel with <c>tcpmc conform --live</c> over the generated coverage suite (docs/linux-fidelity.md).
/// </summary>
/// <remarks>
/// A SYN beyond RCV.NXT in TIME-WAIT that reopens the connection (RFC 6191) is <see cref="StackRules.Reopens"/>, which
/// runs first; without a listener it is ACKed here. Not modelled: the per-socket rate limit on these ACKs (<c>tcp_invalid_ratelimit</c>,
/// 500 ms), so two such segments within 500 ms each get an ACK here, only the first from Linux.
/// </remarks>
internal static class LinuxTimeWait
{
    /// <summary>Whether an arrival at <paramref name="side"/> is processed here rather than by §3.10.7.4.</summary>
    public static bool Applies(ref Step step, Side side) =>
        step.Rules.Config.LinuxTimeWait
        && (step[side].State == ConnectionState.TimeWait || (step[side].State == ConnectionState.FinWait2 && step.Rules.Orphaned));

    public static void Process(ref Step step, Side side, in Arriving seg)
    {
        if (step[side].State == ConnectionState.FinWait2) OrphanedFinWait2(ref step, side, seg);
        else TimeWait(ref step, side, seg);
    }

    /// <summary>
    /// TIME-WAIT: a bare ACK or a RST exactly at RCV.NXT is "in window" — the RST ends TIME-WAIT (unless
    /// tcp_rfc1337), the ACK restarts the timer silently. Any other RST is ignored silently (no challenge ACK).
    /// Anything else — a retransmitted FIN, data, a SYN, an ACK at another sequence number — is answered with
    /// &lt;SEQ=SND.NXT&gt;&lt;ACK=RCV.NXT&gt;&lt;CTL=ACK&gt;, and restarts the timer if it carries an ACK.
    /// </summary>
    private static void TimeWait(ref Step step, Side side, in Arriving seg)
    {
        var e = step[side];
        if (seg.Seq == e.RcvNxt && (seg.Length == 0 || seg.Rst))
        {
            if (!seg.Rst)
            {
                Restart(ref step, side);
                step.Note(side, "bare ACK at RCV.NXT in TIME-WAIT: timer restarted, no reply (Linux)");
            }
            else if (step.Rules.Config.IgnoreRstInTimeWait) step.Note(side, "RST in TIME-WAIT ignored (RFC 1337)");
            else Tcb.Delete(ref step, side, EndReason.Reset);
            return;
        }
        if (seg.Rst)
        {
            step.Note(side, "RST not at RCV.NXT in TIME-WAIT: ignored, no challenge ACK (Linux)");
            return;
        }
        if (seg.HasAck) Restart(ref step, side);
        step.Note(side, seg.HasAck ? "TIME-WAIT: ACK it and restart the timer (Linux)" : "TIME-WAIT: ACK it (Linux)");
        Tcb.SendAck(ref step, side);
    }

    /// <summary>
    /// Orphaned FIN-WAIT-2 (the application called close(), the peer acknowledged our FIN): a segment outside the
    /// window — a RST too — is answered with an ACK; a RST inside it ends the connection silently, at any sequence
    /// number; a SYN at or beyond RCV.NXT, or new data, is answered with a reset and ends it (RFC 1122 §4.2.2.13);
    /// a duplicate or bare ACK is dropped silently; the peer's FIN enters TIME-WAIT and is acknowledged.
    /// </summary>
    private static void OrphanedFinWait2(ref Step step, Side side, in Arriving seg)
    {
        var e = step[side];
        var seq = step.Seq;
        var end = seq.Add(seg.Seq, seg.Length);
        var right = seq.Add(e.RcvNxt, step.Rules.Window);
        var inWindow = seg.Seq == e.RcvNxt
            || (seq.Lt(e.RcvNxt, end) && seq.Lt(seg.Seq, right))
            || (seg.Seq == right && seg.Length == 0);
        if (!inWindow)
        {
            step.Note(side, "orphaned FIN-WAIT-2: outside the window, ACK it (Linux)");
            Tcb.SendAck(ref step, side);
            return;
        }
        if (seg.Rst) { Tcb.Delete(ref step, side, EndReason.Reset); return; }
        if (seg.Syn && seq.Le(e.RcvNxt, seg.Seq)) { ResetAndEnd(ref step, side, seg, "SYN in an orphaned FIN-WAIT-2: reset (Linux)"); return; }
        if (!seg.HasAck || !seq.Lt(e.RcvNxt, end))
        {
            step.Note(side, "orphaned FIN-WAIT-2: nothing new, dropped (Linux)");
            return;
        }
        if (!seg.Fin || seg.HasData)
        {
            ResetAndEnd(ref step, side, seg, "data after close(): reset (RFC 1122 §4.2.2.13, Linux)");
            return;
        }
        ref var w = ref step[side];
        w = w with { RcvNxt = end };
        Tcb.SendAck(ref step, side);
        Timers.EnterTimeWait(ref step, side);
    }

    /// <summary>RFC 1122 §4.2.2.13 as Linux applies it after close() in FIN-WAIT-1 (or in the FIN-WAIT-2 this very
    /// segment's ACK entered; an orphaned FIN-WAIT-2 is otherwise handled above): data beyond RCV.NXT is answered by
    /// &lt;SEQ=SEG.ACK&gt;&lt;CTL=RST&gt; and the connection ends. Returns whether it did.</summary>
    public static bool ResetOnDataAfterClose(ref Step step, Side side, in Arriving seg)
    {
        var e = step[side];
        if (!step.Rules.Config.LinuxTimeWait || !step.Rules.Orphaned) return false;
        if (e.State is not (ConnectionState.FinWait1 or ConnectionState.FinWait2)) return false;
        if (!seg.HasData || !step.Seq.Lt(e.RcvNxt, step.Seq.Add(seg.Seq, seg.DataLength))) return false;
        ResetAndEnd(ref step, side, seg, "data after close(): reset (RFC 1122 §4.2.2.13, Linux)");
        return true;
    }

    private static void ResetAndEnd(ref Step step, Side side, in Arriving seg, string note)
    {
        step.Note(side, note);
        Tcb.SendResetFor(ref step, side, seg, hasTcb: true);
        Tcb.Delete(ref step, side, EndReason.Reset);
    }

    private static void Restart(ref Step step, Side side)
    {
        ref var e = ref step[side];
        e = e with { Timer = Tcb.TimerIn(step.Rules.TimeWait) };
    }
}
