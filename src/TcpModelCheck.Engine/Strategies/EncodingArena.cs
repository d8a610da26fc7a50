using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TcpModelCheck.Engine.Strategies;

/// <summary>
/// A reusable buffer of byte strings, each with its successor's link (hash, parent, choice), addressed by the order they
/// were added: a chunk's successors as encodings, so the fingerprint round never builds the successor objects (see
/// <see cref="DirectRound{TState,TAction,TStore}"/>). Cleared between rounds, never shrunk.
/// </summary>
/// <remarks>Not generic over the state type, so the expansion loop, which is shared code for states that are classes,
/// calls <see cref="Reserve"/> and <see cref="Commit"/> inlined, and the links hold no reference (buffering one needs no
/// GC write barrier). Before, a generic sink did both through calls of their own (3.7 % of the samples of
/// rfc9293/reconnect) and buffered 24-byte records with a null state field.</remarks>
internal sealed class EncodingArena
{
    private byte[] _bytes = new byte[4096];
    private readonly GrowableBuffer<int> _ends = new(256);
    private readonly GrowableBuffer<SuccessorLink> _links = new(256);

#pragma warning disable CS0169   // never read: workers fill neighbouring arenas, keep them off each other's cache lines
    private Storage.CacheLinePadding _padding;
#pragma warning restore CS0169

    public int Count => _ends.Count;

    /// <summary>Bytes held by the backing array.</summary>
    public long Bytes => _bytes.Length + _ends.Bytes + _links.Bytes;

    /// <summary>The links of the strings added since the last <see cref="Clear"/>, in order.</summary>
    public Span<SuccessorLink> Links => _links.Span;

    public void Clear()
    {
        _ends.Clear();
        _links.Clear();
    }

    /// <summary>Room for a string of up to <paramref name="length"/> bytes at the end, to be written in place and then
    /// added with <see cref="Commit"/> (nothing is added until then).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Span<byte> Reserve(int length)
    {
        var start = End(_ends.Count);
        if (start + length > _bytes.Length) Array.Resize(ref _bytes, Math.Max(2 * _bytes.Length, start + length));
        return _bytes.AsSpan(start, length);
    }

    /// <summary>Adds the string written in place at the start of the last <see cref="Reserve"/>d room; it must be that
    /// room's prefix (checked: a caller that wrote elsewhere gets an exception, not a wrong string), with its link.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Commit(ReadOnlySpan<byte> written, SuccessorLink link)
    {
        var start = End(_ends.Count);
        if (start + written.Length > _bytes.Length
            || !Unsafe.AreSame(ref MemoryMarshal.GetReference(written), ref _bytes[start]))
            throw new InvalidOperationException("EncodingArena.Commit: the string is not where Reserve put it");
        _ends.Add(start + written.Length);
        _links.Add(link);
    }

    /// <summary>The <paramref name="index"/>-th string added since the last <see cref="Clear"/>.</summary>
    public ReadOnlySpan<byte> this[int index]
    {
        get
        {
            var start = End(index);
            return _bytes.AsSpan(start, _ends[index] - start);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int End(int count) => count == 0 ? 0 : _ends[count - 1];
}
