using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Engine.Model;
using TcpModelCheck.Engine.Storage;
using TcpModelCheck.Engine.Storage.Frontier;

namespace TcpModelCheck.Engine.Strategies;

/// <summary>Everything a strategy is given: the model, the options, the properties to track, and the
/// progress and cancellation hooks of the caller.</summary>
internal sealed record SearchContext<TState, TAction>(
    IModel<TState, TAction> Model,
    CheckOptions Options,
    PropertyTracker<TState, TAction> Properties,
    Action<SearchProgress>? Progress,
    CancellationToken Cancel) where TState : IEquatable<TState>
{
    /// <summary>Liveness needs every state by id afterwards (to rebuild the edges), so strategies keep them: as encodings
    /// in an <see cref="EncodedStateTable{TState}"/> for a breadth-first search of a model that decodes its states, as
    /// objects otherwise.</summary>
    public bool KeepStates => Properties.NeedsGraph;

    /// <summary>The search's clock, started with the context: before the visited store is allocated, so a search's time
    /// (its limit, its states/s) includes the store's allocation. A store presized with
    /// <see cref="CheckOptions.ExpectedStates"/> is allocated up front, and its pages were first touched outside the timed
    /// search until session 10 (1.25 s of a 25 s rfc9293/reconnect search on the shared VM).</summary>
    public System.Diagnostics.Stopwatch Clock { get; } = System.Diagnostics.Stopwatch.StartNew();

    /// <summary>A fresh encoding buffer for one worker.</summary>
    public byte[] NewEncodeBuffer() => new byte[Math.Max(1, Model.MaxEncodedLength)];

    /// <summary>Checks a new state's invariants and witnesses; each finding is handed to <paramref name="found"/>.</summary>
    public void CheckNewState<TSink>(in TState state, long id, ref TSink found) where TSink : struct, IFindingSink<TState, TAction>
    {
        foreach (var p in Properties.PendingInvariants)
            if (!p.Condition!(state)) found.Found(p, id, -1);
        foreach (var p in Properties.PendingWitnesses)
            if (p.Condition!(state)) found.Found(p, id, -1);
    }

    /// <summary>True when every pending invariant and witness can be judged on a state's encoding
    /// (<see cref="Property{TState,TAction}.EncodedCondition"/>).</summary>
    public bool NewStatesCheckEncoded()
    {
        foreach (var p in Properties.PendingInvariants) if (p.EncodedCondition is null) return false;
        foreach (var p in Properties.PendingWitnesses) if (p.EncodedCondition is null) return false;
        return true;
    }

    /// <summary><see cref="CheckNewState"/> on a state given by its encoding (see <see cref="NewStatesCheckEncoded"/>).</summary>
    public void CheckNewEncoded<TSink>(ReadOnlySpan<byte> state, long id, ref TSink found) where TSink : struct, IFindingSink<TState, TAction>
    {
        foreach (var p in Properties.PendingInvariants)
            if (!p.EncodedCondition!(state)) found.Found(p, id, -1);
        foreach (var p in Properties.PendingWitnesses)
            if (p.EncodedCondition!(state)) found.Found(p, id, -1);
    }

    /// <summary>Throws when an invariant or witness judges <paramref name="state"/> differently on its encoding.</summary>
    public void SelfCheckEncoded(in TState state, ReadOnlySpan<byte> encoding)
    {
        foreach (var p in Properties.PendingInvariants.Concat(Properties.PendingWitnesses))
            if (p.Condition!(state) != p.EncodedCondition!(encoding))
                throw new InvalidOperationException($"model '{Model.Name}': property '{p.Name}' judges the state "
                    + $"{Model.FormatState(state)} differently on its encoding");
    }

    /// <summary>Checks the action properties on one edge.</summary>
    public void CheckEdge<TSink>(in TState from, TAction action, in TState to, long fromId, int choice, ref TSink found)
        where TSink : struct, IFindingSink<TState, TAction>
    {
        foreach (var p in Properties.PendingEdges)
            if (!p.Edge!(from, action, to)) found.Found(p, fromId, choice);
    }

    /// <summary>The outcome of a finished (or stopped) search.</summary>
    /// <param name="frontier">The breadth-first queue (null for depth-first search, whose stack is not counted).</param>
    public SearchOutcome<TState> Outcome<TStore>(PredecessorLog log, IReadOnlyList<TState>? states, in SearchCounters c,
        in TStore store, LimitWatch limits, StopReason stop, IFrontier<TState>? frontier) where TStore : struct, IVisitedStore<TState>
    {
        limits.SampleMemory();
        var stats = new SearchStatistics(c.States, c.Transitions, c.MaxDepth, limits.Clock.Elapsed, limits.PeakMemory,
            store.Bytes, store.Mode, stop)
        {
            PredecessorBytes = log.Bytes,
            PredecessorDiskBytes = log.DiskBytes,
            FrontierBytes = frontier?.PeakBytes ?? 0,
            FrontierDiskBytes = frontier?.PeakDiskBytes ?? 0,
            FrontierKind = frontier?.Kind ?? "stack",
            PeakManagedBytes = limits.PeakManaged,
        };
        return new SearchOutcome<TState>(new SearchGraph(log), states, stats);
    }
}

/// <summary>Running totals of a search.</summary>
internal struct SearchCounters
{
    public long States;
    public long Transitions;
    public int MaxDepth;
}

/// <summary>Where a property check reports what it found (a violation, or a witness): straight into the
/// tracker, or into a worker's list to be merged at the end of a parallel round.</summary>
internal interface IFindingSink<TState, TAction> where TState : IEquatable<TState>
{
    void Found(Property<TState, TAction> property, long stateId, int edgeChoice);
}

/// <summary>Records findings directly (first one wins): for single-threaded depth-first search.</summary>
internal readonly struct DirectSink<TState, TAction>(PropertyTracker<TState, TAction> tracker) : IFindingSink<TState, TAction>
    where TState : IEquatable<TState>
{
    public void Found(Property<TState, TAction> property, long stateId, int edgeChoice) =>
        tracker.Record(property, stateId, edgeChoice);
}

/// <summary>Collects findings in a list, merged by the coordinator after the round.</summary>
internal readonly struct ListSink<TState, TAction>(List<PropertyTracker<TState, TAction>.Candidate> list) : IFindingSink<TState, TAction>
    where TState : IEquatable<TState>
{
    public void Found(Property<TState, TAction> property, long stateId, int edgeChoice) =>
        list.Add(new(property, stateId, edgeChoice));
}
