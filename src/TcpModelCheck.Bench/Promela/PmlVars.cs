namespace TcpModelCheck.Bench.Promela;

/// <summary>
/// The per-endpoint globals of <c>tcp.pml</c> (<c>st[me]</c>, <c>snd_una[me]</c>, ...), unpacked from / packed
/// into a 24-bit block: <c>st</c> 4 bits, <c>snd_una</c> 3, <c>snd_nxt</c> 3, <c>rcv_nxt</c> 5, <c>opened</c> 1,
/// <c>sent</c> 1, <c>got</c> 4, <c>rtx</c> 3.
/// </summary>
/// <remarks>The widths hold every value reachable within <see cref="PmlBounds"/>'s ranges, also in the
/// seeded-bug variant, where old data and FIN copies may be accepted again, so <c>got</c> and <c>rcv_nxt</c>
/// keep growing — by at most one per copy, and there are at most 2 + RTX + DUP ≤ 16 copies. <see cref="Pack"/>
/// refuses a value that does not fit rather than wrap it.</remarks>
internal struct EndpointVars
{
    public const int Bits = 24;
    public const int StMask = 15, GotShift = 17, GotMask = 15 << GotShift, RcvNxtShift = 10, RcvNxtMask = 31 << RcvNxtShift;

    public int St;
    public int SndUna;
    public int SndNxt;
    public int RcvNxt;
    public bool Opened;
    public bool Sent;
    public int Got;
    public int Rtx;

    public static EndpointVars Unpack(int e) => new()
    {
        St = e & StMask, SndUna = (e >> 4) & 7, SndNxt = (e >> 7) & 7, RcvNxt = (e & RcvNxtMask) >> RcvNxtShift,
        Opened = ((e >> 15) & 1) != 0, Sent = ((e >> 16) & 1) != 0, Got = (e & GotMask) >> GotShift, Rtx = (e >> 21) & 7,
    };

    public readonly int Pack()
    {
        if ((uint)St > 15 | (uint)SndUna > 7 | (uint)SndNxt > 7 | (uint)RcvNxt > 31 | (uint)Got > 15 | (uint)Rtx > 7)
            throw new OverflowException($"tcp.pml endpoint variables out of their packed range: {this}");
        return St | SndUna << 4 | SndNxt << 7 | RcvNxt << RcvNxtShift | (Opened ? 1 << 15 : 0) | (Sent ? 1 << 16 : 0)
            | Got << GotShift | Rtx << 21;
    }

    public override readonly string ToString() =>
        $"{PmlFormat.StateName(St)} una={SndUna} nxt={SndNxt} rcv={RcvNxt} opened={(Opened ? 1 : 0)} sent={(Sent ? 1 : 0)} got={Got} rtx={Rtx}";
}
