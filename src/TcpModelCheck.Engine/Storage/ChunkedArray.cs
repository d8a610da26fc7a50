using System.Runtime.CompilerServices;

namespace TcpModelCheck.Engine.Storage;

/// <summary>
/// A growable array addressed by a 64-bit index and kept in fixed-size chunks, so growing it never copies
/// what is already stored (a <see cref="List{T}"/> of 10^8 entries would briefly need twice its size) and
/// the chunks below a point can be released when a breadth-first frontier has moved past them.
/// </summary>
/// <remarks>
/// Concurrency: <see cref="EnsureLength"/> and <see cref="ReleaseBelow"/> are called by one thread between
/// parallel phases; during a phase several threads may <see cref="Set"/> disjoint indices below
/// <see cref="Length"/> and read published ones. The phase barriers order those accesses.
/// </remarks>
internal sealed class ChunkedArray<T>
{
    private const int Shift = 16;
    private const int ChunkSize = 1 << Shift;
    private const int Mask = ChunkSize - 1;

    private T[]?[] _chunks = new T[]?[16];
    private long _released;   // chunks with index below this were released
    private readonly Stack<T[]> _spare = new();   // released chunks, reused before allocating new ones

    /// <summary>The number of addressable entries. An entry not yet written holds an unspecified value (a
    /// reused chunk keeps its old contents): every user writes an entry before reading it.</summary>
    public long Length { get; private set; }

    /// <summary>Bytes held by the live chunks, not counting spare ones (the element size is <see cref="Unsafe.SizeOf{T}"/>).</summary>
    public long Bytes
    {
        get
        {
            long live = 0;
            foreach (var c in _chunks) if (c is not null) live++;
            return live * ChunkSize * Unsafe.SizeOf<T>();
        }
    }

    public ref T this[long index]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            if ((ulong)index >= (ulong)Length) ThrowOutOfRange(index);
            var chunk = _chunks[index >> Shift] ?? throw new InvalidOperationException($"entry {index} was released");
            return ref chunk[index & Mask];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Set(long index, in T value) => this[index] = value;

    /// <summary>Appends one entry (single-threaded use) and returns its index.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long Add(in T value)
    {
        var i = Length;
        if ((i & Mask) == 0) EnsureLength(i + 1);
        else Length = i + 1;
        _chunks[i >> Shift]![i & Mask] = value;
        return i;
    }

    /// <summary>Makes indices below <paramref name="length"/> addressable, allocating chunks as needed.</summary>
    public void EnsureLength(long length)
    {
        if (length <= Length) return;
        var lastChunk = (length - 1) >> Shift;
        if (lastChunk >= _chunks.Length)
        {
            var bigger = new T[]?[Math.Max(_chunks.Length * 2, lastChunk + 1)];
            Array.Copy(_chunks, bigger, _chunks.Length);
            _chunks = bigger;
        }
        for (var c = Length == 0 ? 0 : ((Length - 1) >> Shift) + 1; c <= lastChunk; c++)
            _chunks[c] ??= _spare.TryPop(out var spare) ? spare : new T[ChunkSize];
        Length = length;
    }

    /// <summary>Copies the entries from <paramref name="index"/> on into <paramref name="into"/>.</summary>
    public void CopyTo(long index, Span<T> into)
    {
        if (into.Length == 0) return;
        if (index < 0 || index + into.Length > Length) ThrowOutOfRange(index + into.Length - 1);
        var done = 0;
        while (done < into.Length)
        {
            var at = index + done;
            var chunk = _chunks[at >> Shift] ?? throw new InvalidOperationException($"entry {at} was released");
            var offset = (int)(at & Mask);
            var n = Math.Min(into.Length - done, ChunkSize - offset);
            chunk.AsSpan(offset, n).CopyTo(into[done..]);
            done += n;
        }
    }

    /// <summary>The chunk holding entry <paramref name="index"/> and the entry's place in it, or null when that
    /// chunk was dropped.</summary>
    public T[]? ChunkOf(long index, out int offset)
    {
        if ((ulong)index >= (ulong)Length) ThrowOutOfRange(index);
        offset = (int)(index & Mask);
        return _chunks[index >> Shift];
    }

    /// <summary>Drops chunk <paramref name="chunk"/> for good (its contents were saved elsewhere).</summary>
    public void Drop(long chunk) => _chunks[chunk] = null;

    /// <summary>Entries per chunk.</summary>
    public const int EntriesPerChunk = ChunkSize;

    /// <summary>Drops every whole chunk below <paramref name="index"/> (those entries may not be read again);
    /// the chunks are kept for reuse by later growth (a breadth-first frontier needs about two levels' worth).</summary>
    public void ReleaseBelow(long index)
    {
        var upTo = index >> Shift;
        for (var c = _released; c < upTo; c++)
        {
            if (_chunks[c] is { } chunk) _spare.Push(chunk);
            _chunks[c] = null;
        }
        _released = Math.Max(_released, upTo);
    }

    private static void ThrowOutOfRange(long index) =>
        throw new ArgumentOutOfRangeException(nameof(index), $"index {index} is beyond the array");
}

/// <summary>A read-only list view of the first <c>count</c> entries of a <see cref="ChunkedArray{T}"/>
/// (the states by id, handed to the liveness check).</summary>
internal sealed class ChunkedList<T>(ChunkedArray<T> array, int count) : IReadOnlyList<T>
{
    public T this[int index] => (uint)index < (uint)count ? array[index] : throw new ArgumentOutOfRangeException(nameof(index));
    public int Count => count;

    public IEnumerator<T> GetEnumerator()
    {
        for (var i = 0; i < count; i++) yield return array[i];
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
