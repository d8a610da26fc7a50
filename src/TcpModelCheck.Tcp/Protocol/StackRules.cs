using TcpModelCheck.Tcp.Charts;

namespace TcpModelCheck.Tcp;

/// <summary>
/// Three rules where a real stack departs from the letter of RFC 9293 §3.10.7.4, each one configuration row (on for
/// the linux variant) and each measured against this machine's kernel with <c>tcpmc conform --live</c> over the
/// generated coverage suite (the scripts <c>time-wait-syn-beyond</c>, <c>syn-received-syn</c>, <c>closing-fin</c> and
/// <c>last-ack-fin</c>). The explorer and the open endpoint both run them, so the explorer sees what Linux does.
/// </summary>
internal static class StackRules
{
    /// <summary>Linux's ISS for a connection reopened from TIME-WAIT: the old SND.NXT + 65535 + 2
    /// (tcp_timewait_state_process), so its sequence numbers lie beyond everything the old one sent.</summary>
    public const int ReopenIssOffset = 65537;

    /// <summary>
    /// RFC 6191 §2 (RFC 1122 §4.2.2.13; RFC 9293 §3.6.1 MAY-2), with <see cref="TcpConfig.TimeWaitReopen"/>: a SYN
    /// without ACK or RST that arrives in TIME-WAIT with SEG.SEQ &gt; RCV.NXT, at an endpoint whose listener is still
    /// there, ends TIME-WAIT and is processed as a new SYN in LISTEN (§3.10.7.2) with ISS = SND.NXT + 65537 (Linux
    /// returns TCP_TW_SYN and hands the SYN to the listener). Without a listener the SYN falls through to TIME-WAIT's
    /// ACK. Returns whether it reopened.
    /// </summary>
    public static bool Reopens(ref Step step, Side side, in Arriving seg)
    {
        var e = step[side];
        if (!step.Rules.Config.TimeWaitReopen || e.State != ConnectionState.TimeWait) return false;
        if (!seg.Syn || seg.Rst || seg.HasAck || !step.Seq.Lt(e.RcvNxt, seg.Seq)) return false;
        if (!e.Passive || !step.Rules.ListenerOpen) return false;
        var iss = step.Seq.Add(e.SndNxt, ReopenIssOffset);
        step.Note(side, "SYN beyond RCV.NXT in TIME-WAIT: a new connection, ISS = SND.NXT + 65537 (RFC 6191, Linux)");
        Tcb.ReturnToListen(ref step, side);
        Arrival.Listen(ref step, side, seg, iss);
        return true;
    }

    /// <summary>
    /// With <see cref="TcpConfig.SynAckAgain"/>: in a passive SYN-RECEIVED, a SYN without ACK at SEG.SEQ = IRS — the
    /// peer's SYN again, its SYN-ACK lost or late — is answered by &lt;SEQ=ISS&gt;&lt;ACK=RCV.NXT&gt;&lt;CTL=SYN,ACK&gt;
    /// (Linux's tcp_check_req, inet_rtx_syn_ack); §3.10.7.4 finds it unacceptable and sends a bare ACK. The
    /// retransmission timer is left as it runs.
    /// </summary>
    public static bool SynAckAgain(ref Step step, Side side, in Arriving seg)
    {
        var e = step[side];
        if (!step.Rules.Config.SynAckAgain || e.State != ConnectionState.SynReceived || !e.Passive) return false;
        if (!seg.Syn || seg.Rst || seg.HasAck || seg.Seq != e.Irs) return false;
        step.Note(side, "the SYN again in SYN-RECEIVED: send the SYN-ACK again (Linux)");
        step.Send(side, SegmentFlags.Syn | SegmentFlags.Ack, e.Iss, e.RcvNxt, retransmission: true);
        return true;
    }

    /// <summary>
    /// With <see cref="TcpConfig.AckOfDuplicate"/>: a segment (not RST or SYN) that ends exactly at RCV.NXT and
    /// acknowledges something new (SND.UNA &lt; SEG.ACK =&lt; SND.NXT) is a retransmission Linux still accepts
    /// (tcp_sequence: end_seq ≥ rcv_wup), so its ACK is processed (fifth step) before the duplicate is answered by
    /// &lt;SEQ=SND.NXT&gt;&lt;ACK=RCV.NXT&gt;&lt;CTL=ACK&gt; — unless that ACK completed CLOSING (TIME-WAIT) or LAST-ACK
    /// (CLOSED), where Linux consumes the segment silently. §3.10.7.4 drops it unacceptable, ACK ignored, with an
    /// ACK. Returns whether it handled the segment.
    /// </summary>
    public static bool AckOfDuplicate(ref Step step, Side side, in Arriving seg)
    {
        var e = step[side];
        var seq = step.Seq;
        if (!step.Rules.Config.AckOfDuplicate || seg.Rst || seg.Syn || !seg.HasAck || seg.Length == 0) return false;
        if (e.State is ConnectionState.SynReceived or ConnectionState.TimeWait) return false;
        if (seq.Add(seg.Seq, seg.Length) != e.RcvNxt || !(seq.Lt(e.SndUna, seg.Ack) && seq.Le(seg.Ack, e.SndNxt))) return false;
        step.Note(side, "ends at RCV.NXT, new ACK: ACK processed (Linux tcp_sequence)");
        Synchronized.ProcessAck(ref step, side, seg);
        if (step[side].State is ConnectionState.TimeWait or ConnectionState.Closed)
        {
            step.Note(side, "the ACK ended the state: duplicate consumed silently (Linux)");
            return true;
        }
        Tcb.SendAck(ref step, side);
        return true;
    }
}
