namespace TcpModelCheck.Tcp.Tests;

/// <summary>The segment acceptability test of RFC 9293 §3.10.7.4 (Table 6) and modular comparisons (§3.4),
/// including windows that wrap around the end of the sequence space.</summary>
public sealed class AcceptabilityTests
{
    private static readonly SeqMath Seq = new(16);

    [Theory]
    // zero length, zero window: only SEG.SEQ = RCV.NXT
    [InlineData(5, 0, 5, 0, true)]
    [InlineData(6, 0, 5, 0, false)]
    // zero length, open window: RCV.NXT =< SEG.SEQ < RCV.NXT+RCV.WND
    [InlineData(5, 0, 5, 2, true)]
    [InlineData(6, 0, 5, 2, true)]
    [InlineData(7, 0, 5, 2, false)]
    [InlineData(4, 0, 5, 2, false)]
    // occupying sequence space, zero window: never
    [InlineData(5, 1, 5, 0, false)]
    // occupying sequence space, open window: first or last number inside
    [InlineData(5, 1, 5, 2, true)]
    [InlineData(6, 1, 5, 2, true)]
    [InlineData(7, 1, 5, 2, false)]
    [InlineData(4, 1, 5, 2, false)]
    [InlineData(4, 2, 5, 2, true)]
    public void Table6(int segSeq, int segLen, int rcvNxt, int rcvWnd, bool acceptable) =>
        Assert.Equal(acceptable, Seq.Acceptable(segSeq, segLen, rcvNxt, rcvWnd));

    [Theory]
    [InlineData(15, 0, 15, 2, true)]
    [InlineData(0, 0, 15, 2, true)]
    [InlineData(1, 0, 15, 2, false)]
    [InlineData(0, 1, 15, 2, true)]
    [InlineData(14, 1, 15, 2, false)]
    [InlineData(14, 2, 15, 2, true)]
    [InlineData(1, 1, 15, 3, true)]
    public void WindowsWrapAround(int segSeq, int segLen, int rcvNxt, int rcvWnd, bool acceptable) =>
        Assert.Equal(acceptable, Seq.Acceptable(segSeq, segLen, rcvNxt, rcvWnd));

    [Theory]
    [InlineData(14, 1, true)]
    [InlineData(15, 0, true)]
    [InlineData(0, 15, false)]
    [InlineData(3, 10, true)]
    [InlineData(3, 11, false)]   // exactly half the space apart: neither is less (and not the other way round)
    [InlineData(11, 3, false)]
    [InlineData(3, 12, false)]
    [InlineData(12, 3, true)]
    [InlineData(7, 7, false)]
    public void LessThanIsModular(int a, int b, bool less) => Assert.Equal(less, Seq.Lt(a, b));

    [Fact]
    public void AdditionWraps()
    {
        Assert.Equal(1, Seq.Add(15, 2));
        Assert.Equal(15, Seq.Add(0, -1));
        Assert.Equal(3, Seq.Distance(14, 1));
    }

    /// <summary>The mask a power-of-two space uses gives what the divisions give, for negative differences too, and a
    /// space that is not a power of two still divides: every pair of numbers, in spaces of 4, 12, 16, 20, 32 and 2^32.</summary>
    [Theory]
    [InlineData(4L)]
    [InlineData(12L)]
    [InlineData(16L)]
    [InlineData(20L)]
    [InlineData(32L)]
    [InlineData(1L << 32)]
    public void Modular_arithmetic_matches_its_definition(long space)
    {
        var seq = new SeqMath(space);
        static long Mod(long v, long m) => (v % m + m) % m;
        var numbers = space <= 32 ? Enumerable.Range(0, (int)space).ToArray() : [0, 1, 2, int.MaxValue, int.MinValue, -2, -1, 12345];
        foreach (var a in numbers)
            foreach (var b in numbers)
            {
                long ua = (uint)a, ub = (uint)b;
                Assert.Equal(Mod(ub - ua, space), seq.Distance(a, b));
                var d = Mod(ub - ua, space);
                Assert.Equal(d != 0 && d < space / 2, seq.Lt(a, b));
                foreach (var n in new[] { -3, -1, 0, 1, 5 })
                    Assert.Equal((int)(uint)Mod(ua + n, space), seq.Add(a, n));
            }
    }
}
