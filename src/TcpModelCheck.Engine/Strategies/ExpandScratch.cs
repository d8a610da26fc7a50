using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using TcpModelCheck.Engine.Storage;

namespace TcpModelCheck.Engine.Strategies;

/// <summary>
/// A worker's private scratch for expanding states: the action list, the encoding buffer, counters. The list
/// and the buffer are written on every transition, so they are kept off the cache lines of other workers'
/// objects: the list is allocated at full size up front, right after this object's padding, and the
/// encoding is written 128 bytes inside a larger array.
/// </summary>
internal sealed class ExpandScratch<TAction>
{
    private const int Gap = 128;
    private readonly byte[] _encode;

    public ExpandScratch(int encodeLength)
    {
        Actions = new List<TAction>(64);
        SegmentUse = new int[SegmentedTable<FingerprintSlot, NoKey>.SegmentCount];
        _encode = new byte[Math.Max(1, encodeLength) + 2 * Gap];
        EncodeLength = Math.Max(1, encodeLength);
    }

    public List<TAction> Actions { get; }

    /// <summary>Concurrent inserts this worker made into each store segment during the current round.</summary>
    public int[] SegmentUse { get; }
    public int EncodeLength { get; }

    /// <summary>Where states are encoded before hashing.</summary>
    public Span<byte> Encode => _encode.AsSpan(Gap, EncodeLength);

    public long Transitions;

    /// <summary>Successors ahead the insert phase prefetches, set from this worker's last chunk
    /// (<see cref="SearchTuning.PrefetchAhead"/>); before its first, 16, the best fixed distance on the SPIN port.</summary>
    public int PrefetchAhead = 16;

    /// <summary>A direct-mapped cache of fingerprints this worker found in or added to the fingerprint store, indexed by
    /// their low bits (the store's segment and home slot come from the high ones); 0 = empty (no fingerprint is 0).
    /// 8,192 entries (64 KiB, within the core's L2): 47 % of rfc9293/reconnect's transitions hit it; 65,536 caught 57 %
    /// but took as much CPU time, 2,048 caught 40 %.</summary>
    public readonly ulong[] Recent = new ulong[RecentSlots];

    public const int RecentSlots = 1 << 13;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ref ulong RecentSlot(ulong[] recent, ulong hash) =>
        ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(recent), (int)hash & (RecentSlots - 1));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Seen(ulong[] recent, ulong hash) => RecentSlot(recent, hash) == hash;

    /// <summary>Transitions this worker has self-checked (see <see cref="Model.IEncodedSuccessors{TState,TAction}"/>).</summary>
    public int SelfChecked;

    /// <summary>Some state at the depth bound had a successor that was not generated.</summary>
    public bool DepthCut;

#pragma warning disable CS0169   // never read: keeps the next worker's objects off this one's cache lines
    private CacheLinePadding _padding;
#pragma warning restore CS0169
}
