using TcpModelCheck.Tcp;
using TcpModelCheck.Tcp.Charts;

namespace TcpModelCheck.Reports.Charts;

/// <summary>
/// Lays out one trace step as chart lines, drawing the events in the order the model reports them. A peer's
/// new connection state is written in its column next to the event that caused it — on the segment line of
/// the arrival, or on the segment line that follows an application call — as in RFC 9293's figures, where
/// the state beside an arrow is the state after it. Annotations (application calls, timers, crashes) get
/// lines of their own, shared only with an annotation of the other peer.
/// </summary>
internal sealed class StepLayout
{
    private readonly List<ChartLine> _lines = new();
    private readonly Dictionary<Side, string> _pending = new();
    private readonly SegmentTracker _tracker;
    private readonly bool _tags;
    private readonly int _step;
    private readonly ChartColumns _c;

    private StepLayout(int step, SegmentTracker tracker, bool tags, ChartColumns c)
    {
        _c = c;
        _step = step;
        _tracker = tracker;
        _tags = tags;
    }

    public static List<ChartLine> Lines(int step, ChartStep s, SegmentTracker tracker, bool tags, ChartColumns c)
    {
        var layout = new StepLayout(step, tracker, tags, c);
        foreach (var e in s.Events) layout.Add(e);
        layout.FlushPending();
        if (layout._lines.Count == 0) layout._lines.Add(new ChartLine { Mid = $"({s.Action}: nothing visible changes)" });
        layout._lines[0].Number = step.ToString();
        return layout._lines;
    }

    private void Add(StepEvent e)
    {
        switch (e)
        {
            case StepEvent.StateChanged x: State(x.Side, x.To); break;
            case StepEvent.Sent x:
                _tracker.Sent(x.Segment, _step);
                Network(SegmentArrow.Draw(x.Segment, SegmentArrow.Mark.Sent,
                    Note(x.Segment, x.Retransmission ? "retransmission" : null), _c));
                break;
            case StepEvent.Delivered x:
                Network(SegmentArrow.Draw(x.Segment, SegmentArrow.Mark.Arrives,
                    Note(x.Segment, x.OutOfOrder ? "OUT OF ORDER" : null, _tracker.Remove(x.Segment)), _c));
                break;
            case StepEvent.Lost x:
                Network(SegmentArrow.Draw(x.Segment, SegmentArrow.Mark.Lost, Note(x.Segment, "LOST", _tracker.Remove(x.Segment)), _c));
                break;
            case StepEvent.Expired x:
                Network(SegmentArrow.Draw(x.Segment, SegmentArrow.Mark.Expired, Note(x.Segment, "EXPIRED", _tracker.Remove(x.Segment)), _c));
                break;
            case StepEvent.Duplicated x:
                _tracker.Duplicated(x.Segment, _step);
                Network(SegmentArrow.Draw(x.Segment, SegmentArrow.Mark.Duplicated, Note(x.Segment, "DUPLICATED"), _c));
                break;
            case StepEvent.Delayed x:
                Network(SegmentArrow.Draw(x.Segment, SegmentArrow.Mark.Delayed, Note(x.Segment, "DELAYED (up to MSL)"), _c));
                break;
            case StepEvent.Tick x:
                _tracker.Tick(x.Now);
                Network(new ChartLine { Mid = SegmentArrow.Center($" tick: t={x.Now} ", '-', _c), IsNetwork = true, Tick = x.Now });
                break;
            case StepEvent.AppCall x: Annotation(x.Side, $"({x.Call})"); break;
            case StepEvent.AppReceived x: Annotation(x.Side, $"(app receives {x.Data}{(_tags ? $" [#{x.Incarnation}]" : "")})"); break;
            case StepEvent.TimerFired x: Annotation(x.Side, $"(timeout: {x.Timer})"); break;
            case StepEvent.Crashed x: Annotation(x.Side, "(CRASH: TCB lost)"); break;
            case StepEvent.Note { Side: { } side } x: Annotation(side, $"({x.Text})"); break;
            case StepEvent.Note x: Network(new ChartLine { Mid = x.Text }); break;
            default: Network(new ChartLine { Mid = e.ToString() }); break;
        }
    }

    /// <summary>Writes the state on the latest line if that peer's column is free there; otherwise keeps it
    /// for the next line that has room (the segment an application call sends), or a line of its own.</summary>
    private void State(Side side, string state)
    {
        if (_pending.ContainsKey(side)) FlushPending();
        if (_lines.Count > 0 && FreeFor(_lines[^1], side)) SetColumn(_lines[^1], side, state);
        else _pending[side] = state;
    }

    private void Network(ChartLine line) => Append(line);

    private void Annotation(Side side, string text)
    {
        var last = _lines.Count > 0 ? _lines[^1] : null;
        var other = side == Side.Client ? Side.Server : Side.Client;
        var mergeable = last is { IsNetwork: false, Banner: null } && Column(last, side) == "" && Column(last, other) != ""
            && !_pending.ContainsKey(side) && FreeFor(last, side) && Fits(last, side, text);
        if (mergeable) SetColumn(last!, side, text);
        else Append(side == Side.Client ? new ChartLine { Left = text } : new ChartLine { Right = text });
    }

    private void Append(ChartLine line)
    {
        foreach (var (side, state) in _pending.ToList())
            if (FreeFor(line, side))
            {
                SetColumn(line, side, state);
                _pending.Remove(side);
            }
        _lines.Add(line);
    }

    private void FlushPending()
    {
        if (_pending.Count == 0) return;
        var last = _lines.Count > 0 ? _lines[^1] : null;
        foreach (var (side, state) in _pending.ToList())
            if (last is not null && FreeFor(last, side) && Fits(last, side, state))
            {
                SetColumn(last, side, state);
                _pending.Remove(side);
            }
        if (_pending.Count > 0) Append(new ChartLine());
    }

    /// <summary>A peer's column is free when it is empty and no long text of the other peer runs into it.</summary>
    private bool FreeFor(ChartLine l, Side side) =>
        l.Banner is null && Column(l, side) == "" && (side == Side.Client
            ? l.Mid == "" || l.IsNetwork
            : l.Left.Length <= _c.RightColumn - ChartColumns.NumberWidth - 1 && (l.Mid == "" || l.IsNetwork));

    /// <summary>Text written into A's column must not run into B's text on the same line; text written into
    /// B's column must end by column 100.</summary>
    private bool Fits(ChartLine l, Side side, string text) => side == Side.Server
        ? _c.RightColumn + text.Length <= ChartColumns.Width
        : l.Right == "" || text.Length <= _c.RightColumn - ChartColumns.NumberWidth - 1;

    /// <summary>The note of a segment line: its incarnation tag (when the trace has several, and the segment's is
    /// tracked: <see cref="SegmentLabel.Tagged"/>), then the remarks, e.g. "[#1] LOST, sent at 8, age 0".</summary>
    private string Note(SegmentLabel s, params string?[] remarks)
    {
        var text = string.Join(", ", remarks.Where(r => !string.IsNullOrEmpty(r)));
        return _tags && s.Tagged ? $"[#{s.Incarnation}] {text}".TrimEnd() : text;
    }

    private static string Column(ChartLine l, Side side) => side == Side.Client ? l.Left : l.Right;

    private static void SetColumn(ChartLine l, Side side, string text)
    {
        if (side == Side.Client) l.Left = text;
        else l.Right = text;
    }
}
