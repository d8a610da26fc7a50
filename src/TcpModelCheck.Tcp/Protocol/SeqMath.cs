namespace TcpModelCheck.Tcp;

/// <summary>
/// Sequence-number arithmetic modulo the sequence space (RFC 9293 §3.4: "all arithmetic dealing with sequence
/// numbers must be performed modulo 2^32"). The width is a parameter: the explorer uses a small space
/// (<see cref="TcpConfig.SequenceSpace"/>, 4–256) so wrap-around is reachable; the conformance checker's open
/// endpoint uses the real 2^32 (<see cref="Full"/>). Numbers are held as <c>int</c>; with the full space an
/// <c>int</c> is read as its unsigned 32-bit value. "a &lt; b" means b lies in the half of the space ahead of a.
/// </summary>
internal readonly struct SeqMath(long space)
{
    /// <summary>The 32-bit sequence space of real TCP.</summary>
    public static SeqMath Full => new(1L << 32);

    public long Space { get; } = space;

    /// <summary>Space − 1 when the space is a power of two (the default 32, and 2^32), else −1.</summary>
    private readonly long _mask = (space & (space - 1)) == 0 ? space - 1 : -1;

    /// <summary>v modulo the space, in [0, space). For a power of two a mask (two's complement makes it right for a
    /// negative v too); otherwise two 64-bit divisions, which were 1.3 % of a pinned rfc9293/reconnect search in one
    /// caller alone (the acceptability test).</summary>
    private long Norm(long v) => _mask >= 0 ? v & _mask : (v % Space + Space) % Space;

    private static long Unsigned(int a) => (uint)a;

    public int Add(int a, int n) => (int)(uint)Norm(Unsigned(a) + n);

    /// <summary>(b − a) mod space: how far b lies ahead of a.</summary>
    public long Distance(int a, int b) => Norm(Unsigned(b) - Unsigned(a));

    /// <summary>a &lt; b modulo the space.</summary>
    public bool Lt(int a, int b)
    {
        var d = Distance(a, b);
        return d != 0 && d < Space / 2;
    }

    /// <summary>a =&lt; b modulo the space.</summary>
    public bool Le(int a, int b) => a == b || Lt(a, b);

    /// <summary>start =&lt; x &lt; start + length (modulo the space).</summary>
    public bool InWindow(int x, int start, int length) => Distance(start, x) < length;

    /// <summary>
    /// The segment acceptability test of RFC 9293 §3.10.7.4 (Table 6): a zero-length segment is acceptable when
    /// its SEG.SEQ is the next expected number (zero window) or inside the window; a segment occupying sequence
    /// space when its first or last number falls inside a non-zero window.
    /// </summary>
    public bool Acceptable(int segSeq, int segLen, int rcvNxt, int rcvWnd) => (segLen, rcvWnd) switch
    {
        (0, 0) => segSeq == rcvNxt,
        (0, _) => InWindow(segSeq, rcvNxt, rcvWnd),
        (_, 0) => false,
        _ => InWindow(segSeq, rcvNxt, rcvWnd) || InWindow(Add(segSeq, segLen - 1), rcvNxt, rcvWnd),
    };
}
