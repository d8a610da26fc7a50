using TcpModelCheck.Engine.Model;
using TcpModelCheck.Engine.Paths;
using TcpModelCheck.Engine.Simulation;
using TcpModelCheck.Engine.Traces;

namespace TcpModelCheck.Engine.Schedules;

/// <summary>Why a schedule's run stopped.</summary>
public enum RunEnd : byte
{
    /// <summary>Every intent was used.</summary>
    ScheduleExhausted,
    /// <summary>The model had no enabled action (a terminal state, or a deadlock if the model says it is not one).</summary>
    NoAction,
    /// <summary>A safety property was violated; the run stops at the first violation.</summary>
    Violation,
}

/// <summary>The result of running a schedule without building a trace (the fast path).</summary>
/// <param name="Steps">Actions taken (the trace length).</param>
/// <param name="IntentsUsed">Intents consumed, skipped ones included.</param>
/// <param name="Violation">The first safety violation, or null.</param>
/// <param name="End">Why the run stopped.</param>
public readonly record struct ScheduleOutcome(int Steps, int IntentsUsed, PathViolation? Violation, RunEnd End);

/// <summary>A schedule's run recorded as a trace.</summary>
/// <param name="Schedule">The schedule that was run.</param>
/// <param name="Trace">The run in the engine's trace format, ending at the first violation.</param>
/// <param name="Outcome">Steps taken, intents used, the violation and why the run stopped.</param>
public sealed record ScheduleResult<TKind>(Schedule<TKind> Schedule, Trace Trace, ScheduleOutcome Outcome) where TKind : struct, Enum
{
    public PathViolation? Violation => Outcome.Violation;
}

/// <summary>
/// Runs <see cref="Schedule{TKind}"/>s on a model: the path runner fed by a <see cref="ScheduleChooser{TState, TAction, TKind}"/>,
/// so a run checks exactly what every other path checks and its trace replays to the same violation. Runs start in
/// the model's first initial state. The model supplies only its action kinds (<paramref name="kinds"/>,
/// <paramref name="classify"/>). Not thread-safe (it reuses its buffers): one instance per thread.
/// </summary>
public sealed class ScheduleInterpreter<TState, TAction, TKind>(IModel<TState, TAction> model, ScheduleKinds<TKind> kinds,
    Func<TAction, TKind> classify, IReadOnlyList<Property<TState, TAction>>? properties = null)
    where TState : IEquatable<TState> where TKind : struct, Enum
{
    private readonly PathRunner<TState, TAction> _runner = new(model, properties);
    private readonly ScheduleChooser<TState, TAction, TKind> _chooser = new(kinds, classify);

    public IModel<TState, TAction> Model => model;

    public ScheduleKinds<TKind> Kinds => kinds;

    /// <summary>The kind of each action.</summary>
    public Func<TAction, TKind> Classify => classify;

    /// <summary>The safety properties checked along every run.</summary>
    public IReadOnlyList<Property<TState, TAction>> Properties => _runner.Properties;

    /// <summary>The runner of the most recent run (its choices, states and actions, valid until the next run).</summary>
    public PathRunner<TState, TAction> Runner => _runner;

    /// <summary>The choice indices of the most recent <see cref="Execute"/> (valid until the next call).</summary>
    public IReadOnlyList<int> LastChoices => _runner.Choices;

    /// <summary>For each step of the most recent <see cref="Execute"/>, the intent that names the action taken
    /// directly (valid until the next call).</summary>
    public IReadOnlyList<Intent<TKind>> LastTaken => _chooser.Taken;

    /// <summary>Runs <paramref name="schedule"/> and returns how it ended, without building a trace.</summary>
    public ScheduleOutcome Execute(Schedule<TKind> schedule) => Outcome(_runner.Run(_chooser.Reset(schedule)), _chooser.Used);

    /// <summary>Runs a path fed by another chooser (e.g. <see cref="HoldChooser{TState, TAction, TKind}"/>), checking
    /// the same properties; every step counts as one intent used.</summary>
    public ScheduleOutcome Execute(IChooser<TState, TAction> chooser)
    {
        var o = _runner.Run(chooser);
        return Outcome(o, o.Steps);
    }

    private static ScheduleOutcome Outcome(PathOutcome o, int used)
    {
        var end = o.End switch
        {
            PathEnd.Violation => RunEnd.Violation,
            PathEnd.NoAction => RunEnd.NoAction,
            _ => RunEnd.ScheduleExhausted,
        };
        return new(o.Steps, used, o.Violation, end);
    }

    /// <summary>Runs <paramref name="schedule"/> and records the run as an engine trace (same JSON format as the
    /// explorer's counterexamples; the trace ends at the first violation).</summary>
    public ScheduleResult<TKind> Run(Schedule<TKind> schedule, string origin = "schedule")
    {
        var outcome = Execute(schedule);
        return new(schedule, _runner.ToTrace(origin, outcome.Violation?.Property), outcome);
    }

    /// <summary>
    /// The canonical form of <paramref name="schedule"/>: the schedule that makes the same run with one intent per
    /// step taken, each naming its action directly (no fallback, no skipped or unused intent, the smallest
    /// selector). It is never larger in the shrinking order (see <see cref="ScheduleShrinker"/>): a fallback always
    /// lands on an ordinary action, and an action's rank among its kind is at most its selector.
    /// </summary>
    public Schedule<TKind> Canonical(Schedule<TKind> schedule)
    {
        Execute(schedule);
        return schedule.With(_chooser.Taken);
    }

    /// <summary>
    /// The schedule that makes exactly the choices of <paramref name="trace"/> (for each step, the intent of the
    /// action's kind whose selector is its rank among the enabled actions of that kind). Throws
    /// <see cref="InvalidOperationException"/> when the trace does not replay on this model or does not start in
    /// the first initial state.
    /// </summary>
    public Schedule<TKind> FromTrace(Trace trace)
    {
        if (trace.Initial != 0)
            throw new InvalidOperationException($"a schedule starts in initial state 0; the trace starts in state {trace.Initial}");
        var replay = Replayer.Replay(model, trace);
        if (replay.Divergence is { } d) throw new InvalidOperationException($"trace does not replay: {d}");
        var intents = new List<Intent<TKind>>(replay.Steps.Count);
        var state = replay.Initial!;
        var actions = new List<TAction>();
        foreach (var step in replay.Steps)
        {
            actions.Clear();
            model.Actions(state, actions);
            var kind = classify(actions[step.Choice]);
            var rank = 0;
            for (var i = 0; i < step.Choice; i++) if (EqualityComparer<TKind>.Default.Equals(classify(actions[i]), kind)) rank++;
            intents.Add(new Intent<TKind>(kind, rank));
            state = step.State;
        }
        return new Schedule<TKind>(kinds, intents);
    }
}
