using TcpModelCheck.Engine.Checking;

namespace TcpModelCheck.Engine.Tests.Strategies;

public class StorageStatisticsTests
{
    [Theory]
    [InlineData(SearchStrategy.BreadthFirst, 1)]
    [InlineData(SearchStrategy.ParallelBreadthFirst, 2)]
    [InlineData(SearchStrategy.DepthFirst, 1)]
    public void Fingerprint_mode_reports_at_most_twenty_bytes_per_state_and_the_predecessor_log(SearchStrategy strategy, int threads)
    {
        var options = new CheckOptions
        {
            Strategy = strategy,
            Storage = StorageMode.Fingerprint,
            Threads = threads,
            Properties = ["in-bounds"],
        };
        var r = ModelChecker.Check(new GridModel(50), options);   // 125,000 states
        var s = r.Statistics;
        Assert.Equal(125_000, s.DistinctStates);
        Assert.InRange(s.StoreBytesPerState, 8 / 0.625, 19.2);   // load between 5/12 and 5/8
        Assert.Equal(2L * 65_536 * 8, s.PredecessorBytes);   // 8 bytes per state, in chunks of 65,536 entries
        Assert.NotNull(s.MissProbability);
        Assert.InRange(s.MissProbability!.Value, 1e-10, 1e-8);   // n²/2^65 ≈ 4.2e-10
        Assert.True(s.PeakMemoryBytes > 0);
    }

    [Theory]
    [InlineData(StorageMode.Fingerprint, SearchStrategy.BreadthFirst, 1)]
    [InlineData(StorageMode.Fingerprint, SearchStrategy.ParallelBreadthFirst, 2)]
    [InlineData(StorageMode.Exact, SearchStrategy.BreadthFirst, 1)]
    [InlineData(StorageMode.Exact, SearchStrategy.DepthFirst, 1)]
    public void A_size_hint_changes_no_result(StorageMode storage, SearchStrategy strategy, int threads)
    {
        var options = new CheckOptions { Strategy = strategy, Storage = storage, Threads = threads, Properties = ["in-bounds"] };
        var grown = ModelChecker.Check(new GridModel(50), options).Statistics;
        var hinted = ModelChecker.Check(new GridModel(50), options with { ExpectedStates = 125_000 }).Statistics;
        Assert.Equal((grown.DistinctStates, grown.Transitions, grown.MaxDepth), (hinted.DistinctStates, hinted.Transitions, hinted.MaxDepth));
        // segments sized for 125,000 states keep the load between 5/12 and 5/8 like grown ones
        var slot = storage == StorageMode.Fingerprint ? 8 : 24;
        Assert.InRange(hinted.StoreBytesPerState, slot / 0.625, slot * 12 / 5.0);
    }

    [Fact]
    public void Exact_mode_reports_the_slots_with_their_states()
    {
        var r = ModelChecker.Check(new GridModel(50), new CheckOptions { Properties = ["in-bounds"] });
        // a slot is the 8-byte hash plus the 12-byte state, padded to 24 bytes; load between 5/12 and 5/8
        Assert.InRange(r.Statistics.StoreBytesPerState, 24 / 0.625, 24 * 12 / 5.0);
        Assert.Null(r.Statistics.MissProbability);
    }

    [Theory]
    [InlineData(SearchStrategy.BreadthFirst, 1)]
    [InlineData(SearchStrategy.ParallelBreadthFirst, 2)]
    [InlineData(SearchStrategy.DepthFirst, 1)]
    public void Exact_storage_keeps_states_whose_fingerprints_collide(SearchStrategy strategy, int threads)
    {
        // a coarse encoding gives the 1000 states of the 10-grid only 28 distinct fingerprints (sums 0..27)
        var model = new GridModel(10, coarseEncoding: true);
        var options = new CheckOptions { Strategy = strategy, Threads = threads, Properties = ["in-bounds"] };
        var exact = ModelChecker.Check(model, options);
        Assert.Equal(1000, exact.Statistics.DistinctStates);
        Assert.Equal(2700, exact.Statistics.Transitions);
        var hashed = ModelChecker.Check(model, options with { Storage = StorageMode.Fingerprint });
        Assert.Equal(28, hashed.Statistics.DistinctStates);   // the failure mode the miss probability estimates
    }
}
