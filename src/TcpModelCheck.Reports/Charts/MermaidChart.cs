using System.Text;
using TcpModelCheck.Tcp;
using TcpModelCheck.Tcp.Charts;

namespace TcpModelCheck.Reports.Charts;

/// <summary>
/// Renders a trace as a Mermaid <c>sequenceDiagram</c> (GitHub and most Markdown viewers draw it). The
/// network is a participant of its own between the peers, so that a segment sent at step i and delivered at
/// step j is two messages (A→Net, Net→B) and a delay between them is visible; losses and expiries are
/// crossed messages (<c>--x</c>), duplicates and delays are notes over the network, a lasso's cycle is a <c>loop</c> block.
/// </summary>
public static class MermaidChart
{
    public static string Render(ChartInput input)
    {
        var sb = new StringBuilder();
        sb.AppendLine("sequenceDiagram");
        foreach (var h in input.Header) sb.AppendLine($"    %% {h}");
        sb.AppendLine($"    participant A as {Escape(input.PeerA)}");
        sb.AppendLine("    participant N as network");
        sb.AppendLine($"    participant B as {Escape(input.PeerB)}");
        sb.AppendLine($"    Note over A: 0. {Escape(input.InitialA)}");
        sb.AppendLine($"    Note over B: 0. {Escape(input.InitialB)}");
        var tracker = new SegmentTracker(input.InitialTime);
        var tags = input.ManyIncarnations;
        var indent = "    ";
        for (var i = 0; i < input.Steps.Count; i++)
        {
            if (input.LoopStart == i)
            {
                sb.AppendLine($"    loop steps {i + 1}-{input.Steps.Count} repeat forever");
                indent = "        ";
            }
            var step = input.Steps[i];
            if (step.Events.Count == 0) sb.AppendLine($"{indent}Note over N: {i + 1}. {Escape(step.Action)}");
            foreach (var e in step.Events) sb.AppendLine(indent + Line(i + 1, e, tracker, tags));
        }
        if (input.LoopStart is not null) sb.AppendLine("    end");
        if (input.Ending is { } end) sb.AppendLine($"    Note over A,B: {Escape(end)}");
        return sb.ToString();
    }

    private static string Line(int step, StepEvent e, SegmentTracker tracker, bool tags)
    {
        string Seg(SegmentLabel s) => Label(s, tags);
        string To(SegmentLabel s) => s.From == Side.Client ? "B" : "A";
        return e switch
        {
            StepEvent.Sent x => Send(step, x, tracker, tags),
            StepEvent.Delivered x => $"N->>{To(x.Segment)}: {step}. {Seg(x.Segment)} ({Escape(tracker.Remove(x.Segment))}" +
                $"{(x.OutOfOrder ? ", out of order" : "")})",
            StepEvent.Lost x => $"N--x{To(x.Segment)}: {step}. LOST {Seg(x.Segment)} ({Escape(tracker.Remove(x.Segment))})",
            StepEvent.Expired x => $"N--x{To(x.Segment)}: {step}. EXPIRED {Seg(x.Segment)} ({Escape(tracker.Remove(x.Segment))})",
            StepEvent.Duplicated x => Duplicate(step, x.Segment, tracker, tags),
            StepEvent.Delayed x => $"Note over N: {step}. DELAYED {Seg(x.Segment)} (may arrive up to MSL later)",
            StepEvent.Tick x => Tick(step, x.Now, tracker),
            StepEvent.StateChanged x => $"Note over {Peer(x.Side)}: {step}. {Escape(x.To)}",
            StepEvent.AppCall x => $"Note over {Peer(x.Side)}: {step}. call {Escape(x.Call)}",
            StepEvent.AppReceived x => $"Note over {Peer(x.Side)}: {step}. app receives {Escape(x.Data)}{(tags ? $" conn {x.Incarnation}" : "")}",
            StepEvent.TimerFired x => $"Note over {Peer(x.Side)}: {step}. timeout {Escape(x.Timer)}",
            StepEvent.Crashed x => $"Note over {Peer(x.Side)}: {step}. CRASH (TCB lost)",
            StepEvent.Note { Side: { } side } x => $"Note over {Peer(side)}: {step}. {Escape(x.Text)}",
            StepEvent.Note x => $"Note over N: {step}. {Escape(x.Text)}",
            _ => $"Note over N: {step}. {Escape(e.ToString())}",
        };
    }

    private static string Send(int step, StepEvent.Sent x, SegmentTracker tracker, bool tags)
    {
        tracker.Sent(x.Segment, step);
        var from = x.Segment.From == Side.Client ? "A" : "B";
        return $"{from}->>N: {step}. {Label(x.Segment, tags)}{(x.Retransmission ? " (retransmission)" : "")}";
    }

    private static string Duplicate(int step, SegmentLabel s, SegmentTracker tracker, bool tags)
    {
        tracker.Duplicated(s, step);
        return $"Note over N: {step}. DUPLICATED {Label(s, tags)}";
    }

    private static string Tick(int step, int now, SegmentTracker tracker)
    {
        tracker.Tick(now);
        return $"Note over A,B: {step}. tick, t={now}";
    }

    private static string Peer(Side side) => side == Side.Client ? "A" : "B";

    /// <summary>A segment label without angle brackets (Mermaid would read them as HTML).</summary>
    private static string Label(SegmentLabel s, bool tags) =>
        $"SEQ={s.Seq}" + (s.Ack is { } a ? $" ACK={a}" : "") + $" CTL={s.Flags}" + (s.Data is { } d ? $" DATA={Escape(d)}" : "") +
        (tags && s.Tagged ? $" conn {s.Incarnation}" : "");

    /// <summary>Mermaid treats ';' as a statement end and '#' as the start of an entity code; '&lt;' and
    /// '&gt;' may be read as HTML. Replace them so any label renders literally.</summary>
    internal static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
            sb.Append(c switch
            {
                '#' => "#35;",
                ';' => "#59;",
                '<' => "#lt;",
                '>' => "#gt;",
                '\r' or '\n' => " ",
                _ => c.ToString(),
            });
        return sb.ToString();
    }
}
