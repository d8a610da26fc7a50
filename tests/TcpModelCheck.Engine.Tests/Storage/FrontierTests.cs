using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Engine.Model;
using TcpModelCheck.Engine.Storage;
using TcpModelCheck.Engine.Storage.Frontier;
using TcpModelCheck.Engine.Tests.Models;
using TcpModelCheck.Engine.Tests.Reference;
using TcpModelCheck.Engine.Tests.Strategies;

namespace TcpModelCheck.Engine.Tests.Storage;

/// <summary>The breadth-first queue kept as encoded states, in memory or on disk, and the predecessor log on
/// disk: the same states, verdicts and shortest counterexamples as the queue of states in memory.</summary>
public class FrontierTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tcpmc-frontier-test-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    public static TheoryData<StorageMode, int, bool> Modes()
    {
        var data = new TheoryData<StorageMode, int, bool>();
        foreach (var storage in new[] { StorageMode.Fingerprint, StorageMode.Exact })
            foreach (var threads in new[] { 1, 2 })
                foreach (var spill in new[] { false, true })
                    data.Add(storage, threads, spill);
        return data;
    }

    private CheckOptions Options(StorageMode storage, int threads, bool spill) => new()
    {
        Strategy = threads == 1 ? SearchStrategy.BreadthFirst : SearchStrategy.ParallelBreadthFirst,
        Threads = threads,
        Storage = storage,
        StopWhenAllSettled = false,
        SpillDirectory = spill ? _dir : null,
    };

    [Theory]
    [MemberData(nameof(Modes))]
    public void Object_states_with_a_decoder_are_queued_encoded_and_give_the_same_results(StorageMode storage, int threads, bool spill)
    {
        var model = new BitFlipModel(15, padding: 200);   // 32,768 states; the widest level, C(15, 7) = 6,435 states of 209 bytes, spans pages
        var r = ModelChecker.Check(model, Options(storage, threads, spill));
        var s = r.Statistics;
        Assert.Equal((32_768L, 15L * 32_768, 15), (s.DistinctStates, s.Transitions, s.MaxDepth));
        Assert.Equal(spill ? "encoded, on disk" : "encoded", s.FrontierKind);
        Assert.Equal(15, Expect.SafetyViolation(model, r, "not-all-ones").Length);
        Assert.Equal(3, Expect.SafetyViolation(model, r, "low-three-not-set").Length);
        Assert.Equal(2, Expect.SafetyViolation(model, r, "never-clears-bit-0").Length);
        Expect.Verdict(r, "half-set", Verdict.Holds);
        if (!spill) return;
        Assert.True(s.FrontierDiskBytes >= 2L * EncodedFrontier<BitWord>.PageBytes, $"queue on disk: {s.FrontierDiskBytes}");
        Assert.Equal(8L * 65_536, s.PredecessorBytes);   // fewer than 65,536 entries: one chunk, never full, never spilled
        Assert.Equal(0, s.PredecessorDiskBytes);
        Assert.Empty(Directory.GetFiles(_dir));              // unlinked as soon as opened
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void Plain_value_states_queue_as_raw_bytes_when_spilled(StorageMode storage, int threads, bool spill)
    {
        var model = new GridModel(30);
        var names = new[] { "in-bounds", "sum-below-4", "corner", "no-deadlock" };
        var r = ModelChecker.Check(model, Options(storage, threads, spill) with { Properties = names });
        Assert.Equal((27_000L, 3L * 29 * 900, 87), (r.Statistics.DistinctStates, r.Statistics.Transitions, r.Statistics.MaxDepth));
        Assert.Equal(spill ? "encoded, on disk" : "states", r.Statistics.FrontierKind);
        Assert.Equal(4, Expect.SafetyViolation(model, r, "sum-below-4").Length);
        Expect.Verdict(r, "corner", Verdict.Holds);
        Expect.Verdict(r, "no-deadlock", Verdict.Holds);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void States_of_tens_of_kilobytes_are_queued_too(bool spill)
    {
        var model = new BitFlipModel(8, padding: 70_000);   // 70 kB records: a 3-byte length, a 4-byte record header
        var r = ModelChecker.Check(model, Options(StorageMode.Fingerprint, 1, spill));
        Assert.Equal((256L, 8L * 256, 8), (r.Statistics.DistinctStates, r.Statistics.Transitions, r.Statistics.MaxDepth));
        Assert.Equal(8, Expect.SafetyViolation(model, r, "not-all-ones").Length);
        if (spill) Assert.True(r.Statistics.FrontierDiskBytes > 0);
    }

    [Fact]
    public void A_decoder_that_does_not_invert_the_encoding_stops_the_search()
    {
        var e = Assert.Throws<InvalidOperationException>(() => ModelChecker.Check(new BitFlipModel(12, brokenDecoder: true),
            new CheckOptions { Storage = StorageMode.Fingerprint }));
        Assert.Contains("Decode(Encode(s)) differs", e.Message);
    }

    [Fact]
    public void Liveness_keeps_every_state_in_memory_even_with_a_spill_directory()
    {
        var model = new GridModel(10);
        var r = ModelChecker.Check(model, new CheckOptions { SpillDirectory = _dir });
        Assert.Equal("states", r.Statistics.FrontierKind);
        Assert.Equal(0, r.Statistics.PredecessorDiskBytes);
        Expect.Verdict(r, "eventually-corner", Verdict.Holds);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Encodings_staged_before_their_ids_are_known_are_queued_at_the_ids_published_and_only_the_kept_ones(bool spill)
    {
        var model = new BitFlipModel(20, padding: 200);   // 209 bytes a record: a round of 4 × 700 spans pages
        using var queue = new EncodedFrontier<BitWord>(FrontierCodec<BitWord>.For(model)!, 4,
            spill ? new SpillFile(_dir, "staged-test", EncodedFrontier<BitWord>.PageBytes) : null);
        var buffer = new byte[model.MaxEncodedLength];
        void Stage(int unit, ulong bits) => queue.StageEncoded(unit, buffer.AsSpan(0, model.Encode(new BitWord(bits), buffer)));
        // unit u stages 700 states u·1000, u·1000 + 1, …; unit 2 keeps only 300 of them (the state limit), unit 3 none
        for (var u = 0; u < 4; u++)
            for (var j = 0; j < 700; j++) Stage(u, (ulong)(u * 1000 + j));
        int[] kept = [700, 700, 300, 0];
        long id = 0;
        for (var u = 0; u < 4; u++)
        {
            queue.PublishStaged(u, id, kept[u]);
            id += kept[u];
        }
        queue.EndRound();
        Assert.Throws<ArgumentOutOfRangeException>(() => queue.PublishStaged(0, id, 1));   // nothing staged since
        var into = new BitWord[1_700];
        queue.Prepare(0, 1_700);
        queue.Load(0, into);
        var expected = Enumerable.Range(0, 700).Concat(Enumerable.Range(1000, 700)).Concat(Enumerable.Range(2000, 300));
        Assert.Equal(expected.Select(b => (ulong)b), into.Select(w => w.Bits));
        Stage(1, 77);   // the next round starts from empty units
        queue.PublishStaged(1, 1_700, 1);
        queue.EndRound();
        queue.Prepare(1_700, 1_701);
        queue.Load(1_700, into.AsSpan(0, 1));
        Assert.Equal(77UL, into[0].Bits);
    }

    [Fact]
    public void A_spilled_queue_keeps_in_memory_only_the_pages_being_read_and_written()
    {
        const int page = EncodedFrontier<BitWord>.PageBytes;
        var codec = FrontierCodec<BitWord>.For(new BitFlipModel(20, padding: 200))!;   // 209 bytes a record
        using var queue = new EncodedFrontier<BitWord>(codec, 4, new SpillFile(_dir, "queue-test", page));
        long next = 0;
        void WriteRound()
        {
            for (var u = 0; u < 4; u++)
                for (var j = 0; j < 500; j++, next++) queue.Put(u, next, new BitWord((ulong)next));
            queue.EndRound();
        }
        for (var r = 0; r < 10; r++) WriteRound();   // level 0: 20,000 states, 4 MB
        var into = new BitWord[2_000];
        for (long from = 0; from < 40_000; from += into.Length)   // read both levels while writing the next ones
        {
            queue.Prepare(from, from + into.Length);
            queue.Load(from, into);
            for (var i = 0; i < into.Length; i++) Assert.Equal((ulong)(from + i), into[i].Bits);
            if (next < 60_000) WriteRound();
        }
        // about 20,000 states (4.2 MB) are always waiting; in memory only the range read (2 pages at most), the
        // page written, the page closed in the round before (a round closes at most one here), which stays until it
        // has been written, and the units' blocks (0.4 MB)
        Assert.True(queue.PeakDiskBytes >= 4L * page, $"on disk: {queue.PeakDiskBytes}");
        Assert.True(queue.PeakBytes <= 4L * page + (1 << 20), $"in memory: {queue.PeakBytes}");
        queue.Load(38_000, into.AsSpan(0, 10));
        Assert.Equal(38_009UL, into[9].Bits);
    }

    [Fact]
    public void The_predecessor_log_reads_spilled_entries_back()
    {
        using var log = new PredecessorLog(new SpillFile(_dir, "log-test", 8 * ChunkedArray<ulong>.EntriesPerChunk));
        const int n = 200_000;
        for (var i = 0; i < n; i++) log.Add(i - 1, i % 7);
        log.SpillBelow(150_000);
        // two chunks, packed: each entry is its parent's difference from the one before (1) and its choice, a byte each;
        // a chunk's first parent is its difference from 0, which takes 3 bytes in the second chunk (65,536)
        Assert.Equal(2L * 2 * 65_536 + 2, log.DiskBytes);
        Assert.Equal(2L * 8 * 65_536, log.Bytes);   // chunks 2 and 3 stay
        foreach (var id in new[] { 0, 1, 65_535, 65_536, 131_071, 131_072, 199_999 })
            Assert.Equal((id - 1L, id % 7), (log.Parent(id), log.Choice(id)));
        Assert.Equal(n - 1, log.PathTo(n - 1).Choices.Count);
    }
}
