using TcpModelCheck.Tcp;
using TcpModelCheck.Tcp.Charts;

namespace TcpModelCheck.Reports.Tcp;

/// <summary>
/// Finds the sends the network refused. The model reports a segment sent into a full direction as
/// <see cref="StepEvent.Sent"/> followed by a note, and drops it (tail drop); a chart that believed the send
/// would later say "sent at 19 or 24" for a copy that never existed. The states before and after the step
/// tell exactly which sends did not reach the network: each of those is followed by a
/// <see cref="StepEvent.Lost"/>, so the chart draws it as sent and lost at once.
/// </summary>
internal static class TailDrops
{
    public static IReadOnlyList<StepEvent> Mark(IReadOnlyList<StepEvent> events, TcpState before, TcpState after)
    {
        var missing = Counts(before);
        foreach (var e in events)
        {
            switch (e)
            {
                case StepEvent.Sent x: Add(missing, x.Segment, 1); break;
                case StepEvent.Duplicated x: Add(missing, x.Segment, 1); break;
                case StepEvent.Delivered x: Add(missing, x.Segment, -1); break;
                case StepEvent.Lost x: Add(missing, x.Segment, -1); break;
                case StepEvent.Expired x: Add(missing, x.Segment, -1); break;
            }
        }
        foreach (var (label, n) in Counts(after)) Add(missing, label, -n);
        if (missing.Values.All(n => n <= 0)) return events;

        // the last sends of a label are the ones the full network refused
        var result = new List<StepEvent>(events);
        for (var i = result.Count - 1; i >= 0; i--)
            if (result[i] is StepEvent.Sent s && missing.GetValueOrDefault(s.Segment) > 0)
            {
                missing[s.Segment]--;
                result.Insert(i + 1, new StepEvent.Lost(s.Segment));
            }
        return result;
    }

    private static Dictionary<SegmentLabel, int> Counts(TcpState state)
    {
        var counts = new Dictionary<SegmentLabel, int>();
        foreach (var s in state.InFlight) Add(counts, s.Label, 1);
        return counts;
    }

    private static void Add(Dictionary<SegmentLabel, int> counts, SegmentLabel label, int n) =>
        counts[label] = counts.GetValueOrDefault(label) + n;
}
