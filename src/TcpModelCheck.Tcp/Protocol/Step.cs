using System.Diagnostics.CodeAnalysis;
using TcpModelCheck.Tcp.Charts;

namespace TcpModelCheck.Tcp;

/// <summary>
/// A mutable working copy of one <see cref="TcpState"/> while a single action is applied; <see cref="Build"/>
/// freezes it into the next state. The same code runs for <c>Next</c> and for <c>Explain</c>; only the latter
/// records <see cref="StepEvent"/>s, so a chart can never disagree with the model. A ref struct over a
/// caller-provided buffer, so applying an action allocates only the next state (the hot path of the explorer).
/// </summary>
internal ref struct Step
{
    private Endpoint _client;
    private Endpoint _server;
    private readonly Span<Segment> _net;
    private int _count;

    /// <summary>Room the working copy needs: one action adds at most one segment (a reply, a retransmission,
    /// a copy), plus one spare.</summary>
    public static int BufferFor(TcpState state) => state.InFlight.Count + 2;

    public Step(Rules rules, TcpState state, List<StepEvent>? events, Span<Segment> buffer)
    {
        Rules = rules;
        _client = state.Client;
        _server = state.Server;
        _net = buffer;
        state.Segments.CopyTo(_net);
        _count = state.InFlight.Count;
        Used = state.Used;
        IsnClock = (byte)state.IsnClock;
        Events = events;
    }

    public Rules Rules { get; }
    public SeqMath Seq => Rules.Seq;
    public Budgets Used { get; set; }
    public byte IsnClock { get; set; }
    public List<StepEvent>? Events { get; }
    public bool Explaining => Events is not null;

    [UnscopedRef]
    public ref Endpoint this[Side side] => ref side == Side.Client ? ref _client : ref _server;

    public int Count => _count;

    public Segment SegmentAt(int i) => _net[i];

    public void Emit(StepEvent e) => Events?.Add(e);

    public void Note(Side? side, string text)
    {
        if (Explaining) Emit(new StepEvent.Note(side, text));
    }

    /// <summary>Hands a segment from <paramref name="from"/> to the network. A direction holding
    /// <see cref="TcpConfig.NetworkCapacity"/> segments drops it (tail drop) and sets the ghost overflow flag.</summary>
    public void Send(Side from, SegmentFlags flags, int seq, int ack, bool data = false, int item = 0, bool retransmission = false)
    {
        var inc = this[from].Incarnation;
        var seg = Segment.Create(from, flags, seq, ack, data, inc, item);
        if (Rules.AllStragglers) seg = seg.AsStraggler();
        if (Explaining) Emit(new StepEvent.Sent(seg.Label, retransmission));
        if (CountFrom(from) >= Rules.Capacity)
        {
            Used = Used with { Overflowed = true };
            Note(from, "network full: segment dropped");
            return;
        }
        Insert(seg, -1);
    }

    /// <summary>Sends from a host that has no TCB for the connection (a reset from CLOSED): ghost incarnation 0.</summary>
    public void SendWithoutTcb(Side from, SegmentFlags flags, int seq, int ack)
    {
        var seg = Segment.Create(from, flags, seq, ack, false, 0, 0);
        if (Rules.AllStragglers) seg = seg.AsStraggler();
        if (Explaining) Emit(new StepEvent.Sent(seg.Label, false));
        if (CountFrom(from) >= Rules.Capacity)
        {
            Used = Used with { Overflowed = true };
            Note(from, "network full: segment dropped");
            return;
        }
        Insert(seg, -1);
    }

    public int CountFrom(Side from)
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
        if (!Rules.Config.Fifo)
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
        _net[pos.._count].CopyTo(_net[(pos + 1)..]);
        _net[pos] = seg;
        _count++;
    }

    public void Replace(int i, Segment seg) => _net[i] = seg;

    public Segment RemoveAt(int i)
    {
        var seg = _net[i];
        _net[(i + 1).._count].CopyTo(_net[i..]);
        _count--;
        return seg;
    }

    /// <summary>Ages every segment by one tick. Only stragglers younger than MSL are in flight here (the tick
    /// waits for the others to be delivered or lost); ages grow uniformly, so the sorted order is preserved.</summary>
    public void AgeSegments()
    {
        for (var i = 0; i < _count; i++) _net[i] = _net[i].Aged();
    }

    public readonly TcpState Build() => new(_client, _server, _net[.._count].ToArray(), Used, IsnClock);
}
