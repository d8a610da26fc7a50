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

    /// <summary>Transitions this worker has self-checked (see <see cref="Model.IEncodedSuccessors{TState,TAction}"/>).</summary>
    public int SelfChecked;

    /// <summary>Some state at the depth bound had a successor that was not generated.</summary>
    public bool DepthCut;

#pragma warning disable CS0169   // never read: keeps the next worker's objects off this one's cache lines
    private CacheLinePadding _padding;
#pragma warning restore CS0169
}
