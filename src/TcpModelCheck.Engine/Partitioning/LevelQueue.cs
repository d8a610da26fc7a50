using System.Buffers.Binary;

namespace TcpModelCheck.Engine.Partitioning;

/// <summary>
/// The states of one breadth-first level as encoded bytes (a length and the encoding, packed into 1 MiB pages),
/// read back in the order they were appended. A partition keeps two: the level it expands and the next one.
/// Pages of a consumed level are kept for reuse by the next.
/// </summary>
internal sealed class LevelQueue
{
    private const int PageBytes = 1 << 20;
    private readonly List<byte[]> _pages = [];
    private readonly Stack<byte[]> _spare;
    private readonly List<int> _ends = [];   // bytes used in each page
    private int _used;   // bytes used in the last page

    public LevelQueue(Stack<byte[]> spare) => _spare = spare;

    public long Count { get; private set; }

    /// <summary>Bytes held by this level's pages.</summary>
    public long Bytes => (long)_pages.Count * PageBytes;

    public void Append(ReadOnlySpan<byte> encoding)
    {
        var need = encoding.Length + 2;
        if (need > PageBytes) throw new ArgumentException($"an encoded state of {encoding.Length} bytes does not fit a queue page");
        if (_pages.Count == 0 || _used + need > PageBytes)
        {
            _pages.Add(_spare.TryPop(out var page) ? page : new byte[PageBytes]);
            _ends.Add(0);
            _used = 0;
        }
        var last = _pages[^1].AsSpan(_used);
        BinaryPrimitives.WriteUInt16LittleEndian(last, checked((ushort)encoding.Length));
        encoding.CopyTo(last[2..]);
        _used += need;
        _ends[^1] = _used;
        Count++;
    }

    /// <summary>Reads the next encoding at <paramref name="cursor"/> (start at default) and advances it; the caller
    /// reads exactly <see cref="Count"/> encodings.</summary>
    public ReadOnlySpan<byte> Read(ref (int Page, int Offset) cursor)
    {
        while (cursor.Offset >= _ends[cursor.Page]) cursor = (cursor.Page + 1, 0);
        var page = _pages[cursor.Page];
        var length = BinaryPrimitives.ReadUInt16LittleEndian(page.AsSpan(cursor.Offset));
        var span = page.AsSpan(cursor.Offset + 2, length);
        cursor.Offset += 2 + length;
        return span;
    }

    /// <summary>Empties the queue, keeping its pages for reuse.</summary>
    public void Clear()
    {
        foreach (var p in _pages) _spare.Push(p);
        _pages.Clear();
        _ends.Clear();
        _used = 0;
        Count = 0;
    }
}
