using TcpModelCheck.Tcp.Charts;

namespace TcpModelCheck.Tcp;

/// <summary>The control bits the model uses (RFC 9293 §3.1; URG, PSH and ECN bits are not modelled).</summary>
[Flags]
public enum SegmentFlags : byte
{
    None = 0,
    Syn = 1,
    Ack = 2,
    Fin = 4,
    Rst = 8,
}

/// <summary>
/// One segment in flight, packed into 64 bits so the network is a sorted array of integers (canonical and
/// cheap to hash). Protocol fields: sender, flags, SEG.SEQ, SEG.ACK, a one-unit data payload. Ghost fields
/// (never read by the protocol logic, only by properties and charts): the sender's incarnation, the data
/// item carried (for a FIN: how many items the sender sent before it), and the segment's age in ticks.
/// </summary>
/// <remarks>
/// Layout (low to high): seq 0–7, ack 8–15, flags 16–19, data 20, sender 21, straggler 22, ghost item 24–31, ghost
/// incarnation 32–39, age 40–47, straggler 48, sender 56. The sender sits in the top bits so a sorted array groups the
/// two directions. Bits 21 and 22 mirror bits 56 and 48: the low six bytes are then the segment's encoding as they are
/// (<see cref="TcpModel.Encode(in TcpState, Span{byte})"/>), written without a shuffle on every transition; a copy of a
/// higher bit never decides a comparison, so the canonical order is the one without them.
/// A segment carries at most one unit of sequence space (a SYN, one data item, or a FIN): SYN and FIN never
/// carry data and are never combined, which keeps the model small (documented simplification).
/// </remarks>
public readonly record struct Segment(ulong Bits) : IComparable<Segment>
{
    private const int AgeShift = 40;

    public static Segment Create(Side from, SegmentFlags flags, int seq, int ack, bool data, int incarnation, int item) =>
        new((ulong)(byte)seq | (ulong)(byte)ack << 8 | (ulong)flags << 16 | (data ? 1UL << 20 : 0)
            | (ulong)(byte)item << 24 | (ulong)(byte)incarnation << 32 | (from == Side.Server ? ServerBits : 0));

    /// <summary>The sender bit for B, with its copy in the encoded low bytes (see the remarks).</summary>
    private const ulong ServerBits = 1UL << 56 | 1UL << 21;

    /// <summary>The straggler bit, with its copy in the encoded low bytes.</summary>
    private const ulong StragglerBits = 1UL << 48 | 1UL << 22;

    /// <summary>The segment whose encoding (<see cref="Encoded"/>) is <paramref name="low48"/>.</summary>
    internal static Segment FromEncoded(ulong low48) =>
        new(low48 | (low48 >> 21 & 1) << 56 | (low48 >> 22 & 1) << 48);

    /// <summary>The six bytes of the encoding, as the low 48 bits (see the remarks).</summary>
    internal ulong Encoded => Bits & 0xFFFF_FFFF_FFFFUL;

    public Side From => (Bits >> 56 & 1) == 0 ? Side.Client : Side.Server;
    public Side To => From == Side.Client ? Side.Server : Side.Client;
    public SegmentFlags Flags => (SegmentFlags)(Bits >> 16 & 0xF);
    public int Seq => (int)(Bits & 0xFF);
    public int Ack => (int)(Bits >> 8 & 0xFF);
    public bool HasData => (Bits >> 20 & 1) != 0;
    public bool Syn => (Flags & SegmentFlags.Syn) != 0;
    public bool HasAck => (Flags & SegmentFlags.Ack) != 0;
    public bool Fin => (Flags & SegmentFlags.Fin) != 0;
    public bool Rst => (Flags & SegmentFlags.Rst) != 0;

    /// <summary>SEG.LEN: sequence space occupied (RFC 9293 §3.4): one for SYN, FIN or a data item, else zero.</summary>
    public int Length => Syn || Fin || HasData ? 1 : 0;

    /// <summary>Ghost: the data item (0-based) carried, or for a FIN the number of items sent before it.</summary>
    public int Item => (int)(Bits >> 24 & 0xFF);

    /// <summary>Ghost: the sender's connection incarnation (0 = sent by a host with no TCB). Under
    /// <see cref="Reduction.DeadGhosts"/> a segment whose incarnation no rule reads (<see cref="IncarnationRead"/>)
    /// carries <see cref="UntrackedIncarnation"/> instead.</summary>
    public int Incarnation => (int)(Bits >> 32 & 0xFF);

    /// <summary>Ticks spent in the network so far (never more than MSL).</summary>
    public int Age => (int)(Bits >> AgeShift & 0xFF);

    /// <summary>A straggler may stay in the network for up to MSL ticks; a prompt segment is delivered or lost
    /// before the clock ticks (see <see cref="TcpConfig.DelayBudget"/>).</summary>
    public bool Straggler => (Bits >> 48 & 1) != 0;

    /// <summary>The ghost incarnation a segment with <paramref name="flags"/> carries under
    /// <see cref="Reduction.DeadGhosts"/> when no rule reads it: 0 for a RST, as if sent without a TCB (so a reset from
    /// a TCB and the same reset from a CLOSED host are one segment: most of the reduction), 1 for an ACK or a SYN-ACK.</summary>
    /// <remarks>1, the first connection's number, because in a one-connection run every TCB's incarnation is 1 anyway:
    /// its ACKs keep their unreduced value and so their place in the canonical order, and the run keeps the
    /// counterexamples it had (only the order of its RSTs can move).</remarks>
    public static int UntrackedIncarnation(SegmentFlags flags) => (flags & SegmentFlags.Rst) != 0 ? 0 : 1;

    /// <summary>
    /// Whether any rule reads the ghost incarnation of a segment with these <paramref name="flags"/>: a data item or a
    /// FIN (the receiver compares it with its own incarnation: stale data, stale end-of-stream — also after holding
    /// it for reassembly), and a SYN without ACK or RST (LISTEN adopts it for the new TCB, RFC 9293 §3.10.7.2 — also
    /// when TIME-WAIT reopens, RFC 6191). Every other segment (a pure ACK, a RST, a SYN-ACK) has its incarnation
    /// read by no rule and no property (the one rule that reads it sets the ghost <see cref="Endpoint.PeerIncarnation"/>,
    /// which nothing reads): it is dead (<see cref="Reduction.DeadGhosts"/>).
    /// </summary>
    public static bool IncarnationRead(SegmentFlags flags, bool data) =>
        data || (flags & SegmentFlags.Fin) != 0 || (flags & (SegmentFlags.Syn | SegmentFlags.Ack | SegmentFlags.Rst)) == SegmentFlags.Syn;

    internal Segment Aged() => new(Bits + (1UL << AgeShift));

    internal Segment AsStraggler() => new(Bits | StragglerBits);

    public int CompareTo(Segment other) => Bits.CompareTo(other.Bits);

    /// <summary>The flags in RFC figure order, e.g. "SYN,ACK".</summary>
    public string FlagText
    {
        get
        {
            var parts = new List<string>(3);
            if (Syn) parts.Add("SYN");
            if (Fin) parts.Add("FIN");
            if (Rst) parts.Add("RST");
            if (HasAck) parts.Add("ACK");
            return string.Join(',', parts);
        }
    }

    /// <summary>The chart form of this segment.</summary>
    public SegmentLabel Label => new(From, FlagText, Seq, HasAck ? Ack : null,
        HasData ? $"d{Item + 1}" : null, Incarnation);

    public override string ToString() => Label.ToString();
}
