using System.Collections.Immutable;
using TcpModelCheck.Engine.Model;
using TcpModelCheck.Engine.Simulation;

namespace TcpModelCheck.Engine.Schedules;

/// <summary>How a batch of random schedules chooses each run (<c>tcpmc simulate --strategy</c>).</summary>
public enum ScheduleStrategy : byte
{
    /// <summary>Every intent drawn from the shape's kind weights.</summary>
    Uniform,
    /// <summary>Swarm testing (Groce et al., ISSTA 2012): each run keeps a random subset of the kinds (each with
    /// probability one half) and draws from those only, so some runs have no losses, others nothing but faults.</summary>
    Swarm,
    /// <summary>Coverage-guided, as fuzzers do: keep every schedule that reached a new (state kind, action kind)
    /// pair, and draw half the runs as mutations of a kept one.</summary>
    Coverage,
    /// <summary>Random holds (<see cref="HoldChooser{TState, TAction, TKind}"/>): actions of the model's held kinds
    /// (deliveries) held back for a random number of steps, so old segments can outlive a connection.</summary>
    Hold,
    /// <summary>Random holds with fixed random priorities per action (PCT-style, <see cref="HoldChooser{TState, TAction, TKind}"/>
    /// with priorities): a recurring action wins or loses every time in a run, so later incarnations repeat earlier
    /// choices.</summary>
    Priority,
}

/// <summary>The one table of strategy names.</summary>
public static class ScheduleStrategies
{
    /// <summary>What <c>tcpmc simulate</c> uses without <c>--strategy</c>: priority, the strategy that needs the fewest
    /// schedules to the first no-stale-data on no-time-wait/reconnect (README-schedules, "Strategies").</summary>
    public const ScheduleStrategy Default = ScheduleStrategy.Priority;

    public static NameTable<ScheduleStrategy> Names { get; } = new("a schedule strategy",
        (ScheduleStrategy.Uniform, "uniform"), (ScheduleStrategy.Swarm, "swarm"), (ScheduleStrategy.Coverage, "coverage"),
        (ScheduleStrategy.Hold, "hold"), (ScheduleStrategy.Priority, "priority"));
}

/// <summary>Makes the runs of one batch: run <c>index</c> from its run seed, executed on the interpreter (whose
/// runner then holds the path), returned as the schedule that replays it.</summary>
internal interface IRunSource<TKind> where TKind : struct, Enum
{
    (Schedule<TKind> Schedule, ScheduleOutcome Outcome) Next(int index, ulong runSeed);
}

/// <summary>Uniform and swarm: a fresh schedule per run, from the shape or from per-run weights.</summary>
internal sealed class DrawnRuns<TState, TAction, TKind>(ScheduleInterpreter<TState, TAction, TKind> interpreter, ScheduleShape shape, bool swarm)
    : IRunSource<TKind> where TState : IEquatable<TState> where TKind : struct, Enum
{
    public (Schedule<TKind>, ScheduleOutcome) Next(int index, ulong runSeed)
    {
        var rng = new SplitMix64(runSeed);
        var schedule = swarm ? shape.Draw(interpreter.Kinds, ref rng, SwarmWeights(ref rng)) : shape.Draw(interpreter.Kinds, ref rng);
        return (schedule, interpreter.Execute(schedule));
    }

    /// <summary>Each kind of positive weight kept with probability one half; if no ordinary kind is kept, all of them are.</summary>
    private ImmutableArray<int> SwarmWeights(ref SplitMix64 rng)
    {
        var kinds = interpreter.Kinds;
        var w = new int[shape.Weights.Length];
        var ordinary = false;
        for (var k = 0; k < w.Length; k++)
        {
            if (shape.Weights[k] == 0 || rng.NextInt(2) == 0) continue;
            w[k] = shape.Weights[k];
            ordinary |= !kinds.IsFault(kinds.All[k]);
        }
        if (!ordinary)
            for (var k = 0; k < w.Length; k++) if (!kinds.IsFault(kinds.All[k])) w[k] = shape.Weights[k];
        return [.. w];
    }
}

/// <summary>Random holds (and, with <paramref name="priorities"/>, fixed random priorities): each run is a
/// <see cref="HoldChooser{TState, TAction, TKind}"/> path of at most the shape's length, recorded as the schedule of the
/// intents it took.</summary>
internal sealed class HeldRuns<TState, TAction, TKind>(ScheduleInterpreter<TState, TAction, TKind> interpreter, ScheduleShape shape, bool priorities)
    : IRunSource<TKind> where TState : IEquatable<TState> where TKind : struct, Enum
{
    private readonly HoldChooser<TState, TAction, TKind> _chooser = new(interpreter.Model, interpreter.Kinds, interpreter.Classify, shape, priorities);

    public (Schedule<TKind>, ScheduleOutcome) Next(int index, ulong runSeed)
    {
        var outcome = interpreter.Execute(_chooser.Reset(runSeed));
        return (new Schedule<TKind>(interpreter.Kinds, _chooser.Taken), outcome);
    }
}
