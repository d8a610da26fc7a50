using TcpModelCheck.Engine.Model;
using TcpModelCheck.Engine.Simulation;
using TcpModelCheck.Engine.Traces;

namespace TcpModelCheck.Tcp.Schedules;

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

/// <summary>
/// Turns a <see cref="Schedule"/> into a run of a model, checking the safety properties on every state and
/// edge exactly as <see cref="Simulator.FirstViolation"/> does, so the trace it produces replays to the same
/// violation with the engine's tools.
/// </summary>
/// <remarks>
/// How an intent picks an action, in a state whose enabled actions are listed in the model's order:
/// <list type="number">
/// <item>If some enabled actions are of the intent's kind, take the <c>K mod n</c>-th of those n.</item>
/// <item>Otherwise (fallback) take the <c>K mod m</c>-th of the m enabled non-fault actions (deliver, tick,
/// application call, timeout): the run keeps moving, and a fault whose budget is spent degrades to an ordinary
/// step instead of being an invalid choice.</item>
/// <item>If no non-fault action is enabled either, the intent is skipped (no step).</item>
/// <item>If no action at all is enabled, the run ends; the remaining intents are unused.</item>
/// </list>
/// Every schedule is therefore valid: each step taken is an enabled action. The run always starts in the
/// model's first initial state. Not thread-safe (it reuses its buffers); use one instance per thread.
/// </remarks>
public sealed class ScheduleInterpreter<TState, TAction> where TState : IEquatable<TState>
{
    private readonly Func<TAction, IntentKind> _classify;
    private readonly Property<TState, TAction>[] _invariants;
    private readonly Property<TState, TAction>[] _edges;
    private readonly Property<TState, TAction>? _deadlock;
    private readonly List<TAction> _actions = [];
    private readonly List<int> _choices = [];
    private readonly List<Intent> _taken = [];
    private IntentKind[] _kinds = new IntentKind[16];

    /// <param name="model">The model to run.</param>
    /// <param name="classify">The intent kind each action belongs to.</param>
    /// <param name="properties">The safety properties to check (liveness ones are ignored); null means every
    /// safety property of the model.</param>
    public ScheduleInterpreter(IModel<TState, TAction> model, Func<TAction, IntentKind> classify,
        IReadOnlyList<Property<TState, TAction>>? properties = null)
    {
        Model = model;
        _classify = classify;
        var safety = (properties ?? model.Properties).Where(p => p.IsSafety).ToList();
        _invariants = safety.Where(p => p.Kind == PropertyKind.Invariant).ToArray();
        _edges = safety.Where(p => p.Kind == PropertyKind.ActionProperty).ToArray();
        _deadlock = safety.FirstOrDefault(p => p.Kind == PropertyKind.NoDeadlock);
        Properties = safety;
    }

    public IModel<TState, TAction> Model { get; }

    /// <summary>The safety properties checked along every run.</summary>
    public IReadOnlyList<Property<TState, TAction>> Properties { get; }

    /// <summary>The choice indices of the most recent <see cref="Execute"/> (valid until the next call).</summary>
    public IReadOnlyList<int> LastChoices => _choices;

    /// <summary>For each step of the most recent <see cref="Execute"/>, the intent that names the action taken
    /// directly: its own kind, and its rank among the enabled actions of that kind (valid until the next call).</summary>
    public IReadOnlyList<Intent> LastTaken => _taken;

    /// <summary>Runs <paramref name="schedule"/> and returns how it ended, without building a trace.</summary>
    public ScheduleOutcome Execute(Schedule schedule)
    {
        _choices.Clear();
        _taken.Clear();
        var state = Model.InitialStates[0];
        var violation = CheckState(state, 0);
        if (violation is not null) return new(0, 0, violation, RunEnd.Violation);
        var used = 0;
        foreach (var intent in schedule.Intents)
        {
            _actions.Clear();
            Model.Actions(state, _actions);
            if (_actions.Count == 0) return Ended(state, used);
            used++;
            var choice = Choose(intent);
            if (choice < 0) continue;
            var action = _actions[choice];
            var next = Model.Next(state, action);
            _choices.Add(choice);
            _taken.Add(new Intent(_kinds[choice], Rank(choice)));
            violation = CheckEdge(state, action, next, _choices.Count) ?? CheckState(next, _choices.Count);
            if (violation is not null) return new(_choices.Count, used, violation, RunEnd.Violation);
            state = next;
        }
        _actions.Clear();
        Model.Actions(state, _actions);
        return _actions.Count == 0 ? Ended(state, used) : new(_choices.Count, used, null, RunEnd.ScheduleExhausted);
    }

    /// <summary>Runs <paramref name="schedule"/> and records the run as an engine trace (same JSON format as the
    /// explorer's counterexamples; the trace ends at the first violation).</summary>
    public ScheduleResult Run(Schedule schedule, string origin = "schedule")
    {
        var outcome = Execute(schedule);
        var trace = Replayer.Record(Model, 0, _choices, origin, outcome.Violation?.Property);
        return new ScheduleResult(schedule, trace, outcome);
    }

    /// <summary>
    /// The canonical form of <paramref name="schedule"/>: the schedule that makes the same run with one intent
    /// per step taken, each naming its action directly (no fallback, no skipped or unused intent, the smallest
    /// selector). It is never larger in the shrinking order (see <see cref="ScheduleShrinker"/>): a fallback
    /// always lands on a non-fault action, and an action's rank among its kind is at most its selector.
    /// </summary>
    public Schedule Canonical(Schedule schedule)
    {
        Execute(schedule);
        return new Schedule(_taken);
    }

    /// <summary>
    /// The schedule that makes exactly the choices of <paramref name="trace"/> (for each step, the intent of the
    /// action's kind whose selector is its rank among the enabled actions of that kind). Throws
    /// <see cref="InvalidOperationException"/> when the trace does not replay on this model or does not start in
    /// the first initial state.
    /// </summary>
    public Schedule FromTrace(Trace trace)
    {
        if (trace.Initial != 0)
            throw new InvalidOperationException($"a schedule starts in initial state 0; the trace starts in state {trace.Initial}");
        var replay = Replayer.Replay(Model, trace);
        if (replay.Divergence is { } d) throw new InvalidOperationException($"trace does not replay: {d}");
        var intents = new List<Intent>(replay.Steps.Count);
        var state = replay.Initial!;
        var actions = new List<TAction>();
        foreach (var step in replay.Steps)
        {
            actions.Clear();
            Model.Actions(state, actions);
            var kind = _classify(actions[step.Choice]);
            var rank = 0;
            for (var i = 0; i < step.Choice; i++) if (_classify(actions[i]) == kind) rank++;
            intents.Add(new Intent(kind, rank));
            state = step.State;
        }
        return new Schedule(intents);
    }

    /// <summary>The index into the current enabled actions that <paramref name="intent"/> picks, or -1 to skip it.</summary>
    private int Choose(Intent intent)
    {
        var n = _actions.Count;
        if (_kinds.Length < n) _kinds = new IntentKind[Math.Max(n, 2 * _kinds.Length)];
        int matching = 0, progress = 0;
        for (var i = 0; i < n; i++)
        {
            var kind = _kinds[i] = _classify(_actions[i]);
            if (kind == intent.Kind) matching++;
            if (!IsFault(kind)) progress++;
        }
        if (matching > 0) return Nth(intent.K % matching, intent.Kind, n);
        return progress > 0 ? Nth(intent.K % progress, null, n) : -1;
    }

    /// <summary>The index of the <paramref name="target"/>-th action of <paramref name="kind"/> (null: of any
    /// non-fault kind) among the first <paramref name="n"/> classified actions.</summary>
    private int Nth(int target, IntentKind? kind, int n)
    {
        for (var i = 0; i < n; i++)
            if ((kind is { } k ? _kinds[i] == k : !IsFault(_kinds[i])) && target-- == 0) return i;
        throw new InvalidOperationException("unreachable: the target was counted among the actions");
    }

    /// <summary>How many enabled actions before <paramref name="choice"/> are of its kind.</summary>
    private int Rank(int choice)
    {
        var rank = 0;
        for (var i = 0; i < choice; i++) if (_kinds[i] == _kinds[choice]) rank++;
        return rank;
    }

    private static bool IsFault(IntentKind k) => Intent.IsFaultKind(k);

    private ScheduleOutcome Ended(TState state, int used)
    {
        var deadlock = _deadlock is not null && !Model.IsTerminal(state) ? new PathViolation(_deadlock.Name, _choices.Count) : null;
        return new(_choices.Count, used, deadlock, deadlock is null ? RunEnd.NoAction : RunEnd.Violation);
    }

    private PathViolation? CheckState(TState state, int step)
    {
        foreach (var p in _invariants)
            if (!p.Condition!(state)) return new(p.Name, step);
        return null;
    }

    private PathViolation? CheckEdge(TState from, TAction action, TState to, int step)
    {
        foreach (var p in _edges)
            if (!p.Edge!(from, action, to)) return new(p.Name, step);
        return null;
    }
}

/// <summary>A schedule's run recorded as a trace.</summary>
/// <param name="Schedule">The schedule that was run.</param>
/// <param name="Trace">The run in the engine's trace format (origin "schedule"), ending at the first violation.</param>
/// <param name="Outcome">Steps taken, intents used, the violation and why the run stopped.</param>
public sealed record ScheduleResult(Schedule Schedule, Trace Trace, ScheduleOutcome Outcome)
{
    public PathViolation? Violation => Outcome.Violation;
}
