using TcpModelCheck.Engine.Simulation;
using TcpModelCheck.Engine.Storage;

namespace TcpModelCheck.Engine.Tests.Storage;

public class SegmentedTableTests
{
    /// <summary>Distinct non-zero pseudo-random hashes (SplitMix64 is a bijection, so no repeats).</summary>
    private static ulong[] Hashes(int count, ulong seed)
    {
        var rng = new SplitMix64(seed);
        var result = new ulong[count];
        for (var i = 0; i < count; i++)
        {
            var h = rng.NextUInt64();
            result[i] = h == 0 ? 1 : h;
        }
        return result;
    }

    [Fact]
    public void Fingerprint_table_grows_and_remembers_every_key()
    {
        var table = new SegmentedTable<FingerprintSlot, NoKey>();
        var keys = Hashes(200_000, 7);
        foreach (var k in keys) Assert.True(table.Add(k, default));
        foreach (var k in keys) Assert.False(table.Add(k, default));
        Assert.Equal(keys.Length, table.Count);
        Assert.All(keys, k => Assert.True(table.Contains(k, default)));
        Assert.False(table.Contains(0x1234_5678_9ABC_DEF0UL, default));
        Assert.Equal(keys.Length, table.Slots().Count());
    }

    /// <summary>Slot arrays of 2 MiB or more take the huge-page path (aligned, advised, cleared by hand): a segment
    /// grown from small to beyond 2 MiB, and on through another such array, still holds every key, and a fresh
    /// one is all zero (empty) and, on Linux, 2 MiB-aligned.</summary>
    [Fact]
    public unsafe void A_segment_past_two_mebibytes_is_empty_when_new_and_keeps_every_key_as_it_grows()
    {
        const int hugePage = 2 << 20;
        var fresh = new TableSegment<FingerprintSlot, NoKey>(300_000);
        Assert.All(fresh.Slots.ToArray(), slot => Assert.Equal(0UL, slot.Hash));
        if (OperatingSystem.IsLinux())
            Assert.Equal(0UL, (ulong)System.Runtime.CompilerServices.Unsafe.AsPointer(ref fresh.First) % hugePage);

        var table = new SegmentedTable<FingerprintSlot, NoKey>();
        var keys = Hashes(500_000, 13).Select(h => h >> SegmentedTable<FingerprintSlot, NoKey>.SegmentBits | 1).Distinct().ToArray();   // all in segment 0
        foreach (var k in keys) Assert.True(table.Add(k, default));
        Assert.True(table.Bytes >= 2 * hugePage);
        foreach (var k in keys) Assert.False(table.Add(k, default));
        Assert.Equal(keys.Length, table.Count);
    }

    [Fact]
    public void Fingerprint_table_keeps_load_between_five_twelfths_and_five_eighths()
    {
        var table = new SegmentedTable<FingerprintSlot, NoKey>();
        foreach (var k in Hashes(1_000_000, 11)) table.Add(k, default);
        var load = (double)table.Count / table.Capacity;
        // every segment grows by 1.5x when its load passes 5/8, so each stays in [5/12, 5/8] once it has grown
        Assert.InRange(load, 5.0 / 12, 5.0 / 8);
        Assert.Equal(table.Capacity * 8, table.Bytes);
        Assert.InRange((double)table.Bytes / table.Count, 8 / 0.625, 19.2);
    }

    [Fact]
    public void Exact_table_keeps_distinct_states_with_the_same_hash()
    {
        var table = new SegmentedTable<StateSlot<string>, string>();
        const ulong same = 0xDEAD_BEEF_0000_0001UL;
        Assert.True(table.Add(same, "a"));
        Assert.True(table.Add(same, "b"));
        Assert.False(table.Add(same, "a"));
        Assert.False(table.Add(same, "b"));
        Assert.True(table.Contains(same, "b"));
        Assert.False(table.Contains(same, "c"));
        Assert.Equal(2, table.Count);
    }

    [Fact]
    public void Exact_table_survives_growth_with_state_payloads()
    {
        var table = new SegmentedTable<StateSlot<long>, long>();
        var keys = Hashes(50_000, 3);
        for (var i = 0; i < keys.Length; i++) Assert.True(table.Add(keys[i], i));
        for (var i = 0; i < keys.Length; i++)
        {
            Assert.True(table.Contains(keys[i], i));
            Assert.False(table.Contains(keys[i], i + 1L));   // same hash, other state: not there
        }
        Assert.Equal(keys.Length, table.Count);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Concurrent_inserts_by_segment_owners_count_exactly(int workers)
    {
        // Each key appears three times in a shuffled stream; every worker scans the whole stream and inserts
        // the keys of the segments it owns (segment mod workers), as the parallel search does.
        var distinct = Hashes(120_000, 5);
        var stream = distinct.Concat(distinct).Concat(distinct).ToArray();
        new Random(1).Shuffle(stream);
        var table = new SegmentedTable<FingerprintSlot, NoKey>();
        var added = new long[workers];
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, w =>
        {
            foreach (var h in stream)
                if (SegmentedTable<FingerprintSlot, NoKey>.SegmentOf(h) % workers == w && table.Add(h, default)) added[w]++;
        });
        Assert.Equal(distinct.Length, added.Sum());
        Assert.Equal(distinct.Length, table.Count);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void Concurrent_compare_and_swap_inserts_count_exactly_and_commit_grows(int workers)
    {
        // every key three times in a shuffled stream; all workers insert the whole stream at once, so most keys
        // are raced for; exactly one insert of each key may report it new
        var distinct = Hashes(60_000, 9);
        var stream = distinct.Concat(distinct).Concat(distinct).ToArray();
        new Random(2).Shuffle(stream);
        var table = new SegmentedTable<FingerprintSlot, NoKey>(expectedCount: 100_000);
        var perSegment = new int[workers, SegmentedTable<FingerprintSlot, NoKey>.SegmentCount];
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, w =>
        {
            foreach (var h in stream)
                if (table.AddConcurrent(h)) perSegment[w, SegmentedTable<FingerprintSlot, NoKey>.SegmentOf(h)]++;
        });
        Assert.Equal(distinct.Length, perSegment.Cast<int>().Sum());
        var capacity = table.Capacity;
        for (var s = 0; s < SegmentedTable<FingerprintSlot, NoKey>.SegmentCount; s++)
        {
            table.Account(s, Enumerable.Range(0, workers).Sum(w => perSegment[w, s]));
            table.GrowIfNeeded(s);
        }
        Assert.Equal(distinct.Length, table.Count);
        Assert.True(table.Capacity == capacity, "60,000 keys in a table sized for 100,000 need no growth");
        foreach (var k in distinct) Assert.False(table.Add(k, default));
        foreach (var k in Hashes(60_000, 10)) table.Add(k, default);   // now it must grow, keeping the load in range
        Assert.True(table.Capacity > capacity);
        Assert.InRange((double)table.Count / table.Capacity, 5 / 12.0, 5 / 8.0);   // a grown segment is at 5/12 to 5/8
    }

    [Fact]
    public void A_table_sized_for_its_keys_never_grows()
    {
        // the size hint of --expected-states: a million random fingerprints, each segment's share within 1/8 of the mean
        var keys = Hashes(1_000_000, 5);
        var table = new SegmentedTable<FingerprintSlot, NoKey>(expectedCount: keys.Length);
        var capacity = table.Capacity;
        foreach (var h in keys) Assert.True(table.Add(h, default));
        Assert.Equal(capacity, table.Capacity);
        Assert.Equal(keys.Length, table.Count);
        Assert.InRange((double)keys.Length / capacity, 0.55, 0.625);   // no more room than a grown table's upper half
    }
}
