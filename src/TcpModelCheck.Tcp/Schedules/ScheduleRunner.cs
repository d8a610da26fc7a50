using TcpModelCheck.Engine.Model;
using TcpModelCheck.Engine.Traces;

namespace TcpModelCheck.Tcp.Schedules;

/// <summary>
/// Runs fault schedules on the TCP model: the entry point of <c>tcpmc simulate</c> and of the schedule
/// property suite. A run's result is an ordinary engine <see cref="Trace"/>: replayable with
/// <see cref="Replayer"/>, checkable with <c>Simulator.FirstViolation</c>, printable as a chart.
/// </summary>
public static class ScheduleRunner
{
    /// <summary>Runs <paramref name="schedule"/> on the model of <paramref name="config"/>, checking the named
    /// safety properties (null: all of them). Throws <see cref="ArgumentException"/> for an invalid
    /// configuration or an unknown or non-safety property name.</summary>
    public static ScheduleResult Run(TcpConfig config, Schedule schedule, IReadOnlyList<string>? properties = null) =>
        Run(new TcpModel(config), schedule, properties);

    public static ScheduleResult Run(TcpModel model, Schedule schedule, IReadOnlyList<string>? properties = null) =>
        Interpreter(model, properties).Run(schedule);

    /// <summary>An interpreter for <paramref name="model"/> (reuse it for many runs on one thread).</summary>
    public static ScheduleInterpreter<TcpState, TcpAction> Interpreter(TcpModel model, IReadOnlyList<string>? properties = null) =>
        new(model, Classify, Select(model, properties));

    /// <summary>The schedule that reproduces <paramref name="trace"/> (e.g. an explorer counterexample) on
    /// <paramref name="model"/>; throws <see cref="InvalidOperationException"/> if the trace does not replay.</summary>
    public static Schedule FromTrace(TcpModel model, Trace trace) => Interpreter(model, []).FromTrace(trace);

    /// <summary>The intent kind of a TCP action: OPEN/SEND/CLOSE/ABORT are application calls; every other kind
    /// maps one to one.</summary>
    public static IntentKind Classify(TcpAction action) => action.Kind switch
    {
        TcpActionKind.Deliver => IntentKind.Deliver,
        TcpActionKind.Lose => IntentKind.Lose,
        TcpActionKind.Duplicate => IntentKind.Duplicate,
        TcpActionKind.Tick => IntentKind.Tick,
        TcpActionKind.Timeout => IntentKind.Timeout,
        TcpActionKind.Crash => IntentKind.Crash,
        TcpActionKind.Delay => IntentKind.Delay,
        TcpActionKind.Open or TcpActionKind.Send or TcpActionKind.Close or TcpActionKind.Abort => IntentKind.App,
        _ => throw new ArgumentOutOfRangeException(nameof(action), $"unknown action kind {action.Kind}"),
    };

    /// <summary>The safety properties named (null: every safety property of the model), in the model's order.</summary>
    public static IReadOnlyList<Property<TcpState, TcpAction>> Select(TcpModel model, IReadOnlyList<string>? names)
    {
        if (names is null) return model.Properties.Where(p => p.IsSafety).ToList();
        var selected = new List<Property<TcpState, TcpAction>>();
        foreach (var name in names)
        {
            var p = model.Properties.FirstOrDefault(p => p.Name == name) ?? throw new ArgumentException(
                $"unknown property '{name}'; safety properties: {string.Join(", ", model.Properties.Where(q => q.IsSafety).Select(q => q.Name))}");
            if (!p.IsSafety)
                throw new ArgumentException($"property '{name}' is not a safety property ({p.Kind}): a finite run cannot refute it; use the explorer (tcpmc check)");
            selected.Add(p);
        }
        return selected;
    }
}
