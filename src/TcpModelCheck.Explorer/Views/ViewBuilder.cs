using TcpModelCheck.Explorer.Paths;
using TcpModelCheck.Reports.Charts;
using TcpModelCheck.Reports.Tcp;
using TcpModelCheck.Tcp;
using TcpModelCheck.Tcp.Charts;

namespace TcpModelCheck.Explorer.Views;

/// <summary>Turns a walked path into what the page shows: the state at its end, the enabled actions labelled as
/// in the chart, the properties judged on the path, the first violation, and the SVG chart of the steps.</summary>
public static class ViewBuilder
{
    public static PathView Build(WalkedPath path)
    {
        var model = path.Model;
        var current = path.Current;
        var enabled = path.Enabled();
        var properties = PathProperties.Evaluate(path);
        var violation = PathProperties.FirstViolation(properties);
        var input = TcpTraceExplainer.Explain(model, path.ToTrace());
        var svg = SvgChart.Render(input with { Header = [] },
            violation is null ? null : new SvgChart.Mark(violation.Step ?? 0, $"{violation.Name} violated"));
        return new PathView(
            path.Path.ToString(),
            path.Steps.Select((s, i) => new StepView(i + 1, s.Choice, s.Label)).ToList(),
            State(model, current),
            enabled.Select((a, i) => Action(model, current, a, i)).ToList(),
            enabled.Count == 0 && model.IsTerminal(current),
            properties,
            violation is null ? null : new ViolationView(violation.Name, violation.Step ?? 0),
            svg);
    }

    public static StateView State(TcpModel model, TcpState s) => new(
        Tcb(s.Client), Tcb(s.Server),
        s.InFlight.Select((seg, i) => new SegmentView(i, Who(seg.From), Who(seg.To), seg.ToString(), seg.Age, seg.Straggler, seg.Incarnation)).ToList(),
        model.Config.Msl,
        [
            new BudgetView("losses", s.Used.Losses, model.Config.LossBudget),
            new BudgetView("duplications", s.Used.Duplications, model.Config.DuplicationBudget),
            new BudgetView("delays", s.Used.Delays, model.Config.DelayBudget),
            new BudgetView("crashes", s.Used.Crashes, model.Config.CrashBudget),
        ],
        model.FormatState(s));

    private static TcbView Tcb(Endpoint e) => new(
        e.State.RfcName(), e.Iss, e.Irs, e.SndUna, e.SndNxt, e.RcvNxt,
        e.TimerRemaining is { } left ? new TimerView(TimerKind(e.State), left) : null,
        e.Retransmits, e.Incarnation, e.Opens, e.Sent, e.CloseCalled, e.Delivered, e.EndOfStream,
        e.LastEnd == EndReason.None ? null : e.LastEnd.ToString());

    /// <summary>The meaning of an endpoint's one timer follows from its state (RFC 9293 §3.10.8).</summary>
    private static string TimerKind(ConnectionState state) => state switch
    {
        ConnectionState.TimeWait => "time-wait",
        ConnectionState.FinWait2 => "fin-wait-2",
        _ => "retransmission",
    };

    private static ActionView Action(TcpModel model, TcpState state, TcpAction a, int index) => new(
        index, model.FormatAction(state, a), a.Kind.ToString().ToLowerInvariant(),
        a.Kind == TcpActionKind.Tick ? "net" : a.Kind is TcpActionKind.Lose or TcpActionKind.Duplicate or TcpActionKind.Delay ? "net" : Who(a.Side),
        a.Segment >= 0 ? a.Segment : null);

    private static string Who(Side side) => side == Side.Client ? "A" : "B";
}
