using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;

namespace TcpModelCheck.Bench.Promela;

/// <summary>
/// One global state of <c>tcp.pml</c>: exactly its global variables, packed into two 64-bit words. The scratch
/// variables (<c>hidden</c>) are not part of it, and every process sits at its loop head between steps, so
/// nothing else is. <c>net[]</c> is kept sorted with zeros after <c>n</c> (as the Promela code keeps it), so
/// equal multisets of segments are equal states: the packing is canonical and equality is bitwise.
/// </summary>
/// <remarks>
/// Layout. <c>Lo</c>: <c>net[0..4]</c> (11 bits each, a segment code is <c>dst&lt;&lt;10 | flags&lt;&lt;6 |
/// seq&lt;&lt;3 | ack</c>) at bits 0–54, <c>n</c> at 55–57, <c>lost</c> 58–60, <c>dupd</c> 61–63.
/// <c>Hi</c>: <c>net[5]</c> at 0–10, then one 24-bit block per endpoint at 11 + 24·me: <c>st</c> 4 bits,
/// <c>snd_una</c> 3, <c>snd_nxt</c> 3, <c>rcv_nxt</c> 5, <c>opened</c> 1, <c>sent</c> 1, <c>got</c> 4,
/// <c>rtx</c> 3. The widths hold every value reachable within <see cref="PmlBounds"/>'s ranges, also in the
/// seeded-bug variant (where old data may be accepted again, so <c>got</c> and <c>rcv_nxt</c> keep growing,
/// by at most one per data/FIN copy: at most 2 + RTX + DUP ≤ 16); <see cref="Pack"/> refuses a value that
/// does not fit rather than wrap it.
/// </remarks>
public readonly struct PmlState : IEquatable<PmlState>
{
    private const int SegBits = 11, SegMask = (1 << SegBits) - 1, EpShift = 11, EpBits = 24;

    public PmlState(ulong lo, ulong hi) { Lo = lo; Hi = hi; }

    public ulong Lo { get; }
    public ulong Hi { get; }

    public int Net(int k) => k < 5 ? (int)(Lo >> (SegBits * k)) & SegMask : (int)Hi & SegMask;
    public int N => (int)(Lo >> 55) & 7;
    public int Lost => (int)(Lo >> 58) & 7;
    public int Dupd => (int)(Lo >> 61) & 7;

    private int Ep(int me) => (int)(Hi >> (EpShift + EpBits * me)) & ((1 << EpBits) - 1);
    public int St(int me) => Ep(me) & 15;
    public int SndUna(int me) => (Ep(me) >> 4) & 7;
    public int SndNxt(int me) => (Ep(me) >> 7) & 7;
    public int RcvNxt(int me) => (Ep(me) >> 10) & 31;
    public bool Opened(int me) => ((Ep(me) >> 15) & 1) != 0;
    public bool Sent(int me) => ((Ep(me) >> 16) & 1) != 0;
    public int Got(int me) => (Ep(me) >> 17) & 15;
    public int Rtx(int me) => (Ep(me) >> 21) & 7;

    internal PmlVars Unpack()
    {
        var v = new PmlVars { N = N, Lost = Lost, Dupd = Dupd };
        for (var k = 0; k < 6; k++) v.Net[k] = Net(k);
        for (var me = 0; me < 2; me++)
        {
            var e = Ep(me);
            v.Ep[me] = new EndpointVars
            {
                St = e & 15, SndUna = (e >> 4) & 7, SndNxt = (e >> 7) & 7, RcvNxt = (e >> 10) & 31,
                Opened = ((e >> 15) & 1) != 0, Sent = ((e >> 16) & 1) != 0, Got = (e >> 17) & 15, Rtx = (e >> 21) & 7,
            };
        }
        return v;
    }

    internal static PmlState Pack(in PmlVars v)
    {
        ulong lo = 0;
        for (var k = 0; k < 5; k++) lo |= (ulong)Fit(v.Net[k], SegBits, "net[]") << (SegBits * k);
        lo |= (ulong)Fit(v.N, 3, "n") << 55 | (ulong)Fit(v.Lost, 3, "lost") << 58 | (ulong)Fit(v.Dupd, 3, "dupd") << 61;
        var hi = (ulong)Fit(v.Net[5], SegBits, "net[]");
        for (var me = 0; me < 2; me++) hi |= (ulong)PackEndpoint(v.Ep[me]) << (EpShift + EpBits * me);
        return new PmlState(lo, hi);
    }

    private static int PackEndpoint(in EndpointVars e) =>
        Fit(e.St, 4, "st") | Fit(e.SndUna, 3, "snd_una") << 4 | Fit(e.SndNxt, 3, "snd_nxt") << 7
        | Fit(e.RcvNxt, 5, "rcv_nxt") << 10 | (e.Opened ? 1 << 15 : 0) | (e.Sent ? 1 << 16 : 0)
        | Fit(e.Got, 4, "got") << 17 | Fit(e.Rtx, 3, "rtx") << 21;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Fit(int value, int bits, string name) =>
        (uint)value < 1u << bits ? value : throw new OverflowException($"tcp.pml variable {name} = {value} does not fit its {bits}-bit field");

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

    /// <summary>The globals, roughly as <c>spin -t</c> prints them, e.g.
    /// <c>net=[E1 SYN seq=0 ack=0] lost=0 dupd=0 | E0 SYN_SENT una=0 nxt=1 rcv=0 ... | E1 LISTEN ...</c>.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder("net=[");
        for (var k = 0; k < N; k++) sb.Append(k > 0 ? ", " : "").Append(PmlFormat.Segment(Net(k)));
        sb.Append($"] lost={Lost} dupd={Dupd}");
        for (var me = 0; me < 2; me++)
            sb.Append($" | E{me} {PmlFormat.StateName(St(me))} una={SndUna(me)} nxt={SndNxt(me)} rcv={RcvNxt(me)}")
              .Append($" opened={(Opened(me) ? 1 : 0)} sent={(Sent(me) ? 1 : 0)} got={Got(me)} rtx={Rtx(me)}");
        return sb.ToString();
    }
}
