namespace TcpModelCheck.Engine.Checking;

/// <summary>How the reachable states are enumerated. All strategies find the same states and verdicts.</summary>
public enum SearchStrategy
{
    /// <summary>Breadth-first: safety counterexamples are shortest.</summary>
    BreadthFirst,
    /// <summary>Depth-first: less memory for the frontier; counterexamples need not be shortest.</summary>
    DepthFirst,
    /// <summary>Level-synchronous breadth-first on several threads; counterexamples are still shortest. The model
    /// and the property predicates are called from several threads at once, which their purity (see
    /// <see cref="Model.IModel{TState,TAction}"/>) makes safe. In exact mode the result is identical to
    /// <see cref="BreadthFirst"/>; in fingerprint mode, which of two equally short counterexamples is reported
    /// may vary between runs.</summary>
    ParallelBreadthFirst,
}

/// <summary>How visited states are remembered.</summary>
public enum StorageMode
{
    /// <summary>Whole states: no state can be missed.</summary>
    Exact,
    /// <summary>
    /// 64-bit fingerprints of the canonical encoding (XxHash3, stable across runs and machines): 8 bytes per
    /// slot, but two distinct states may collide and one of them is then never explored. The report gives the
    /// estimated probability that this happened.
    /// </summary>
    Fingerprint,
}

/// <summary>Bounds on a search. Reaching any of them ends it with verdict <c>inconclusive</c> for every
/// property not already violated (a witness already found still holds).</summary>
/// <param name="MaxStates">At most this many distinct states are stored; finding one more stops the search.</param>
/// <param name="MaxDepth">States at this depth are checked but not expanded: the search covers every state
/// within the bound (breadth-first: all of them; depth-first: those its paths reach within the bound), then
/// stops with <see cref="StopReason.MaxDepth"/> if some state at the bound had a successor.</param>
/// <param name="MaxTime">Wall-clock time, checked between rounds of a few thousand states.</param>
/// <param name="MaxMemoryBytes">Working set of the process, sampled every few milliseconds.</param>
public sealed record SearchLimits(
    long? MaxStates = null,
    int? MaxDepth = null,
    TimeSpan? MaxTime = null,
    long? MaxMemoryBytes = null)
{
    public static SearchLimits None { get; } = new();
}

/// <summary>Which limit stopped a search early.</summary>
public enum StopReason
{
    None,
    MaxStates,
    MaxDepth,
    MaxTime,
    MaxMemory,
    Cancelled,
    /// <summary>Not a limit: every selected property was settled (violated, or witnessed) before the state
    /// space was exhausted, so the search stopped. Verdicts are final; the state counts are partial.</summary>
    AllPropertiesSettled,
}

/// <summary>A snapshot reported to the progress callback of a long run.</summary>
public sealed record SearchProgress(
    long States,
    long Transitions,
    int Depth,
    long Queue,
    TimeSpan Elapsed,
    long MemoryBytes)
{
    public double StatesPerSecond => Elapsed.TotalSeconds > 0 ? States / Elapsed.TotalSeconds : 0;
}

/// <summary>The settings of one check. Immutable; derive variants with <c>with</c>.</summary>
public sealed record CheckOptions
{
    public SearchStrategy Strategy { get; init; } = SearchStrategy.BreadthFirst;
    public StorageMode Storage { get; init; } = StorageMode.Exact;

    /// <summary>Worker threads for <see cref="SearchStrategy.ParallelBreadthFirst"/>; 0 means one per core.</summary>
    public int Threads { get; init; }

    public SearchLimits Limits { get; init; } = SearchLimits.None;

    /// <summary>A size hint for the visited store, like SPIN's <c>-w</c>: the table starts large enough for this
    /// many states (at load 5/8), so it need not grow during the search. 0 (the default) grows as needed.
    /// Never changes what is found, only when memory is allocated.</summary>
    public long ExpectedStates { get; init; }

    /// <summary>A directory for scratch files: when set, breadth-first search writes its queue (as encoded states)
    /// and the predecessor log to files there, keeping in memory little more than the visited set, as TLC does.
    /// The files are unlinked at once and gone when the search ends. Needs a model whose states decode
    /// (<see cref="Model.IStateDecoder{TState}"/>) or are plain values; otherwise the queue stays in memory. When liveness
    /// is checked, every state is kept in memory anyway (as encodings when the model decodes them, and then the queue
    /// still goes to disk) and the predecessor log stays in memory. Never changes what is found.</summary>
    public string? SpillDirectory { get; init; }

    /// <summary>Run as one partition of a fingerprint-partitioned breadth-first search over several processes (see
    /// <see cref="Partitioning.PartitionSpec"/>); null (the default) searches in this process alone. Needs
    /// <see cref="SearchStrategy.BreadthFirst"/>, no state limit, and a model whose states decode or are plain values;
    /// liveness properties come out inconclusive (they need the whole graph in one place).</summary>
    public Partitioning.PartitionSpec? Partition { get; init; }

    /// <summary>Names of the properties to check; null means every property of the model.</summary>
    public IReadOnlyList<string>? Properties { get; init; }

    /// <summary>Stop as soon as every selected property is settled — its verdict can no longer change, e.g. a safety
    /// property violated (the default); false explores the whole space, for complete state counts.</summary>
    public bool StopWhenAllSettled { get; init; } = true;

    /// <summary>How often the progress callback is called.</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromSeconds(1);

    public static CheckOptions Default { get; } = new();

    public int EffectiveThreads => Threads > 0 ? Threads : Environment.ProcessorCount;
}
