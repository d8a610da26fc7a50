using TcpModelCheck.Engine.Model;
using TcpModelCheck.Engine.Traces;

namespace TcpModelCheck.Engine.Checking;

/// <summary>The verdict on one property.</summary>
public enum Verdict
{
    Holds,
    Violated,
    /// <summary>The search was cut short (a limit or cancellation) before the property was settled.</summary>
    Inconclusive,
}

/// <summary>One step of a counterexample: the action taken and the state it led to.</summary>
public readonly record struct Step<TState, TAction>(int Choice, TAction Action, TState State);

/// <summary>
/// A path from an initial state. For safety properties the last state (or last edge) violates the property.
/// For liveness properties it is a lasso: <see cref="LoopStart"/> is the index in <see cref="States"/> where
/// the cycle the run is trapped in begins (the cycle returns to that state), or null when it ends in a
/// deadlock.
/// </summary>
public sealed record Counterexample<TState, TAction>(
    Trace Trace,
    TState Initial,
    IReadOnlyList<Step<TState, TAction>> Steps,
    int? LoopStart)
{
    /// <summary>Number of actions in the path (the cycle included).</summary>
    public int Length => Steps.Count;

    /// <summary>The initial state followed by every state reached.</summary>
    public IEnumerable<TState> States => Steps.Select(s => s.State).Prepend(Initial);

    public TState Final => Steps.Count == 0 ? Initial : Steps[^1].State;
}

/// <summary>The verdict on a property, with its counterexample when violated, the path to a witness state for a
/// reachability property that holds, or the reason when inconclusive.</summary>
public sealed record PropertyResult<TState, TAction>(
    Property<TState, TAction> Property,
    Verdict Verdict,
    Counterexample<TState, TAction>? Counterexample = null,
    string? Reason = null,
    Counterexample<TState, TAction>? Witness = null)
{
    public string Name => Property.Name;
}

/// <summary>Numbers describing a search.</summary>
public sealed record SearchStatistics(
    long DistinctStates,
    long Transitions,
    int MaxDepth,
    TimeSpan Elapsed,
    long PeakMemoryBytes,
    long StoreBytes,
    StorageMode Storage,
    StopReason StopReason,
    double? MissProbability = null)
{
    /// <summary>Bytes of the predecessor log (parent id and choice per state, 8 bytes each), kept apart
    /// from the visited store <see cref="StoreBytes"/>: it is what counterexamples are rebuilt from.</summary>
    public long PredecessorBytes { get; init; }

    /// <summary>Bytes of the predecessor log written to the spill file (<see cref="CheckOptions.SpillDirectory"/>).</summary>
    public long PredecessorDiskBytes { get; init; }

    /// <summary>The most memory the breadth-first queue held at once (its chunks or pages; for a queue of
    /// states that are objects, the references only — the objects are part of <see cref="PeakManagedBytes"/>).</summary>
    public long FrontierBytes { get; init; }

    /// <summary>The most bytes the breadth-first queue had on disk at once.</summary>
    public long FrontierDiskBytes { get; init; }

    /// <summary>How the queue held its states: "states", "encoded", "encoded, on disk" (depth-first: "stack").</summary>
    public string FrontierKind { get; init; } = "states";

    /// <summary>Bytes of the edges rebuilt for the liveness check (targets in compressed sparse-row form and each state's
    /// first-edge index); 0 when no liveness property was checked.</summary>
    public long EdgeBytes { get; init; }

    /// <summary>The largest managed (garbage-collected) heap sampled, live objects and garbage not yet collected.</summary>
    public long PeakManagedBytes { get; init; }

    /// <summary>For a partitioned search (<see cref="CheckOptions.Partition"/>): which partition reported these merged
    /// figures, of how many, and how many states it owned. Null for a search in one process.</summary>
    public PartitionSummary? Partition { get; init; }

    public double StatesPerSecond => Elapsed.TotalSeconds > 0 ? DistinctStates / Elapsed.TotalSeconds : 0;
    public double StoreBytesPerState => DistinctStates > 0 ? (double)StoreBytes / DistinctStates : 0;
    public bool Complete => StopReason == StopReason.None;

    /// <summary>True when a limit or cancellation cut the search short (verdicts may be inconclusive).</summary>
    public bool CutShort => StopReason is not (StopReason.None or StopReason.AllPropertiesSettled);
}

/// <summary>One process's share of a partitioned search whose merged figures a <see cref="SearchStatistics"/> reports.</summary>
/// <param name="Exchanged">Successors handed from one partition to another, over all partitions (each one a record in
/// a spool file): the cost of partitioning.</param>
public sealed record PartitionSummary(int Index, int Count, long OwnStates, long Exchanged);

/// <summary>The result of checking a model: one verdict per selected property and the search statistics.</summary>
public sealed record CheckResult<TState, TAction>(
    IReadOnlyList<PropertyResult<TState, TAction>> Properties,
    SearchStatistics Statistics)
{
    public PropertyResult<TState, TAction> this[string name] =>
        Properties.FirstOrDefault(p => p.Name == name)
        ?? throw new KeyNotFoundException($"no property named '{name}' was checked");

    public bool AllHold => Properties.All(p => p.Verdict == Verdict.Holds);
    public bool AnyViolated => Properties.Any(p => p.Verdict == Verdict.Violated);
}
