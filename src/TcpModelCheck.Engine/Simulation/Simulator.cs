using TcpModelCheck.Engine.Model;
using TcpModelCheck.Engine.Paths;
using TcpModelCheck.Engine.Traces;

namespace TcpModelCheck.Engine.Simulation;

/// <summary>The first safety violation found along one path.</summary>
public sealed record PathViolation(string Property, int Step);

/// <summary>
/// Seeded random walks and the first safety violation along a trace: thin front ends of the one path loop
/// (<see cref="PathRunner{TState, TAction}"/>), so both check what the explorer checks and produce the same
/// <see cref="Trace"/> format as its counterexamples.
/// </summary>
public static class Simulator
{
    /// <summary>
    /// A random walk of at most <paramref name="maxSteps"/> steps from <paramref name="seed"/>
    /// (<see cref="RandomChooser{TState, TAction}"/>). Stops at the first safety violation (the returned trace ends
    /// at it), at a state with no enabled action, or at the step bound.
    /// </summary>
    public static (Trace Trace, PathViolation? Violation) RandomWalk<TState, TAction>(
        IModel<TState, TAction> model, ulong seed, int maxSteps,
        IReadOnlyList<Property<TState, TAction>>? properties = null) where TState : IEquatable<TState>
    {
        var runner = new PathRunner<TState, TAction>(model, properties);
        var outcome = runner.Run(new RandomChooser<TState, TAction>(seed), maxSteps);
        return (runner.ToTrace("random-walk", outcome.Violation?.Property, seed: seed), outcome.Violation);
    }

    /// <summary>Checks the safety properties along an existing trace; returns the first violation. Throws
    /// <see cref="InvalidOperationException"/> when the trace does not replay.</summary>
    public static PathViolation? FirstViolation<TState, TAction>(IModel<TState, TAction> model, Trace trace,
        IReadOnlyList<Property<TState, TAction>>? properties = null) where TState : IEquatable<TState>
    {
        var replay = Reproducer.Follow(model, trace, properties, stopAtViolation: false, checkLabels: true);
        if (replay.Outcome.Divergence is { } d) throw new InvalidOperationException($"trace does not replay: {d}");
        return replay.Outcome.Violation;
    }
}
