using System.Runtime.CompilerServices;

namespace TcpModelCheck.Bench.Promela;

/// <summary>
/// <c>net[]</c> and <c>n</c> of <c>tcp.pml</c> packed into one 64-bit word: six 10-bit slots at bits 10·k
/// (slot k = <c>net[k]</c>) and <c>n</c> at bits 60–62. <c>insertcode</c> and <c>rmseg</c> become a few shifts.
/// </summary>
/// <remarks>
/// A Promela segment code is <c>dst&lt;&lt;10 | flags&lt;&lt;6 | low</c> with <c>low = seq&lt;&lt;3 | ack</c>
/// (6 bits; in the seeded-bug variant an <c>ack</c> above 7 ORs into <c>seq</c>, as in Promela, and stays below
/// 64). Only five flag values are ever sent — SYN 1, ACK 2, SYN|ACK 3, FIN|ACK 6, DATA|ACK 10 — so a slot holds
/// <c>dst&lt;&lt;9 | rank&lt;&lt;6 | low</c>, rank 1..5 in that order. The map is a bijection that preserves
/// order, so the slots are sorted exactly as the Promela code sorts <c>net[]</c> and RECV(K), LOSE(K), DUPL(K)
/// name the same segment as in SPIN; rank 0 never occurs, so an empty slot (0) is never a segment.
/// </remarks>
internal static class PmlNet
{
    public const int SlotBits = 10, NShift = 60;
    private const ulong SlotMask = (1UL << SlotBits) - 1, SlotsMask = (1UL << NShift) - 1;

    private static ReadOnlySpan<byte> RankOfFlags => [0, 1, 2, 3, 0, 0, 4, 0, 0, 0, 5, 0, 0, 0, 0, 0];
    private static ReadOnlySpan<byte> FlagsOfRank => [0, 1, 2, 3, 6, 10, 0, 0];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int N(ulong net) => (int)(net >> NShift) & 7;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Slot(ulong net, int k) => (int)(net >> (SlotBits * k)) & (int)SlotMask;

    /// <summary>The destination endpoint of a slot (bit 9).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Dst(int slot) => slot >> 9;

    public static int Flags(int slot) => FlagsOfRank[(slot >> 6) & 7];

    /// <summary>The 6-bit <c>seq&lt;&lt;3 | ack</c> part.</summary>
    public static int Low(int slot) => slot & 63;

    /// <summary>The slot of Promela's <c>(dst&lt;&lt;10) | (fl&lt;&lt;6) | (s&lt;&lt;3) | a</c>.</summary>
    public static int Encode(int dst, int fl, int s, int a)
    {
        var low = (s << 3) | a;
        var rank = (uint)fl < 16 ? RankOfFlags[fl] : 0;
        if (rank == 0 || (uint)low > 63) throw new OverflowException($"segment flags={fl} seq={s} ack={a} is outside tcp.pml's codes");
        return dst << 9 | rank << 6 | low;
    }

    /// <summary>The Promela code of a slot (0 for an empty one), as <c>spin -g</c> prints <c>net[k]</c>.</summary>
    public static int PromelaCode(int slot) => slot == 0 ? 0 : Dst(slot) << 10 | Flags(slot) << 6 | Low(slot);

    /// <summary><c>rmseg(i)</c>: slots above i move down one, <c>n--</c>, the freed top slot becomes 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Remove(ulong net, int i)
    {
        var below = (1UL << (SlotBits * i)) - 1;
        var slots = net & SlotsMask;
        var rest = (slots >> SlotBits) & ~below;
        return (slots & below | rest) | (ulong)(N(net) - 1) << NShift;
    }

    /// <summary><c>insertcode(c)</c>: append at <c>n</c> and bubble down past every larger slot (so c lands after
    /// its equals), <c>n++</c>. The caller guarantees <c>n &lt; MAXF ≤ 6</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Insert(ulong net, int slot)
    {
        var n = N(net);
        var j = n;
        while (j > 0 && Slot(net, j - 1) > slot) j--;
        var below = (1UL << (SlotBits * j)) - 1;
        var slots = net & SlotsMask;
        var moved = ((slots & ~below) << SlotBits) & SlotsMask;
        return slots & below | (ulong)slot << (SlotBits * j) | moved | (ulong)(n + 1) << NShift;
    }
}
