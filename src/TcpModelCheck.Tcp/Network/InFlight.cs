namespace TcpModelCheck.Tcp.Network;

/// <summary>
/// The segments in flight while one action is applied: a working copy over a caller-provided buffer, kept in
/// the canonical order of <see cref="TcpState.InFlight"/> — a sorted multiset, or with FIFO grouped by direction
/// in sending order (A's first). Only the network code changes it; the protocol code hands segments to
/// <see cref="Transmit"/>.
/// </summary>
internal ref struct InFlight
{
    private readonly Span<Segment> _net;
    private readonly bool _fifo;
    private int _count;

    public InFlight(ReadOnlySpan<Segment> segments, Span<Segment> buffer, bool fifo)
    {
        _net = buffer;
        _fifo = fifo;
        if (segments.Length > buffer.Length) throw new ArgumentException("step buffer too short", nameof(buffer));
        for (var i = 0; i < segments.Length; i++) buffer[i] = segments[i];   // a few segments: a loop beats Memmove's call
        _count = segments.Length;
    }

    /// <summary>Room a working copy needs: one action adds at most one segment (a reply, a retransmission,
    /// a copy), plus one spare.</summary>
    public static int BufferFor(TcpState state) => state.Segments.Length + 2;

    public readonly int Count => _count;

    public readonly Segment this[int i] => _net[i];

    public readonly int CountFrom(Side from)
    {
        var n = 0;
        for (var i = 0; i < _count; i++) if (_net[i].From == from) n++;
        return n;
    }

    /// <summary>Inserts in canonical position: sorted (multiset), or with FIFO after the last segment of the same
    /// direction — or, for a duplicate, right behind its original (<paramref name="after"/>).</summary>
    public void Insert(Segment seg, int after)
    {
        if (_count == _net.Length) throw new InvalidOperationException("step buffer full: an action added more than one segment");
        int pos;
        if (!_fifo)
        {
            pos = 0;
            while (pos < _count && _net[pos].Bits <= seg.Bits) pos++;
        }
        else if (after >= 0) pos = after + 1;
        else
        {
            pos = _count;
            if (seg.From == Side.Client)
                for (pos = 0; pos < _count && _net[pos].From == Side.Client; pos++) { }
        }
        for (var i = _count; i > pos; i--) _net[i] = _net[i - 1];   // a loop, not CopyTo: see RemoveAt
        _net[pos] = seg;
        _count++;
    }

    public readonly void Replace(int i, Segment seg) => _net[i] = seg;

    public Segment RemoveAt(int i)
    {
        var seg = _net[i];
        // A loop over the few segments in flight, not Span.CopyTo: an overlapping copy goes to the C library's memmove
        // through a P/Invoke, whose GC transition cost more than the copy (1.3 % of the samples of rfc9293/reconnect).
        for (var j = i + 1; j < _count; j++) _net[j - 1] = _net[j];
        _count--;
        return seg;
    }

    /// <summary>Ages every segment by one tick. Ages grow uniformly, so the canonical order is preserved.</summary>
    public readonly void AgeAll()
    {
        for (var i = 0; i < _count; i++) _net[i] = _net[i].Aged();
    }

    /// <summary>The segments, in canonical order.</summary>
    public readonly ReadOnlySpan<Segment> Segments => _net[.._count];

    /// <summary>The canonical array of the next state.</summary>
    public readonly Segment[] ToArray() => _net[.._count].ToArray();
}
