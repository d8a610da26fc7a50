using System.Diagnostics.CodeAnalysis;
using TcpModelCheck.Tcp.Charts;
using TcpModelCheck.Tcp.Network;

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
    private InFlight _net;

    /// <summary>Room the working copy of the network needs (see <see cref="InFlight.BufferFor"/>).</summary>
    public static int BufferFor(TcpState state) => InFlight.BufferFor(state);

    public Step(Rules rules, TcpState state, List<StepEvent>? events, Span<Segment> buffer)
    {
        Rules = rules;
        _client = state.Client;
        _server = state.Server;
        _net = new InFlight(state.Segments, buffer, rules.Config.Fifo);
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

    /// <summary>The segments in flight (changed only by the code in Network/).</summary>
    [UnscopedRef]
    public ref InFlight Net => ref _net;

    public void Emit(StepEvent e) => Events?.Add(e);

    public void Note(Side? side, string text)
    {
        if (Explaining) Emit(new StepEvent.Note(side, text));
    }

    /// <summary>Hands a segment from <paramref name="from"/> to the network (see <see cref="Transmit"/>), stamped with the
    /// sender's incarnation — or, under <see cref="Reduction.DeadGhosts"/>, with a constant
    /// (<see cref="Segment.UntrackedIncarnation"/>) when no rule will read it.</summary>
    public void Send(Side from, SegmentFlags flags, int seq, int ack, bool data = false, int item = 0,
        bool retransmission = false, int dataLength = 1)
    {
        if (Open is { } open) { open.Add(new OpenSegment(flags, seq, ack, data ? dataLength : 0, retransmission)); return; }
        var incarnation = Rules.DropsDeadGhosts && !Segment.IncarnationRead(flags, data) ? Segment.UntrackedIncarnation(flags) : this[from].Incarnation;
        Transmit.Send(ref this, Segment.Create(from, flags, seq, ack, data, incarnation, item), retransmission);
    }

    /// <summary>The conformance checker's open endpoint: where its segments go instead of the network (full
    /// 32-bit numbers and byte lengths). Null in the explorer.</summary>
    public List<OpenSegment>? Open { get; init; }

    /// <summary>Sends from a host that has no TCB for the connection (a reset from CLOSED): ghost incarnation 0.</summary>
    public void SendWithoutTcb(Side from, SegmentFlags flags, int seq, int ack)
    {
        if (Open is { } open) { open.Add(new OpenSegment(flags, seq, ack, 0, false)); return; }
        Transmit.Send(ref this, Segment.Create(from, flags, seq, ack, false, 0, 0), false);
    }

    public readonly TcpState Build() => new(_client, _server, _net.ToArray(), Used, IsnClock);

    /// <summary>Writes the encoding of the state <see cref="Build"/> would make (see <see cref="TcpModel.NextEncoded"/>).</summary>
    public readonly int Encode(Span<byte> destination) => TcpModel.Encode(_client, _server, _net.Segments, Used, IsnClock, destination);
}
