using System.Collections.Immutable;
using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Engine.Model;
using TcpModelCheck.Engine.Simulation;
using TcpModelCheck.Engine.Traces;

namespace TcpModelCheck.Engine.Paths;

/// <summary>Why a path ended.</summary>
public enum PathEnd : byte
{
    /// <summary>No action was enabled in the last state (a terminal state, or a deadlock the path reports).</summary>
    NoAction,
    /// <summary>The path reached its step bound.</summary>
    MaxLength,
    /// <summary>The chooser ended it (a script or schedule used up).</summary>
    Stopped,
    /// <summary>A safety property was violated (the path stops at its first violation unless told otherwise).</summary>
    Violation,
    /// <summary>The chooser could not follow the model (see <see cref="PathOutcome.Divergence"/>).</summary>
    Diverged,
}

/// <summary>How one path went: steps taken, why it ended, the first safety violation and the divergence if any.</summary>
public readonly record struct PathOutcome(int Steps, PathEnd End, PathViolation? Violation, Divergence? Divergence);

/// <summary>
/// The one loop that runs a single path of a model (Coyote's split: the runner owns the loop and the checks,
/// an <see cref="IChooser{TState, TAction}"/> only picks actions). Random walks, trace replay, fault schedules
/// and <see cref="Reproducer"/> all run through it, so they check the same properties in the same order.
/// </summary>
/// <remarks>
/// On every path: the invariants on each state (the initial one included), the action properties on each edge,
/// and no-deadlock when a state with no enabled action is not terminal — also at the end of a path cut short by
/// its bound or its chooser, so a walk whose last step enters a deadlock reports it as its replay does. Not
/// thread-safe (it reuses its buffers): one instance per thread; <see cref="Choices"/>, <see cref="States"/> and
/// <see cref="Actions"/> describe the most recent run until the next.
/// </remarks>
public sealed class PathRunner<TState, TAction> where TState : IEquatable<TState>
{
    private readonly Property<TState, TAction>[] _invariants;
    private readonly Property<TState, TAction>[] _edges;
    private readonly Property<TState, TAction>? _deadlock;
    private readonly List<TAction> _enabled = [];
    private readonly List<int> _choices = [];
    private readonly List<TState> _states = [];
    private readonly List<TAction> _actions = [];

    /// <param name="model">The model to run.</param>
    /// <param name="properties">The safety properties to check (liveness and witnesses are ignored); null means
    /// every safety property of the model.</param>
    public PathRunner(IModel<TState, TAction> model, IReadOnlyList<Property<TState, TAction>>? properties = null)
    {
        Model = model;
        var safety = (properties ?? model.Properties).Where(p => p.IsSafety).ToList();
        _invariants = safety.Where(p => p.Kind == PropertyKind.Invariant).ToArray();
        _edges = safety.Where(p => p.Kind == PropertyKind.ActionProperty).ToArray();
        _deadlock = safety.FirstOrDefault(p => p.Kind == PropertyKind.NoDeadlock);
        Properties = safety;
    }

    public IModel<TState, TAction> Model { get; }

    /// <summary>The safety properties checked along every path.</summary>
    public IReadOnlyList<Property<TState, TAction>> Properties { get; }

    /// <summary>The initial-state index of the most recent run (-1 when it diverged before starting).</summary>
    public int Initial { get; private set; } = -1;

    /// <summary>The choice (index into the enabled actions) of each step of the most recent run.</summary>
    public IReadOnlyList<int> Choices => _choices;

    /// <summary>The states of the most recent run: the initial state, then the state after each step.</summary>
    public IReadOnlyList<TState> States => _states;

    /// <summary>The action of each step of the most recent run.</summary>
    public IReadOnlyList<TAction> Actions => _actions;

    /// <summary>
    /// Runs one path fed by <paramref name="chooser"/> for at most <paramref name="maxSteps"/> steps. With
    /// <paramref name="stopAtViolation"/> (the default) the path ends at the first safety violation; without, it
    /// records the first one and goes on (replay needs the whole path).
    /// </summary>
    public PathOutcome Run(IChooser<TState, TAction> chooser, int maxSteps = int.MaxValue, bool stopAtViolation = true)
    {
        _choices.Clear();
        _states.Clear();
        _actions.Clear();
        var initials = Model.InitialStates;
        var initial = chooser.ChooseInitial(initials.Count);
        if ((uint)initial >= (uint)initials.Count)
        {
            Initial = -1;
            return new(0, PathEnd.Diverged, null, chooser.Divergence
                ?? new Divergence(0, $"initial state #{initial}", $"only {initials.Count} initial state(s)"));
        }
        Initial = initial;
        var state = initials[initial];
        _states.Add(state);
        var violation = CheckState(state, 0);
        if (violation is not null && stopAtViolation) return new(0, PathEnd.Violation, violation, null);
        while (true)
        {
            var step = _choices.Count;
            _enabled.Clear();
            Model.Actions(state, _enabled);
            if (step == maxSteps && _enabled.Count > 0) return new(step, PathEnd.MaxLength, violation, null);
            var choice = step == maxSteps ? Chooser.Stop : chooser.Choose(state, _enabled, step + 1);
            if (choice == Chooser.Stop)
            {
                if (_enabled.Count > 0) return new(step, PathEnd.Stopped, violation, null);
                violation ??= CheckDeadlock(state, step);
                return new(step, violation is not null && stopAtViolation ? PathEnd.Violation : PathEnd.NoAction, violation, null);
            }
            if ((uint)choice >= (uint)_enabled.Count)
                return new(step, PathEnd.Diverged, violation, chooser.Divergence
                    ?? new Divergence(step + 1, $"choice {choice}", _enabled.Count == 0 ? "no enabled action" : $"only {_enabled.Count} enabled action(s)"));
            var action = _enabled[choice];
            var next = Model.Next(state, action);
            _choices.Add(choice);
            _actions.Add(action);
            _states.Add(next);
            violation ??= CheckEdge(state, action, next, step + 1) ?? CheckState(next, step + 1);
            if (violation is not null && stopAtViolation) return new(step + 1, PathEnd.Violation, violation, null);
            state = next;
        }
    }

    /// <summary>The most recent run as an engine trace (the same JSON format as the explorer's counterexamples).</summary>
    public Trace ToTrace(string? origin, string? property = null, int? loopStart = null, ulong? seed = null)
    {
        var steps = ImmutableArray.CreateBuilder<TraceStep>(_choices.Count);
        for (var i = 0; i < _choices.Count; i++)
            steps.Add(new TraceStep(_choices[i], Model.FormatAction(_states[i], _actions[i])));
        return new Trace
        {
            Model = Model.Name,
            Settings = Model.Settings.ToImmutableSortedDictionary(),
            Initial = Math.Max(Initial, 0),
            Steps = steps.MoveToImmutable(),
            Origin = origin,
            Property = property,
            LoopStart = loopStart,
            Seed = seed,
        };
    }

    /// <summary>The steps of the most recent run as values (choice, action, state reached).</summary>
    public IReadOnlyList<Step<TState, TAction>> Steps()
    {
        var steps = new Step<TState, TAction>[_choices.Count];
        for (var i = 0; i < steps.Length; i++) steps[i] = new(_choices[i], _actions[i], _states[i + 1]);
        return steps;
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

    private PathViolation? CheckDeadlock(TState state, int step) =>
        _deadlock is not null && !Model.IsTerminal(state) ? new PathViolation(_deadlock.Name, step) : null;
}
