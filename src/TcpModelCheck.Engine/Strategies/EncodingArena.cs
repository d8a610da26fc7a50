using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TcpModelCheck.Engine.Strategies;

/// <summary>
/// A reusable buffer of byte strings, addressed by the order they were added: a chunk's successor encodings, so
/// the fingerprint round can drop each successor object as soon as it is hashed (see
/// <see cref="DirectRound{TState,TAction,TStore}"/>). Cleared between rounds, never shrunk.
/// </summary>
internal sealed class EncodingArena
{
    private byte[] _bytes = new byte[4096];
    private readonly GrowableBuffer<int> _ends = new(256);

#pragma warning disable CS0169   // never read: workers fill neighbouring arenas, keep them off each other's cache lines
    private Storage.CacheLinePadding _padding;
#pragma warning restore CS0169

    public int Count => _ends.Count;

    /// <summary>Bytes held by the backing array.</summary>
    public long Bytes => _bytes.Length + _ends.Bytes;

    public void Clear() => _ends.Clear();

    /// <summary>Room for a string of up to <paramref name="length"/> bytes at the end, to be written in place and then
    /// added with <see cref="Commit"/> (nothing is added until then).</summary>
    public Span<byte> Reserve(int length)
    {
        var start = End(_ends.Count);
        if (start + length > _bytes.Length) Array.Resize(ref _bytes, Math.Max(2 * _bytes.Length, start + length));
        return _bytes.AsSpan(start, length);
    }

    /// <summary>Adds the string written in place at the start of the last <see cref="Reserve"/>d room; it must be that
    /// room's prefix (checked: a caller that wrote elsewhere gets an exception, not a wrong string).</summary>
    public void Commit(ReadOnlySpan<byte> written)
    {
        var start = End(_ends.Count);
        if (start + written.Length > _bytes.Length
            || !Unsafe.AreSame(ref MemoryMarshal.GetReference(written), ref _bytes[start]))
            throw new InvalidOperationException("EncodingArena.Commit: the string is not where Reserve put it");
        _ends.Add(start + written.Length);
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

    private int End(int count) => count == 0 ? 0 : _ends[count - 1];
}
