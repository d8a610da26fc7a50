using TcpModelCheck.Conformance.Open;
using TcpModelCheck.Conformance.Scripts;
using TcpModelCheck.Tcp;

namespace TcpModelCheck.Conformance.Checking;

/// <summary>Inbound segments go through the shared SEGMENT ARRIVES code; outbound lines are matched.</summary>
internal sealed partial class ScriptRun
{
    private void Deliver(PacketEvent p)
    {
        if (_ep.E.State == ConnectionState.Closed && _listening)
            _ep.Reset(new Endpoint { State = ConnectionState.Listen, Passive = true, Opens = 1 });
        if (p.Flags.HasFlag(TcpFlags.Syn) && p.Options?.Items.OfType<MssOption>().FirstOrDefault() is { } mss) _ep.Mss = mss.Mss;
        var flags = SegmentFlags.None;
        if (p.Flags.HasFlag(TcpFlags.Syn)) flags |= SegmentFlags.Syn;
        if (p.Flags.HasFlag(TcpFlags.Ack)) flags |= SegmentFlags.Ack;
        if (p.Flags.HasFlag(TcpFlags.Fin)) flags |= SegmentFlags.Fin;
        if (p.Flags.HasFlag(TcpFlags.Rst)) flags |= SegmentFlags.Rst;
        var seg = new Arriving(OpenEndpoint.Kernel, flags, (int)p.Seq.Start, unchecked((int)(p.Ack ?? 0) + _ep.Base), p.Seq.Length, 0, 1);
        var before = _ep.E;
        ChartInbound(p);
        var sent = _ep.Apply(_now, (ref Step s) => Arrival.Process(ref s, seg, 0));
        ChartStep(before, sent);
        var why = Why($"line {p.Line} in {before.State.RfcName()}", ArrivalSection(before.State));
        var delayable = seg.HasData && !seg.Fin && _ep.E.RcvNxt != before.RcvNxt;
        foreach (var s in sent) _pending.Add(new Pending(Relative(s), _now, why, delayable && s.Flags == SegmentFlags.Ack && s.DataLength == 0));
        if (before.State == ConnectionState.SynSent && sent.Any(s => (s.Flags & SegmentFlags.Rst) != 0)) _ep.AfterResetInSynSent(_now);
        AfterStep(before);
    }

    private string Why(string context, string section)
    {
        var notes = _ep.LastNotes.Count > 0 ? ": " + string.Join("; ", _ep.LastNotes) : "";
        return $"{context}{notes}, {section}";
    }

    private void MatchOutbound(PacketEvent p, long lo, long hi)
    {
        if (p.Time.Kind == TimeKind.Any) hi = long.MaxValue / 2;
        AdvanceTo(lo);
        NoteUncheckedFields(p);
        while (true)
        {
            if (_pending.Count == 0 && _ep.FireWindow() is { } w && w.Lo - _tol <= hi + _tol)
                Fire(Math.Clamp(Math.Max(lo, w.Lo), lo, Math.Max(lo, w.Hi)), w.Rule);
            if (_pending.Count == 0)
                throw Disagree(p.Line, $"the script expects {ScriptWriter.Packet(p)}; the variant sends nothing here ({_ep.E.State.RfcName()}{Quiet()})");
            var next = _pending[0];
            var mismatch = Mismatch(p, next.Segment);
            if (mismatch is not null && next.Delayable && _pending.Count > 1)
            {
                _notes.Add($"line {p.Line}: the ACK at {ScriptWriter.Seconds(next.At)} s is delayed and merged into a later segment (RFC 9293 §3.8.6.3)");
                _pending.RemoveAt(0);
                continue;
            }
            if (mismatch is not null)
                throw Disagree(p.Line, $"the script expects {ScriptWriter.Packet(p)}; the variant sends {Format(next.Segment)} ({mismatch}; {next.Why})");
            CheckTiming(p, next, lo, hi);
            ChartMatched(next.Segment);
            _pending.RemoveAt(0);
            return;
        }
    }

    private string Quiet() => _ep.FireWindow() is { } w ? $"; its next timer fires at {ScriptWriter.Seconds(w.Lo)} s" : "";

    private void CheckTiming(PacketEvent p, Pending next, long lo, long hi)
    {
        var latest = next.Delayable ? next.At + MaxAckDelay : next.At;
        if (latest + _tol < lo || next.At - _tol > hi)
            throw Disagree(p.Line, $"the script expects {ScriptWriter.Packet(p)} at {ScriptWriter.Seconds(lo)} s; the variant sends it at {ScriptWriter.Seconds(next.At)} s ({next.Why})");
        if (next.Delayable && next.At + _tol < lo)
            _notes.Add($"line {p.Line}: ACK delayed by {ScriptWriter.Seconds(lo - next.At)} s, allowed up to 0.5 s (RFC 9293 §3.8.6.3)");
        _now = Math.Max(lo, Math.Min(next.At, hi));
    }

    /// <summary>Why <paramref name="actual"/> is not the segment <paramref name="p"/> expects, or null when it is.
    /// PSH is the sender's choice (RFC 9293 §3.9.1), so it is not compared.</summary>
    private string? Mismatch(PacketEvent p, OpenSegment actual)
    {
        var rst = (actual.Flags & SegmentFlags.Rst) != 0;
        var ack = (actual.Flags & SegmentFlags.Ack) != 0;
        var wantAck = p.Flags.HasFlag(TcpFlags.Ack);
        if (p.Flags.HasFlag(TcpFlags.Syn) != actual.Syn || p.Flags.HasFlag(TcpFlags.Fin) != actual.Fin
            || p.Flags.HasFlag(TcpFlags.Rst) != rst)
            return "other control bits";
        if (wantAck != ack && !LinuxResetWithAck(p, actual)) return wantAck ? "no ACK bit" : "an ACK bit";
        if (p.Seq.Start != (uint)actual.Seq) return $"SEQ {(uint)actual.Seq}, not {p.Seq.Start}";
        if (p.Seq.Length != actual.DataLength) return $"{actual.DataLength} bytes, not {p.Seq.Length}";
        if (wantAck && ack && p.Ack is { } a && a != (uint)actual.Ack) return $"ACK {(uint)actual.Ack}, not {a}";
        return null;
    }

    /// <summary>Linux sends its resets for ABORT (close with SO_LINGER 0 or unread data) as RST|ACK with
    /// ACK = RCV.NXT; RFC 9293 §3.10.5 writes &lt;SEQ=SND.NXT&gt;&lt;CTL=RST&gt;. A synchronized receiver ignores the
    /// ACK field of a RST (§3.10.7.4), so the linux variant accepts the ACK bit.</summary>
    private bool LinuxResetWithAck(PacketEvent p, OpenSegment actual)
    {
        if (_ep.Config.Variant != Variants.Linux || (actual.Flags & SegmentFlags.Rst) == 0 || !p.Flags.HasFlag(TcpFlags.Ack)) return false;
        if (p.Ack is { } a && a != (uint)_lastRcvNxt) return false;
        _notes.Add($"line {p.Line}: Linux sets ACK=RCV.NXT on a reset it sends for ABORT (linux variant)");
        return true;
    }

    private void NoteUncheckedFields(PacketEvent p)
    {
        if (p.Window is not null && !_windowNoted)
        {
            _windowNoted = true;
            _notes.Add($"line {p.Line}: outbound window not checked (the model has no receive-window policy)");
        }
        if (p.Options is { AnyOptions: false } && !_optionsNoted)
        {
            _optionsNoted = true;
            _notes.Add($"line {p.Line}: outbound TCP options not checked (parsed; the model ignores options)");
        }
    }
}
