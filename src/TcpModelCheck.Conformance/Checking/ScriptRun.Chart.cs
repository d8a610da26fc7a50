using TcpModelCheck.Conformance.Scripts;
using TcpModelCheck.Tcp;
using TcpModelCheck.Tcp.Charts;

namespace TcpModelCheck.Conformance.Checking;

/// <summary>One script line of a run as a chart step: the line, and what happened in the events a counterexample's
/// chart uses — the kernel is peer A (<see cref="Side.Client"/>) in the variant's states, the script peer B.</summary>
public sealed record ScriptStep(string Action, IReadOnlyList<StepEvent> Events);

/// <summary>The run recorded for <c>tcpmc conform --explain</c>'s sequence chart: per script line, the segment the peer
/// sent and its arrival, the call or timer, the kernel's state change, the rule's notes, and what the kernel sent.
/// Segment numbers are the script's (the kernel's relative to its ISN).</summary>
internal sealed partial class ScriptRun
{
    private readonly List<ScriptStep> _chart = [];
    private List<StepEvent> _events = [];

    public IReadOnlyList<ScriptStep> Chart => _chart;

    private void BeginChartStep(ScriptEvent e)
    {
        _events = [];
        _chart.Add(new ScriptStep($"line {e.Line}: {ScriptWriter.Event(e).Trim()}", _events));
    }

    private void ChartInbound(PacketEvent p)
    {
        var label = new SegmentLabel(Side.Server, FlagText(p.Flags), p.Seq.Start, p.Flags.HasFlag(TcpFlags.Ack) ? p.Ack : null,
            p.Seq.Length > 0 ? $"{p.Seq.Length} bytes" : null, 1);
        _events.Add(new StepEvent.Sent(label, false));
        _events.Add(new StepEvent.Delivered(label, false));
    }

    /// <summary>After a step of the endpoint: its state change, the notes of the rules that ran, and what it sent.</summary>
    private void ChartStep(Endpoint before, IEnumerable<OpenSegment> sent)
    {
        if (before.State != _ep.E.State)
            _events.Add(new StepEvent.StateChanged(Side.Client, before.State.RfcName(), _ep.E.State.RfcName()));
        foreach (var n in _ep.LastNotes) _events.Add(new StepEvent.Note(Side.Client, n));
        foreach (var s in sent) _events.Add(new StepEvent.Sent(Label(Relative(s)), s.Retransmission));
    }

    private void ChartMatched(OpenSegment s) => _events.Add(new StepEvent.Delivered(Label(s), false));

    private static SegmentLabel Label(OpenSegment s)
    {
        var ack = (s.Flags & SegmentFlags.Ack) != 0 ? (long?)(uint)s.Ack : null;
        return new SegmentLabel(Side.Client, FlagText(Flags(s.Flags)), (uint)s.Seq, ack, s.DataLength > 0 ? $"{s.DataLength} bytes" : null, 1);
    }

    private static TcpFlags Flags(SegmentFlags f)
    {
        var flags = TcpFlags.None;
        if ((f & SegmentFlags.Syn) != 0) flags |= TcpFlags.Syn;
        if ((f & SegmentFlags.Fin) != 0) flags |= TcpFlags.Fin;
        if ((f & SegmentFlags.Rst) != 0) flags |= TcpFlags.Rst;
        if ((f & SegmentFlags.Ack) != 0) flags |= TcpFlags.Ack;
        return flags;
    }

    /// <summary>The flags in RFC figure order, as the explorer's charts write them ("SYN,ACK").</summary>
    private static string FlagText(TcpFlags f)
    {
        var parts = new List<string>(4);
        if (f.HasFlag(TcpFlags.Syn)) parts.Add("SYN");
        if (f.HasFlag(TcpFlags.Fin)) parts.Add("FIN");
        if (f.HasFlag(TcpFlags.Rst)) parts.Add("RST");
        if (f.HasFlag(TcpFlags.Psh)) parts.Add("PSH");
        if (f.HasFlag(TcpFlags.Ack)) parts.Add("ACK");
        return string.Join(',', parts);
    }
}
