using TcpModelCheck.Tcp.Charts;

namespace TcpModelCheck.Reports.Charts;

/// <summary>
/// Follows the segments in flight while a chart is drawn, so that a delivery, loss or expiry can say when the
/// segment was sent and how old it is. A delayed segment — sent at step i, delivered at step j much later — is
/// the whole story of TIME_WAIT (RFC 9293 §3.4.1: an old duplicate must not be accepted by a new incarnation),
/// so the chart shows both ends of its journey.
/// </summary>
/// <remarks>
/// Identical copies (a retransmission, a duplicate) carry identical labels and nothing in a chart tells them
/// apart. When copies sent at different steps are in flight, the note names all of them ("sent at 3 or 7")
/// and the oldest copy is taken out of the multiset — for expiry it must be the oldest; for a delivery it is
/// a guess the note makes visible.
/// </remarks>
internal sealed class SegmentTracker
{
    /// <summary>One copy in flight: the step that sent it (0 = in flight from the start), the clock then, and
    /// the step that duplicated it, if it is a duplicate.</summary>
    private readonly record struct Copy(int SentAt, int SentTime, int? DuplicatedAt);

    private readonly Dictionary<SegmentLabel, List<Copy>> _inFlight = new();

    public int Now { get; private set; }

    public SegmentTracker(int initialTime) => Now = initialTime;

    public void Tick(int now) => Now = now;

    public void Sent(SegmentLabel s, int step) => CopiesOf(s).Add(new Copy(step, Now, null));

    public void Duplicated(SegmentLabel s, int step)
    {
        var copies = CopiesOf(s);
        var original = copies.Count > 0 ? copies.MinBy(c => c.SentAt) : new Copy(0, Now, null);
        copies.Add(original with { DuplicatedAt = step });
    }

    /// <summary>Takes one copy out of the network and describes where it came from, e.g.
    /// "sent at 4, age 3" (the age, in clock ticks, only when it is not 0) or "in flight from the start".</summary>
    public string Remove(SegmentLabel s)
    {
        var copies = CopiesOf(s);
        if (copies.Count == 0) return "in flight from the start";
        var oldest = copies.MinBy(c => c.SentAt);
        var steps = copies.Select(c => c.SentAt).Distinct().Order().ToList();
        copies.Remove(oldest);
        if (copies.Count == 0) _inFlight.Remove(s);
        var origin = steps.Count == 1 ? Origin(oldest) : "sent at " + string.Join(" or ", steps.Select(StepName));
        var age = Now - oldest.SentTime;
        return age > 0 && steps.Count == 1 ? $"{origin}, age {age}" : origin;
    }

    private static string Origin(Copy c)
    {
        var sent = c.SentAt == 0 ? "in flight from the start" : $"sent at {c.SentAt}";
        return c.DuplicatedAt is { } d ? $"{sent}, copy made at {d}" : sent;
    }

    private static string StepName(int step) => step == 0 ? "start" : step.ToString();

    private List<Copy> CopiesOf(SegmentLabel s)
    {
        if (!_inFlight.TryGetValue(s, out var list)) _inFlight[s] = list = new List<Copy>();
        return list;
    }
}
