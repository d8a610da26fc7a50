using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace TcpModelCheck.Engine.Storage;

/// <summary>
/// An insert-only open-addressing hash set keyed by a stable 64-bit hash (see <see cref="StableHash"/>; never
/// <c>GetHashCode</c>), split into <see cref="SegmentCount"/> independent segments chosen by the top bits of
/// the hash. Each segment uses linear probing from a multiply-shift home slot (any size works, no power of
/// two needed) and grows by 1.5× when its load passes 5/8, so its load stays between 5/12 and 5/8 and a
/// segment — a 64th of the table — is all that is ever copied at once.
/// </summary>
/// <remarks>Why 5/8 and not 3/4: an insert of a new key probes, on average, ½(1 + 1/(1 − load)²) slots, 8.5 at load 3/4
/// and 3.8 at 5/8; the probe loop of the concurrent insert was the hottest spot of the fingerprint search after the
/// model. rfc9293/reconnect (22.2 M states), one thread, alternated: medians 913 k → 948 k states/s, the same final
/// table (306 MB) and peak memory (the load after the last growth decides that, here 0.58 either way). At worst the
/// table is 6/5 as large: at most 19 bytes per fingerprint.</remarks>
/// <remarks>
/// <para>Concurrency by ownership, not locks: a thread may insert into a segment only while no other thread
/// touches that segment. The parallel search gives each worker the segments <c>s</c> with
/// <c>s mod workers = worker</c> and routes every successor to its owner, so no insert needs a lock or an
/// atomic instruction, and the order of inserts into each segment is deterministic. Reads of
/// <see cref="Count"/> and <see cref="Bytes"/> are exact between phases.</para>
/// <para>The slot type decides what is stored: a bare fingerprint (<see cref="FingerprintSlot"/>, 8 bytes) or
/// the hash with the whole state (<see cref="StateSlot{TState}"/>). Hash 0 marks an empty slot; StableHash
/// never returns it.</para>
/// </remarks>
internal sealed class SegmentedTable<TSlot, TKey> where TSlot : struct, ITableSlot<TSlot, TKey>
{
    public const int SegmentBits = 6;
    public const int SegmentCount = 1 << SegmentBits;
    private const int MinSegmentCapacity = 16;

    private readonly TableSegment<TSlot, TKey>[] _segments = new TableSegment<TSlot, TKey>[SegmentCount];

    /// <param name="expectedCount">A size hint: the table starts large enough for this many keys, so it does not grow
    /// while it takes them. Each segment gets room for its share at load 5/8 and 1/8 more: the segments' shares differ
    /// (by about 1/√share), and one that passed 5/8 would grow to 1.5× at once.</param>
    public SegmentedTable(long expectedCount = 0)
    {
        var share = expectedCount / SegmentCount;
        var perSegment = (int)Math.Min(int.MaxValue / 2, Math.Max(MinSegmentCapacity, share * 8 / 5 + share / 8 + 1));
        for (var s = 0; s < SegmentCount; s++) _segments[s] = new TableSegment<TSlot, TKey>(perSegment);
    }

    /// <summary>The segment a hash belongs to (its top <see cref="SegmentBits"/> bits).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int SegmentOf(ulong hash) => (int)(hash >> (64 - SegmentBits));

    public long Count
    {
        get
        {
            long n = 0;
            foreach (var s in _segments) n += s.Count;
            return n;
        }
    }

    /// <summary>Bytes held by the slot arrays (every slot, empty or not).</summary>
    public long Bytes
    {
        get
        {
            long n = 0;
            foreach (var s in _segments) n += (long)s.Length * Unsafe.SizeOf<TSlot>();
            return n;
        }
    }

    public long Capacity
    {
        get
        {
            long n = 0;
            foreach (var s in _segments) n += s.Length;
            return n;
        }
    }

    /// <summary>Inserts the key; true when it was not there yet. The caller must own the hash's segment.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Add(ulong hash, in TKey key)
    {
        var seg = _segments[SegmentOf(hash)];
        var length = seg.Length;
        ref var first = ref seg.First;
        var i = Home(hash, length);
        while (true)
        {
            ref var slot = ref Unsafe.Add(ref first, i);
            var h = slot.Hash;
            if (h == 0)
            {
                slot = TSlot.Of(hash, key);
                if (++seg.Count > seg.GrowAt) seg.Grow();
                return true;
            }
            if (h == hash && slot.Holds(key)) return false;
            if (++i == length) i = 0;
        }
    }

    /// <summary>
    /// Concurrent insert for fingerprint tables (the slot is the 8-byte hash itself): claims an empty slot with
    /// a compare-and-swap, so any number of threads may insert at once. It neither counts nor grows: the caller
    /// keeps each segment within its <see cref="Headroom"/> and reports its inserts with <see cref="Account"/>
    /// once the threads are done.
    /// </summary>
    public bool AddConcurrent(ulong hash)
    {
        var seg = _segments[SegmentOf(hash)];
        var length = seg.Length;
        ref var first = ref Unsafe.As<TSlot, ulong>(ref seg.First);
        var i = Home(hash, length);
        while (true)
        {
            ref var slot = ref Unsafe.Add(ref first, i);
            var h = Volatile.Read(ref slot);
            if (h == hash) return false;
            if (h == 0)
            {
                var seen = Interlocked.CompareExchange(ref slot, hash, 0UL);
                if (seen == 0) return true;
                if (seen == hash) return false;
            }
            if (++i == length) i = 0;
        }
    }

    /// <summary>How many more keys <paramref name="segment"/> may take concurrently before its load reaches 4/5
    /// (beyond that, probe sequences grow long and the table could fill).</summary>
    public int Headroom(int segment) => Math.Max(0, (int)(_segments[segment].Length * 4L / 5) - _segments[segment].Count);

    /// <summary>Accounts for <paramref name="added"/> concurrent inserts into <paramref name="segment"/>, leaving the growth
    /// to <see cref="GrowIfNeeded"/> (the fingerprint round grows segments in its publish phase, on every worker).
    /// Between parallel insert phases.</summary>
    public void Account(int segment, int added) => _segments[segment].Count += added;

    /// <summary>True when <paramref name="segment"/>'s load passed 5/8 (<see cref="GrowIfNeeded"/> would grow it).</summary>
    public bool NeedsGrowth(int segment) => _segments[segment].Count > _segments[segment].GrowAt;

    /// <summary>Grows <paramref name="segment"/> until its load is at most 5/8. Segments share nothing, so different ones
    /// may grow on different threads at once, while no thread inserts.</summary>
    public void GrowIfNeeded(int segment)
    {
        var seg = _segments[segment];
        while (seg.Count > seg.GrowAt) seg.Grow();
    }

    /// <summary>True when the key is stored.</summary>
    public bool Contains(ulong hash, in TKey key)
    {
        var slots = _segments[SegmentOf(hash)].Slots;
        for (var i = Home(hash, slots.Length); ; i = i + 1 == slots.Length ? 0 : i + 1)
        {
            var h = slots[i].Hash;
            if (h == 0) return false;
            if (h == hash && slots[i].Holds(key)) return true;
        }
    }

    /// <summary>Hints the processor to load the home slot of <paramref name="hash"/> (a no-op where the
    /// instruction is missing). Harmless if the segment grows meanwhile: a prefetch never faults.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public unsafe void Prefetch(ulong hash)
    {
        if (!Sse.IsSupported) return;
        var seg = _segments[SegmentOf(hash)];
        Sse.Prefetch0(Unsafe.AsPointer(ref Unsafe.Add(ref seg.First, Home(hash, seg.Length))));
    }

    /// <summary>Every stored slot, segment by segment (for tests and diagnostics).</summary>
    public List<TSlot> Slots()
    {
        var all = new List<TSlot>();
        foreach (var s in _segments)
            foreach (var slot in s.Slots)
                if (slot.Hash != 0) all.Add(slot);
        return all;
    }

    /// <summary>The home slot: multiply-shift of the hash bits below the segment bits onto [0, length).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int Home(ulong hash, int length) => (int)Math.BigMul(hash << SegmentBits, (ulong)length, out _);
}

/// <summary>What a <see cref="SegmentedTable{TSlot,TKey}"/> slot stores; <see cref="Hash"/> 0 = empty.</summary>
internal interface ITableSlot<TSlot, TKey> where TSlot : struct, ITableSlot<TSlot, TKey>
{
    ulong Hash { get; }

    /// <summary>Whether this slot, whose hash equals the key's, holds the key itself.</summary>
    bool Holds(in TKey key);

    static abstract TSlot Of(ulong hash, in TKey key);
}

/// <summary>A bare 64-bit fingerprint: two states with the same fingerprint are taken to be the same.</summary>
internal readonly struct FingerprintSlot(ulong hash) : ITableSlot<FingerprintSlot, NoKey>
{
    public ulong Hash { get; } = hash;
    public bool Holds(in NoKey key) => true;
    public static FingerprintSlot Of(ulong hash, in NoKey key) => new(hash);
}

/// <summary>The fingerprint table's key: the hash is the whole key.</summary>
internal readonly struct NoKey;

/// <summary>A whole state with its hash: equal hashes are confirmed by <see cref="IEquatable{T}.Equals(T)"/>.</summary>
internal readonly struct StateSlot<TState>(ulong hash, TState state) : ITableSlot<StateSlot<TState>, TState>
    where TState : IEquatable<TState>
{
    public ulong Hash { get; } = hash;
    public TState State { get; } = state;
    public bool Holds(in TState key) => State.Equals(key);
    public static StateSlot<TState> Of(ulong hash, in TState key) => new(hash, key);
}
