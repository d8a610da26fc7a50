namespace TcpModelCheck.Engine.Storage.Frontier;

/// <summary>
/// The breadth-first queue: the states of the level being expanded followed by those of the next level, by id.
/// It is read a round at a time (ids in a range of one level) and written a round at a time, each publish unit
/// putting a contiguous block of ids, the blocks following each other in unit order.
/// </summary>
/// <remarks>
/// Phases: <see cref="Prepare"/>, <see cref="Reserve"/> and <see cref="EndRound"/> are called by the coordinator
/// between parallel phases; during the expansion phase workers <see cref="Load"/> disjoint ranges; during the
/// publish phase each unit <see cref="Put"/>s its own block (or, with encodings, stages it during the expansion phase
/// and gives it its ids in the publish phase).
/// </remarks>
internal interface IFrontier<TState> : IDisposable
{
    /// <summary>Appends a state with the next id (single-threaded: the initial states).</summary>
    void Append(in TState state);

    /// <summary>Makes ids below <paramref name="count"/> writable by <see cref="Put"/>.</summary>
    void Reserve(long count);

    /// <summary>Publish phase: unit <paramref name="unit"/> writes its next state; a unit's ids are consecutive.</summary>
    void Put(int unit, long id, in TState state);

    /// <summary>Insert phase, for a queue of model encodings (<see cref="Frontiers.KeepsEncodings"/>): unit
    /// <paramref name="unit"/> appends its next new state, before its id is known, as the bytes the model's <c>Encode</c>
    /// gave for it — so a search that encoded the state to hash it copies the bytes while they are still in the cache,
    /// and need not keep the state object. The ids come with <see cref="PublishStaged"/>.</summary>
    void StageEncoded(int unit, ReadOnlySpan<byte> encoding);

    /// <summary>Publish phase: the states unit <paramref name="unit"/> staged get the ids <paramref name="firstId"/>,
    /// <paramref name="firstId"/> + 1, …; only the first <paramref name="kept"/> are queued (the state limit).</summary>
    void PublishStaged(int unit, long firstId, int kept);

    /// <summary>Coordinator, after the publish phase: the states put in this round become readable.</summary>
    void EndRound();

    /// <summary>Coordinator, before a round: the round reads ids in [<paramref name="from"/>, <paramref name="to"/>);
    /// ids below <paramref name="from"/> will never be read again (unless the queue keeps every state).</summary>
    void Prepare(long from, long to);

    /// <summary>Copies the states with ids in [<paramref name="from"/>, from + into.Length) of the prepared range.</summary>
    void Load(long from, Span<TState> into);

    /// <summary>The states by id, when the queue keeps them all (for the liveness check); otherwise null.</summary>
    IReadOnlyList<TState>? AllStates(long count);

    /// <summary>The most bytes of memory the queue held at once, and the most it had on disk.</summary>
    long PeakBytes { get; }
    long PeakDiskBytes { get; }

    /// <summary>"states", "encoded" or "encoded, on disk": how the queue holds its states (for the report).</summary>
    string Kind { get; }
}
