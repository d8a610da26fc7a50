using System.Runtime.CompilerServices;
using TcpModelCheck.Engine.Checking;

namespace TcpModelCheck.Engine.Storage;

/// <summary>
/// The visited-state set as the search strategies see it. Implemented by small structs around a
/// <see cref="SegmentedTable{TSlot,TKey}"/> so that a strategy generic over the store type is compiled once
/// per store and the insert is inlined into the hot loop (no interface call per transition).
/// </summary>
internal interface IVisitedStore<TState> where TState : IEquatable<TState>
{
    StorageMode Mode { get; }

    /// <summary>Records the state; true when it was not seen before. <paramref name="hash"/> is its
    /// <see cref="StableHash"/>. The caller must own the hash's segment (see <see cref="SegmentedTable{TSlot,TKey}"/>).</summary>
    bool Add(ulong hash, in TState state);

    void Prefetch(ulong hash);

    long Count { get; }

    /// <summary>Bytes of visited-state storage (all slots, empty or not).</summary>
    long Bytes { get; }

    /// <summary>Where the last state added to <paramref name="hash"/>'s segment was put, for <see cref="Bind"/>; only
    /// <see cref="EncodedStore{TState}"/> keeps states by id (the others return 0).</summary>
    long LastAdded(ulong hash);

    /// <summary>Makes ids below <paramref name="count"/> bindable (coordinator, between phases).</summary>
    void Reserve(long count);

    /// <summary>Gives the state stored at <paramref name="location"/> (from <see cref="LastAdded"/>) its id.</summary>
    void Bind(long location, long id);
}

/// <summary>A visited set that several threads may insert into at once (see <see cref="SegmentedTable{TSlot,TKey}.AddConcurrent"/>).</summary>
internal interface IConcurrentVisitedStore<TState> : IVisitedStore<TState> where TState : IEquatable<TState>
{
    /// <summary>Records the fingerprint from any thread; true when it is new. The caller keeps within each
    /// segment's <see cref="Headroom"/> and accounts for its inserts afterwards (<see cref="SegmentedTable{TSlot,TKey}.Account"/>
    /// on <see cref="Table"/>).</summary>
    bool AddConcurrent(ulong hash);

    /// <summary>The fingerprint table itself, for the insert loop: its methods are not generic over the state type, so
    /// they are inlined there, where a call through this store (shared code for a reference-type state) was not — the
    /// prefetch alone took 9 % of rfc9293/reconnect's samples as a call.</summary>
    SegmentedTable<FingerprintSlot, NoKey> Table { get; }

    int Headroom(int segment);
}

/// <summary>Fingerprint mode: 8 bytes per slot, at most 19.2 bytes per stored state (load ≥ 5/12).</summary>
internal readonly struct FingerprintStore<TState>(long expectedStates) : IConcurrentVisitedStore<TState> where TState : IEquatable<TState>
{
    private readonly SegmentedTable<FingerprintSlot, NoKey> _table = new(expectedStates);

    public StorageMode Mode => StorageMode.Fingerprint;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Add(ulong hash, in TState state) => _table.Add(hash, default);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Prefetch(ulong hash) => _table.Prefetch(hash);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool AddConcurrent(ulong hash) => _table.AddConcurrent(hash);

    public SegmentedTable<FingerprintSlot, NoKey> Table => _table;

    public int Headroom(int segment) => _table.Headroom(segment);

    public long Count => _table.Count;
    public long Bytes => _table.Bytes;
    public long LastAdded(ulong hash) => 0;
    public void Reserve(long count) { }
    public void Bind(long location, long id) { }
}

/// <summary>Exact mode: each slot holds the hash and the whole state; no state can be missed.</summary>
internal readonly struct ExactStore<TState>(long expectedStates) : IVisitedStore<TState> where TState : IEquatable<TState>
{
    private readonly SegmentedTable<StateSlot<TState>, TState> _table = new(expectedStates);

    public StorageMode Mode => StorageMode.Exact;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Add(ulong hash, in TState state) => _table.Add(hash, state);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Prefetch(ulong hash) => _table.Prefetch(hash);

    public long Count => _table.Count;
    public long Bytes => _table.Bytes;
    public long LastAdded(ulong hash) => 0;
    public void Reserve(long count) { }
    public void Bind(long location, long id) { }
}

/// <summary>Exact mode for the liveness check when the model decodes its states: every state as its canonical
/// encoding, kept by id (see <see cref="EncodedStateTable{TState}"/>).</summary>
internal readonly struct EncodedStore<TState>(EncodedStateTable<TState> table) : IVisitedStore<TState> where TState : IEquatable<TState>
{
    public EncodedStateTable<TState> Table => table;

    public StorageMode Mode => StorageMode.Exact;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Add(ulong hash, in TState state) => table.Add(hash, state);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Prefetch(ulong hash) => table.Prefetch(hash);

    public long Count => table.Count;
    public long Bytes => table.Bytes;
    public long LastAdded(ulong hash) => table.LastAdded(hash);
    public void Reserve(long count) => table.Reserve(count);
    public void Bind(long location, long id) => table.Bind(location, id);
}
