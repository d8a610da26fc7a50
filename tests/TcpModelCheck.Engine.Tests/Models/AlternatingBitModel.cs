using System.Buffers.Binary;
using TcpModelCheck.Engine.Model;

namespace TcpModelCheck.Engine.Tests.Models;

/// <summary>
/// Sender: index of the message it is sending (<c>Next</c> = Messages when all are acknowledged) and its bit.
/// Receiver: the bit it expects and how many messages it has delivered in order. <c>Misdelivered</c> records
/// that it once delivered a message out of order or twice (it then stops counting). Data items are
/// <c>payload·2 + bit</c>; ack items are a bit.
/// </summary>
public readonly record struct AbpState(byte Next, byte SenderBit, byte ExpectedBit, byte Delivered, bool Misdelivered, Fifo Data, Fifo Acks)
{
    public override string ToString() =>
        $"send#{Next} bit{SenderBit} | data{Data} acks{Acks} | expect{ExpectedBit} delivered {Delivered}{(Misdelivered ? " MISDELIVERED" : "")}";
}

public enum AbpStep { Send, Receive, ReceiveAck, LoseData, LoseAck }

/// <param name="Index">For a loss: the position in the channel of the lost item.</param>
public readonly record struct AbpAction(AbpStep Step, int Index = 0)
{
    public override string ToString() => Step is AbpStep.LoseData or AbpStep.LoseAck ? $"{Step}[{Index}]" : Step.ToString();
}

/// <summary>
/// The alternating-bit protocol (Bartlett, Scantlebury, Wilkinson 1969) over two bounded FIFO channels that
/// may lose any item. The sender (re)transmits its current message whenever the data channel has room — a
/// nondeterministic timeout — and moves on when an ack carrying its bit arrives; the receiver delivers a
/// message whose bit it expects, then flips the bit, and acknowledges every message with the message's bit.
/// <para>
/// With <c>useBit: false</c> there is no bit (both bits stay 0): the receiver delivers whatever arrives and any ack advances
/// the sender. A retransmitted copy is then delivered twice; the shortest such run has 4 steps (send,
/// send again, receive, receive) — two receptions need two copies, so it cannot be shorter.
/// </para>
/// Retransmission makes the state graph cyclic, which is what the liveness check must cope with: from every
/// state the sender can still get all messages through, so "eventually all delivered" holds under fairness.
/// </summary>
public sealed class AlternatingBitModel(int messages = 2, int capacity = 2, bool useBit = true) : IModel<AbpState, AbpAction>
{
    public string Name => "alternating-bit";

    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["messages"] = messages.ToString(),
        ["capacity"] = capacity.ToString(),
        ["bit"] = useBit ? "on" : "off",
    };

    public IReadOnlyList<AbpState> InitialStates { get; } = [default];

    public void Actions(in AbpState s, List<AbpAction> actions)
    {
        if (s.Next < messages && s.Data.Count < capacity) actions.Add(new(AbpStep.Send));
        if (s.Data.Count > 0) actions.Add(new(AbpStep.Receive));
        if (s.Acks.Count > 0) actions.Add(new(AbpStep.ReceiveAck));
        for (var i = 0; i < s.Data.Count; i++) actions.Add(new(AbpStep.LoseData, i));
        for (var i = 0; i < s.Acks.Count; i++) actions.Add(new(AbpStep.LoseAck, i));
    }

    public AbpState Next(in AbpState s, AbpAction a) => a.Step switch
    {
        AbpStep.Send => s with { Data = s.Data.Enqueue((byte)(s.Next << 1 | s.SenderBit)) },
        AbpStep.Receive => Receive(s),
        AbpStep.ReceiveAck => ReceiveAck(s),
        AbpStep.LoseData => s with { Data = s.Data.RemoveAt(a.Index) },
        AbpStep.LoseAck => s with { Acks = s.Acks.RemoveAt(a.Index) },
        _ => throw new ArgumentOutOfRangeException(nameof(a)),
    };

    private AbpState Receive(AbpState s)
    {
        var (payload, bit) = (s.Data.Head >> 1, (byte)(s.Data.Head & 1));
        s = s with { Data = s.Data.Dequeue() };
        if (useBit && bit != s.ExpectedBit) return Ack(s, bit);   // a copy of the previous message: re-acknowledge only
        if (useBit) s = s with { ExpectedBit = (byte)(s.ExpectedBit ^ 1) };
        s = payload == s.Delivered && !s.Misdelivered
            ? s with { Delivered = (byte)(s.Delivered + 1) }
            : s with { Misdelivered = true };
        return Ack(s, bit);
    }

    /// <summary>Acknowledges with <paramref name="bit"/>; when the ack channel is full the ack is lost.</summary>
    private AbpState Ack(AbpState s, byte bit) => s.Acks.Count < capacity ? s with { Acks = s.Acks.Enqueue(bit) } : s;

    private AbpState ReceiveAck(AbpState s)
    {
        var bit = s.Acks.Head;
        s = s with { Acks = s.Acks.Dequeue() };
        var current = !useBit || bit == s.SenderBit;
        if (!current || s.Next == messages) return s;
        return s with { Next = (byte)(s.Next + 1), SenderBit = useBit ? (byte)(s.SenderBit ^ 1) : (byte)0 };
    }

    /// <summary>All messages acknowledged and both channels drained: the protocol has finished.</summary>
    public bool IsTerminal(in AbpState s) => s.Next == messages && s.Data.Count == 0 && s.Acks.Count == 0;

    public IReadOnlyList<Property<AbpState, AbpAction>> Properties =>
    [
        Property<AbpState, AbpAction>.Always("in-order", s => !s.Misdelivered,
            "every message is delivered exactly once, in order"),
        Property<AbpState, AbpAction>.Sometimes("all-delivered-reachable", s => s.Delivered == messages),
        Property<AbpState, AbpAction>.Eventually("eventually-all-delivered", s => s.Delivered == messages),
        Property<AbpState, AbpAction>.NoDeadlock(),
    ];

    public int MaxEncodedLength => 19;

    public int Encode(in AbpState s, Span<byte> d)
    {
        d[0] = s.Next;
        d[1] = (byte)(s.SenderBit | s.ExpectedBit << 1 | (s.Misdelivered ? 4 : 0));
        d[2] = s.Delivered;
        BinaryPrimitives.WriteUInt64LittleEndian(d[3..], s.Data.Bits);
        BinaryPrimitives.WriteUInt64LittleEndian(d[11..], s.Acks.Bits);
        return 19;
    }
}
