using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Engine.Model;
using TcpModelCheck.Engine.Traces;

namespace TcpModelCheck.Engine.Simulation;

/// <summary>The first safety violation found along one path.</summary>
public sealed record PathViolation(string Property, int Step);

/// <summary>
/// Runs single paths through a model: seeded random walks and scripted choice sequences, checking the
/// safety properties (invariants, action properties, deadlock) on every state and edge of the path.
/// Both produce the same <see cref="Trace"/> format as the explorer's counterexamples.
/// </summary>
public static class Simulator
{
    /// <summary>
    /// A random walk of at most <paramref name="maxSteps"/> steps from <paramref name="seed"/>. Stops at the
    /// first safety violation (the returned trace ends at it), at a state with no enabled action, or at the
    /// step bound.
    /// </summary>
    public static (Trace Trace, PathViolation? Violation) RandomWalk<TState, TAction>(
        IModel<TState, TAction> model, ulong seed, int maxSteps,
        IReadOnlyList<Property<TState, TAction>>? properties = null) where TState : IEquatable<TState>
    {
        var rng = new SplitMix64(seed);
        var initial = rng.NextInt(model.InitialStates.Count);
        var choices = new List<int>();
        var state = model.InitialStates[initial];
        var props = SafetyOf(model, properties);
        var violation = CheckState(model, props, state, 0);
        var actions = new List<TAction>();
        while (violation is null && choices.Count < maxSteps)
        {
            actions.Clear();
            model.Actions(state, actions);
            if (actions.Count == 0)
            {
                violation = CheckDeadlock(model, props, state, choices.Count);
                break;
            }
            var c = rng.NextInt(actions.Count);
            var next = model.Next(state, actions[c]);
            choices.Add(c);
            violation = CheckEdge(props, state, actions[c], next, choices.Count) ?? CheckState(model, props, next, choices.Count);
            state = next;
        }
        if (violation is null && choices.Count == maxSteps) violation = DeadlockAtEnd(model, props, state, choices.Count);
        var trace = Replayer.Record(model, initial, choices, "random-walk", violation?.Property, seed: seed);
        return (trace, violation);
    }

    /// <summary>Checks the safety properties along an existing trace; returns the first violation.</summary>
    public static PathViolation? FirstViolation<TState, TAction>(IModel<TState, TAction> model, Trace trace,
        IReadOnlyList<Property<TState, TAction>>? properties = null) where TState : IEquatable<TState>
    {
        var replay = Replayer.Replay(model, trace);
        if (replay.Divergence is { } d) throw new InvalidOperationException($"trace does not replay: {d}");
        var props = SafetyOf(model, properties);
        var state = replay.Initial!;
        var v = CheckState(model, props, state, 0);
        for (var i = 0; v is null && i < replay.Steps.Count; i++)
        {
            var step = replay.Steps[i];
            v = CheckEdge(props, state, step.Action, step.State, i + 1) ?? CheckState(model, props, step.State, i + 1);
            state = step.State;
        }
        return v ?? DeadlockAtEnd(model, props, state, replay.Steps.Count);
    }

    private static List<Property<TState, TAction>> SafetyOf<TState, TAction>(IModel<TState, TAction> model,
        IReadOnlyList<Property<TState, TAction>>? properties) where TState : IEquatable<TState> =>
        (properties ?? model.Properties).Where(p => p.IsSafety).ToList();

    private static PathViolation? CheckState<TState, TAction>(IModel<TState, TAction> model,
        List<Property<TState, TAction>> props, TState state, int step) where TState : IEquatable<TState>
    {
        foreach (var p in props)
            if (p.Kind == PropertyKind.Invariant && !p.Condition!(state)) return new(p.Name, step);
        return null;
    }

    private static PathViolation? CheckEdge<TState, TAction>(List<Property<TState, TAction>> props,
        TState from, TAction action, TState to, int step)
    {
        foreach (var p in props)
            if (p.Kind == PropertyKind.ActionProperty && !p.Edge!(from, action, to)) return new(p.Name, step);
        return null;
    }

    /// <summary>The deadlock check for the last state of a path that stopped for another reason (the step bound,
    /// the end of a trace): a walk whose last allowed step enters a deadlock reports it, as its replay does.</summary>
    private static PathViolation? DeadlockAtEnd<TState, TAction>(IModel<TState, TAction> model,
        List<Property<TState, TAction>> props, TState state, int step) where TState : IEquatable<TState>
    {
        if (!props.Any(p => p.Kind == PropertyKind.NoDeadlock)) return null;
        var actions = new List<TAction>();
        model.Actions(state, actions);
        return actions.Count == 0 ? CheckDeadlock(model, props, state, step) : null;
    }

    private static PathViolation? CheckDeadlock<TState, TAction>(IModel<TState, TAction> model,
        List<Property<TState, TAction>> props, TState state, int step) where TState : IEquatable<TState>
    {
        if (model.IsTerminal(state)) return null;
        var p = props.FirstOrDefault(p => p.Kind == PropertyKind.NoDeadlock);
        return p is null ? null : new(p.Name, step);
    }
}
