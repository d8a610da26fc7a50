using TcpModelCheck.Engine.Storage;

namespace TcpModelCheck.Engine.Tests.Storage;

public class PredecessorLogTests
{
    [Fact]
    public void Path_is_rebuilt_from_parent_links()
    {
        var log = new PredecessorLog();
        Assert.Equal(0, log.Add(-1, 1));   // initial state #1
        Assert.Equal(1, log.Add(0, 3));
        Assert.Equal(2, log.Add(0, 0));
        Assert.Equal(3, log.Add(2, 5));
        Assert.Equal(-1, log.Parent(0));
        Assert.Equal(2, log.Parent(3));
        Assert.Equal(5, log.Choice(3));
        var (initial, choices) = log.PathTo(3);
        Assert.Equal(1, initial);
        Assert.Equal([0, 5], choices);
    }

    [Fact]
    public void Entries_are_eight_bytes_and_keep_large_values()
    {
        var log = new PredecessorLog();
        log.EnsureCount(70_000);   // more than one chunk
        log.Set(69_999, 1L << 39, (1 << 24) - 1);
        Assert.Equal(1L << 39, log.Parent(69_999));
        Assert.Equal((1 << 24) - 1, log.Choice(69_999));
        Assert.Equal(2L * 65_536 * 8, log.Bytes);
    }

    [Fact]
    public void Out_of_range_choice_is_refused_not_wrapped()
    {
        var log = new PredecessorLog();
        var e = Assert.Throws<InvalidOperationException>(() => log.Add(0, 1 << 24));
        Assert.Contains("2^24 actions", e.Message);
    }

    [Fact]
    public void Chunked_array_releases_consumed_chunks()
    {
        var a = new ChunkedArray<int>();
        for (var i = 0; i < 200_000; i++) a.Add(i);
        Assert.Equal(199_999, a[199_999]);
        a.ReleaseBelow(140_000);   // chunks 0 and 1 (65,536 entries each) are wholly below
        Assert.Throws<InvalidOperationException>(() => a[131_071]);
        Assert.Equal(131_072, a[131_072]);
        Assert.Equal(2L * 65_536 * 4, a.Bytes);
        Assert.Throws<ArgumentOutOfRangeException>(() => a[200_000]);
    }

    [Fact]
    public void Packed_chunks_unpack_to_the_same_entries()
    {
        // parents that rise, repeat and fall back (a deferred insert), initial states, the largest values
        var random = new Random(3);
        var entries = new ulong[5_000];
        long parent = 0;
        for (var i = 0; i < entries.Length; i++)
        {
            parent = random.Next(10) switch { 0 => parent - random.Next(0, 2_000), 1 => -1, 2 => (1L << 40) - 2, _ => parent + random.Next(0, 3) };
            parent = Math.Clamp(parent, -1, (1L << 40) - 2);
            entries[i] = PredecessorLog.Pack(parent, random.Next(3) == 0 ? (1 << 24) - 1 : random.Next(0, 40));
        }
        var packed = new byte[entries.Length * 20];
        var n = PredecessorLog.Pack(entries, packed);
        var back = new ulong[entries.Length];
        PredecessorLog.Unpack(packed.AsSpan(0, n), back);
        Assert.Equal(entries, back);
        Assert.Throws<InvalidDataException>(() => PredecessorLog.Unpack(packed.AsSpan(0, n - 1), back));
    }
}
