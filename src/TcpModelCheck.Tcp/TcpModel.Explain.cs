using TcpModelCheck.Tcp.Charts;

namespace TcpModelCheck.Tcp;

public sealed partial class TcpModel
{
    /// <summary>
    /// Short labels in the vocabulary of RFC 9293's figures: "A: OPEN active ISS=0", "B: OPEN passive",
    /// "A: SEND d1", "A: CLOSE", "B: deliver &lt;SEQ=5&gt;&lt;ACK=1&gt;&lt;CTL=SYN,ACK&gt;", "B: deliver … ISS=8" (a SYN
    /// arriving in LISTEN picks B's ISS), "A: deliver … (late)" (a straggler), "net: lose A→B &lt;SEQ=…&gt;", "net: duplicate …", "net: delay …", "A: timeout",
    /// "A: crash", "tick".
    /// </summary>
    public string FormatAction(in TcpState state, TcpAction action)
    {
        var who = Who(action.Side);
        return action.Kind switch
        {
            TcpActionKind.Open when action.Passive => $"{who}: OPEN passive",
            TcpActionKind.Open => $"{who}: OPEN active ISS={action.Isn}",
            TcpActionKind.Send => $"{who}: SEND d{state[action.Side].Sent + 1}",
            TcpActionKind.Close => $"{who}: CLOSE",
            TcpActionKind.Abort => $"{who}: ABORT",
            TcpActionKind.Timeout => $"{who}: timeout",
            TcpActionKind.Crash => $"{who}: crash",
            TcpActionKind.Tick => "tick",
            TcpActionKind.Deliver => $"{who}: deliver {Segment(state, action)}" + (action.Isn >= 0 ? $" ISS={action.Isn}" : ""),
            TcpActionKind.Lose => $"net: lose {Arrow(state.InFlight[action.Segment])} {Segment(state, action)}",
            TcpActionKind.Duplicate => $"net: duplicate {Arrow(state.InFlight[action.Segment])} {Segment(state, action)}",
            TcpActionKind.Delay => $"net: delay {Arrow(state.InFlight[action.Segment])} {Segment(state, action)}",
            _ => action.ToString(),
        };
    }

    private static string Who(Side side) => side == Side.Client ? "A" : "B";

    private static string Arrow(Segment s) => s.From == Side.Client ? "A→B" : "B→A";

    /// <summary>The segment as in RFC figures; " (late)" marks a straggler when only some segments are (with an
    /// unlimited delay budget every segment is one, and the mark would be noise).</summary>
    private string Segment(TcpState state, TcpAction action)
    {
        var s = state.InFlight[action.Segment];
        return s.Straggler && !Rules.AllStragglers ? $"{s} (late)" : s.ToString();
    }

    /// <summary>
    /// What happened in the step from <paramref name="before"/> by <paramref name="action"/>, in chart vocabulary:
    /// the cause first (application call, delivery, loss, timer, tick, crash), then the state changes it caused,
    /// then what followed (segments sent, data handed to the application, notes on dropped segments).
    /// <paramref name="after"/> must be <c>Next(before, action)</c>; it is checked. The model keeps no absolute
    /// clock, so <see cref="StepEvent.Tick.Now"/> is -1 here; <see cref="ExplainPath"/> numbers the ticks.
    /// </summary>
    public IReadOnlyList<StepEvent> Explain(in TcpState before, TcpAction action, in TcpState after)
    {
        var events = new List<StepEvent>();
        var step = new Step(Rules, before, events, new Segment[Step.BufferFor(before)]);
        var cause = Cause(action);
        if (cause is not null) events.Add(cause);
        Apply(ref step, action);
        var next = step.Build();
        if (!next.Equals(after)) throw new ArgumentException("'after' is not the state 'action' leads to from 'before'", nameof(after));
        var changes = new List<StepEvent>(2);
        AddChange(changes, Side.Client, before.Client, after.Client);
        AddChange(changes, Side.Server, before.Server, after.Server);
        events.InsertRange(Math.Min(1, events.Count), changes);   // every action's first event is its cause
        return events;
    }

    /// <summary>Explains every step of a path from <paramref name="initial"/>, numbering the ticks from 0 so
    /// <see cref="StepEvent.Tick.Now"/> is the time since the path began.</summary>
    public IReadOnlyList<IReadOnlyList<StepEvent>> ExplainPath(TcpState initial, IEnumerable<(TcpAction Action, TcpState State)> steps)
    {
        var result = new List<IReadOnlyList<StepEvent>>();
        var now = 0;
        var state = initial;
        foreach (var (action, next) in steps)
        {
            var events = Explain(state, action, next);
            if (action.Kind == TcpActionKind.Tick)
            {
                now++;
                events = [.. events.Select(e => e is StepEvent.Tick ? new StepEvent.Tick(now) : e)];
            }
            result.Add(events);
            state = next;
        }
        return result;
    }

    private static StepEvent? Cause(TcpAction a) => a.Kind switch
    {
        TcpActionKind.Open => new StepEvent.AppCall(a.Side, a.Passive ? "OPEN passive" : $"OPEN active ISS={a.Isn}"),
        TcpActionKind.Send => new StepEvent.AppCall(a.Side, "SEND"),
        TcpActionKind.Close => new StepEvent.AppCall(a.Side, "CLOSE"),
        TcpActionKind.Abort => new StepEvent.AppCall(a.Side, "ABORT"),
        TcpActionKind.Tick => new StepEvent.Tick(-1),
        _ => null,
    };

    private static void AddChange(List<StepEvent> changes, Side side, in Endpoint before, in Endpoint after)
    {
        if (before.State != after.State)
            changes.Add(new StepEvent.StateChanged(side, before.State.RfcName(), after.State.RfcName()));
    }
}
