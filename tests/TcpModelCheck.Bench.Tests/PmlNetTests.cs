using TcpModelCheck.Bench.Promela;

namespace TcpModelCheck.Bench.Tests;

/// <summary>The packed network word against a literal transcription of Promela's <c>net[]</c> code.</summary>
public class PmlNetTests
{
    private static readonly int[] SentFlags = [1, 2, 3, 6, 10];   // SYN, ACK, SYN|ACK, FIN|ACK, DATA|ACK

    [Fact]
    public void The_slot_encoding_is_a_bijection_on_sent_segments_that_keeps_promelas_order()
    {
        var pairs = (from dst in new[] { 0, 1 } from fl in SentFlags from low in Enumerable.Range(0, 64)
                     select (Promela: dst << 10 | fl << 6 | low, Slot: PmlNet.Encode(dst, fl, low >> 3, low & 7))).ToList();

        Assert.All(pairs, p => Assert.Equal(p.Promela, PmlNet.PromelaCode(p.Slot)));
        Assert.All(pairs, p => Assert.InRange(p.Slot, 1, 1023));
        Assert.Equal(pairs.OrderBy(p => p.Promela).Select(p => p.Slot), pairs.Select(p => p.Slot).Order());
    }

    [Theory]
    [InlineData(5, 0, 0)]    // SYN|FIN: never sent
    [InlineData(0, 0, 0)]    // no flags
    [InlineData(2, 0, 64)]   // an ack that would OR into the flags
    public void Codes_tcp_pml_never_sends_are_refused(int flags, int seq, int ack) =>
        Assert.Throws<OverflowException>(() => PmlNet.Encode(1, flags, seq, ack));

    /// <summary>Every sequence of up to six insertcode/rmseg operations over five codes (one of them twice,
    /// one an ack of 8 that ORs into seq as in the seeded-bug variant) leaves the word equal to the array.</summary>
    [Fact]
    public void Insert_and_remove_match_promelas_insertcode_and_rmseg_on_every_short_sequence()
    {
        int[] codes = [1 << 10 | 1 << 6, 3 << 6 | 4 << 3 | 1, 1 << 10 | 2 << 6 | 1 << 3 | 5, 10 << 6 | 5 << 3 | 2, 2 << 6 | (1 << 3 | 8)];
        var checkedStates = Explore(0UL, new int[6], 0, codes, depth: 6);
        Assert.True(checkedStates > 100_000, $"only {checkedStates} sequences checked");
    }

    private static int Explore(ulong word, int[] net, int n, int[] codes, int depth)
    {
        Assert.Equal(n, PmlNet.N(word));
        for (var k = 0; k < 6; k++) Assert.Equal(net[k], PmlNet.PromelaCode(PmlNet.Slot(word, k)));
        if (depth == 0) return 1;
        var count = 1;
        if (n < 6)
            foreach (var c in codes)
            {
                var (next, m) = (net.ToArray(), n);
                InsertCode(next, ref m, c);
                count += Explore(PmlNet.Insert(word, PmlNet.Encode(c >> 10, (c >> 6) & 15, 0, c & 63)), next, m, codes, depth - 1);
            }
        for (var i = 0; i < n; i++)
        {
            var (next, m) = (net.ToArray(), n);
            RmSeg(next, ref m, i);
            count += Explore(PmlNet.Remove(word, i), next, m, codes, depth - 1);
        }
        return count;
    }

    // tcp.pml, verbatim in C#.
    private static void InsertCode(int[] net, ref int n, int c)
    {
        net[n] = c; var j = n; n++;
        while (j > 0 && net[j - 1] > net[j]) { (net[j], net[j - 1]) = (net[j - 1], net[j]); j--; }
    }

    private static void RmSeg(int[] net, ref int n, int i)
    {
        var j = i;
        while (j < n - 1) { net[j] = net[j + 1]; j++; }
        n--; net[n] = 0;
    }
}
