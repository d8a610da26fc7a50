using System.Buffers.Binary;
using System.Text;

namespace TcpModelCheck.Bench.Promela;

/// <summary>
/// One global state of <c>tcp.pml</c>: exactly its global variables, packed into two 64-bit words. The scratch
/// variables (<c>hidden</c>) are not part of it, and every process sits at its loop head between steps, so
/// nothing else is. <c>net[]</c> is kept sorted with zeros after <c>n</c> (as the Promela code keeps it), so
/// equal multisets of segments are equal states: the packing is canonical and equality is bitwise.
/// </summary>
/// <remarks>
/// Layout. <c>Lo</c>: <c>net[0..5]</c> and <c>n</c> (<see cref="PmlNet"/>). <c>Hi</c>: one 24-bit block per
/// endpoint at bit 24·me (<see cref="EndpointVars"/>), <c>lost</c> at bits 48–50, <c>dupd</c> at 51–53.
/// </remarks>
public readonly struct PmlState : IEquatable<PmlState>
{
    internal const int LostShift = 48, DupdShift = 51;

    public PmlState(ulong lo, ulong hi) { Lo = lo; Hi = hi; }

    public ulong Lo { get; }
    public ulong Hi { get; }

    public int N => PmlNet.N(Lo);

    /// <summary><c>net[k]</c> as Promela has it: the segment code <c>dst&lt;&lt;10 | flags&lt;&lt;6 | seq&lt;&lt;3 |
    /// ack</c>, 0 for k ≥ n.</summary>
    public int Net(int k) => PmlNet.PromelaCode(PmlNet.Slot(Lo, k));

    public int Lost => (int)(Hi >> LostShift) & 7;
    public int Dupd => (int)(Hi >> DupdShift) & 7;

    internal int Block(int me) => (int)(Hi >> (EndpointVars.Bits * me)) & ((1 << EndpointVars.Bits) - 1);
    public int St(int me) => Block(me) & EndpointVars.StMask;
    public int SndUna(int me) => (Block(me) >> 4) & 7;
    public int SndNxt(int me) => (Block(me) >> 7) & 7;
    public int RcvNxt(int me) => (Block(me) & EndpointVars.RcvNxtMask) >> EndpointVars.RcvNxtShift;
    public bool Opened(int me) => ((Block(me) >> 15) & 1) != 0;
    public bool Sent(int me) => ((Block(me) >> 16) & 1) != 0;
    public int Got(int me) => (Block(me) & EndpointVars.GotMask) >> EndpointVars.GotShift;
    public int Rtx(int me) => (Block(me) >> 21) & 7;

    /// <summary>The canonical encoding: the two words, little-endian (16 bytes).</summary>
    public int Encode(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(destination, Lo);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[8..], Hi);
        return 16;
    }

    public bool Equals(PmlState other) => Lo == other.Lo && Hi == other.Hi;
    public override bool Equals(object? obj) => obj is PmlState s && Equals(s);
    public static bool operator ==(PmlState a, PmlState b) => a.Equals(b);
    public static bool operator !=(PmlState a, PmlState b) => !a.Equals(b);

    /// <summary>A well-mixed in-process hash for dictionaries (the engine's fingerprints use <see cref="Encode"/>).</summary>
    public override int GetHashCode()
    {
        var h = Lo * 0x9E3779B97F4A7C15UL ^ Hi * 0xC2B2AE3D27D4EB4FUL;
        h ^= h >> 31;
        h *= 0xBF58476D1CE4E5B9UL;
        return (int)(h ^ h >> 32);
    }

    /// <summary>The globals, e.g. <c>net=[→E1 SYN seq=0 ack=0] lost=0 dupd=0 | E0 SYN_SENT una=0 nxt=1 ... | E1 LISTEN ...</c>.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder("net=[");
        for (var k = 0; k < N; k++) sb.Append(k > 0 ? ", " : "").Append(PmlFormat.Segment(Net(k)));
        sb.Append($"] lost={Lost} dupd={Dupd}");
        for (var me = 0; me < 2; me++) sb.Append($" | E{me} {EndpointVars.Unpack(Block(me))}");
        return sb.ToString();
    }
}
