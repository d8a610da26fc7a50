using TcpModelCheck.Engine.Model;
using TcpModelCheck.Engine.Simulation;
using TcpModelCheck.Engine.Traces;

namespace TcpModelCheck.Engine.Paths;

/// <summary>
/// Whether a trace shows what it claims, judged once for every front end (the CLI's replay, the test suites,
/// the benchmarks).
/// </summary>
/// <param name="Replay">The path as far as it matched the model, and the divergence if it did not.</param>
/// <param name="Property">The property the trace claims (<see cref="Trace.Property"/>), or null.</param>
/// <param name="Reproduced">The claim holds: a safety property violated at the trace's last step and not before, a
/// lasso the liveness property fails on, a witness reached. False for a trace that claims nothing.</param>
/// <param name="Violation">The violation the path shows: for safety (and for a trace that claims nothing, over every
/// safety property) the first one along the path, wherever it is; for liveness the property at the trace's length
/// when reproduced.</param>
/// <param name="LoopCloses">For a lasso (<see cref="Trace.LoopStart"/> set): whether its last state is the state at
/// its loop start.</param>
/// <param name="WitnessStep">For a witness: the first step after which its condition holds.</param>
/// <param name="Reason">One line: why it is or is not reproduced.</param>
public sealed record Reproduction<TState, TAction>(
    ReplayResult<TState, TAction> Replay,
    Property<TState, TAction>? Property,
    bool Reproduced,
    PathViolation? Violation,
    bool? LoopCloses,
    int? WitnessStep,
    string Reason)
{
    public Divergence? Divergence => Replay.Divergence;
}

/// <summary>
/// The one reproduce check (Coyote's "every bug trace re-runs to the same bug"): replays a trace through the
/// <see cref="PathRunner{TState, TAction}"/> and judges its claim.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Safety (invariant, action property, no-deadlock): the property is violated at the trace's last step and
/// not before.</item>
/// <item>Eventually / leads-to: a lasso — <see cref="Trace.LoopStart"/> in range and the cycle closes (the last state
/// is the state at the loop start), or, without a loop start, a last state with no enabled action — on which the
/// property fails with the liveness check's own trigger and goal (<see cref="Property{TState, TAction}.Triggers"/>):
/// no goal state on the cycle, and some trigger state (for eventually, the initial state) with no goal state after
/// it on the path. Under <see cref="Fairness.TimeProgress"/> the cycle must also take a progress action (a loop
/// in which time never advances is not an execution). What one path cannot show — that the goal is unreachable from the cycle altogether, the rest of
/// the explorer's claim under its fairness — needs a search and is not judged here.</item>
/// <item>Witness (sometimes): some state of the path satisfies it.</item>
/// </list>
/// </remarks>
public static class Reproducer
{
    /// <summary>Replays <paramref name="trace"/> on <paramref name="model"/> and judges its claim. Throws
    /// <see cref="ArgumentException"/> when the trace names a property the model does not have.</summary>
    public static Reproduction<TState, TAction> Reproduce<TState, TAction>(IModel<TState, TAction> model, Trace trace,
        bool checkLabels = true) where TState : IEquatable<TState>
    {
        var property = trace.Property is null ? null : model.Properties.FirstOrDefault(p => p.Name == trace.Property)
            ?? throw new ArgumentException($"the trace claims property '{trace.Property}', which model '{model.Name}' does not have; "
                + $"properties: {string.Join(", ", model.Properties.Select(p => p.Name))}");
        var checkedProperties = property is null ? null : property.IsSafety ? [property] : Array.Empty<Property<TState, TAction>>();
        var (replay, outcome) = Follow(model, trace, checkedProperties, stopAtViolation: false, checkLabels);
        if (replay.Divergence is { } d) return new(replay, property, false, null, null, null, d.ToString());
        var states = replay.Steps.Select(s => s.State).Prepend(replay.Initial!).ToList();
        var loopCloses = trace.LoopStart is { } k && k >= 0 && k < states.Count ? states[k].Equals(states[^1]) : (bool?)null;
        return property switch
        {
            null => new(replay, null, false, outcome.Violation, loopCloses, null, outcome.Violation is { } v
                ? $"the trace claims no property; {v.Property} is violated at step {v.Step}"
                : "the trace claims no property; no safety property is violated"),
            { IsSafety: true } => Safety(replay, property, outcome.Violation, trace.Length, loopCloses),
            { Kind: PropertyKind.Reachable } => Witness(replay, property, states, loopCloses),
            _ => Lasso(replay, property, states, trace.LoopStart, outcome.End == PathEnd.NoAction, loopCloses),
        };
    }

    /// <summary>Replays <paramref name="trace"/> checking <paramref name="properties"/> (null: every safety property):
    /// the path as far as it matched, and how the run went.</summary>
    internal static (ReplayResult<TState, TAction> Replay, PathOutcome Outcome) Follow<TState, TAction>(IModel<TState, TAction> model,
        Trace trace, IReadOnlyList<Property<TState, TAction>>? properties, bool stopAtViolation, bool checkLabels)
        where TState : IEquatable<TState>
    {
        if (Replayer.HeaderDivergence(model, trace, checkLabels) is { } header)
            return (new(default, [], header), new(0, PathEnd.Diverged, null, header));
        var runner = new PathRunner<TState, TAction>(model, properties);
        var outcome = runner.Run(new ScriptChooser<TState, TAction>(model, trace, checkLabels), stopAtViolation: stopAtViolation);
        return (new(runner.Initial < 0 ? default : runner.States[0], runner.Steps(), outcome.Divergence), outcome);
    }

    private static Reproduction<TState, TAction> Safety<TState, TAction>(ReplayResult<TState, TAction> replay,
        Property<TState, TAction> p, PathViolation? v, int length, bool? loopCloses)
    {
        var reason = v is null ? $"replaying all {length} steps does not violate {p.Name}"
            : v.Step == length ? $"{p.Name} is violated at step {v.Step}, the trace's last"
            : $"{p.Name} is violated at step {v.Step}, before the trace's last step {length}";
        return new(replay, p, v is not null && v.Step == length, v, loopCloses, null, reason);
    }

    private static Reproduction<TState, TAction> Witness<TState, TAction>(ReplayResult<TState, TAction> replay,
        Property<TState, TAction> p, List<TState> states, bool? loopCloses)
    {
        var at = states.FindIndex(s => p.Condition!(s));
        return new(replay, p, at >= 0, null, loopCloses, at < 0 ? null : at,
            at < 0 ? $"{p.Name} is not reached in {states.Count - 1} steps" : $"{p.Name} is reached after step {at}");
    }

    private static Reproduction<TState, TAction> Lasso<TState, TAction>(ReplayResult<TState, TAction> replay,
        Property<TState, TAction> p, List<TState> states, int? loopStart, bool deadEnd, bool? loopCloses)
    {
        var n = states.Count - 1;
        Reproduction<TState, TAction> Not(string why) => new(replay, p, false, null, loopCloses, null, why);
        int cycleFrom;
        if (loopStart is { } k)
        {
            if (k < 0 || k >= n) return Not($"the loop start {k} is not a state before the last ({n} steps)");
            if (loopCloses != true) return Not($"the loop does not close: the state after step {n} differs from the state after step {k}");
            cycleFrom = k;
        }
        else
        {
            if (!deadEnd) return Not("the trace has no loop and its last state still has an enabled action");
            cycleFrom = n;
        }
        if (loopStart is { } from && p.Fairness == Fairness.TimeProgress
            && !Enumerable.Range(from, n - from).Any(i => p.Progress!(states[i], replay.Steps[i].Action)))
            return Not($"the cycle (steps {from + 1}-{n}) takes no time-progress action: under time progress a loop in "
                + "which time never advances is not an execution");
        var goal = p.Goal!;
        Reproduction<TState, TAction> Holds(string why) => Not($"replaying all {n} steps does not violate {p.Name}: {why}");
        for (var i = cycleFrom; i <= n; i++)
            if (goal(states[i])) return Holds(loopStart is null ? $"its goal holds in the last state, where the path ends"
                : $"its goal holds on the cycle, after step {i}");
        // Walking back from the end: the first trigger met before any goal state is one no goal state follows.
        for (var i = n; i >= 0; i--)
        {
            if (goal(states[i])) break;
            if (p.Triggers(states[i], initial: i == 0))
                return new(replay, p, true, new PathViolation(p.Name, n), loopCloses, null,
                    $"after step {i} ({(p.Kind == PropertyKind.Eventually ? "the start" : "a trigger")}) no state of the "
                    + (loopStart is null ? "path, which ends where no action is enabled," : "path or its cycle") + $" satisfies the goal of {p.Name}");
        }
        return Holds(p.Kind == PropertyKind.Eventually ? "its goal holds on the path" : "every trigger on the path is followed by a goal state");
    }
}
