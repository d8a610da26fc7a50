using TcpModelCheck.Engine.Checking;

namespace TcpModelCheck.Engine.Tests.Strategies;

/// <summary>Limits and cancellation end every strategy cleanly, with exact partial statistics and no
/// property reported as holding unless it was settled (a witness found, a violation found).</summary>
public class LimitTests
{
    public static TheoryData<SearchStrategy, StorageMode, int> Strategies() => new()
    {
        { SearchStrategy.BreadthFirst, StorageMode.Exact, 1 },
        { SearchStrategy.DepthFirst, StorageMode.Exact, 1 },
        { SearchStrategy.ParallelBreadthFirst, StorageMode.Exact, 2 },
        { SearchStrategy.BreadthFirst, StorageMode.Fingerprint, 1 },
        { SearchStrategy.DepthFirst, StorageMode.Fingerprint, 1 },
        { SearchStrategy.ParallelBreadthFirst, StorageMode.Fingerprint, 3 },
    };

    private static readonly string[] Safety = ["in-bounds", "sum-below-4", "corner", "no-deadlock"];

    private static CheckOptions Options(SearchStrategy strategy, StorageMode storage, int threads, SearchLimits limits) => new()
    {
        Strategy = strategy,
        Storage = storage,
        Threads = threads,
        Limits = limits,
        StopWhenAllSettled = false,
        Properties = storage == StorageMode.Exact ? null : Safety,
    };

    [Theory]
    [MemberData(nameof(Strategies))]
    public void Unlimited_search_finds_every_state(SearchStrategy strategy, StorageMode storage, int threads)
    {
        var r = ModelChecker.Check(new GridModel(10), Options(strategy, storage, threads, SearchLimits.None));
        Assert.Equal(1000, r.Statistics.DistinctStates);
        Assert.Equal(2700, r.Statistics.Transitions);   // 3 axes × 10 × 10 × 9 increments
        Assert.Equal(27, r.Statistics.MaxDepth);          // every path to the corner has 27 steps
        Assert.Equal(Verdict.Holds, r["in-bounds"].Verdict);
        Assert.Equal(Verdict.Violated, r["sum-below-4"].Verdict);
        Assert.Equal(Verdict.Holds, r["corner"].Verdict);
        Assert.Equal(4, r["sum-below-4"].Counterexample!.Length);
    }

    [Theory]
    [MemberData(nameof(Strategies))]
    public void State_limit_stops_at_exactly_the_limit(SearchStrategy strategy, StorageMode storage, int threads)
    {
        var r = ModelChecker.Check(new GridModel(10), Options(strategy, storage, threads, new SearchLimits(MaxStates: 100)));
        Assert.Equal(StopReason.MaxStates, r.Statistics.StopReason);
        Assert.Equal(100, r.Statistics.DistinctStates);
        Assert.Equal(Verdict.Inconclusive, r["in-bounds"].Verdict);
        // depth-first reaches the corner along its first path (x to 9, then y, then z: 28 states), so that
        // witness is settled; breadth-first meets it only at depth 27, after all 1000 states
        var cornerFound = strategy == SearchStrategy.DepthFirst;
        Assert.Equal(cornerFound ? Verdict.Holds : Verdict.Inconclusive, r["corner"].Verdict);
        Assert.Equal("state limit reached (100 states)", r["in-bounds"].Reason);
        if (storage == StorageMode.Exact) Assert.Equal(Verdict.Inconclusive, r["eventually-corner"].Verdict);
    }

    [Theory]
    [MemberData(nameof(Strategies))]
    public void Depth_limit_explores_everything_within_the_bound(SearchStrategy strategy, StorageMode storage, int threads)
    {
        var r = ModelChecker.Check(new GridModel(10), Options(strategy, storage, threads, new SearchLimits(MaxDepth: 5)));
        Assert.Equal(StopReason.MaxDepth, r.Statistics.StopReason);
        Assert.Equal(56, r.Statistics.DistinctStates);   // triples with sum ≤ 5: C(8, 3)
        Assert.Equal(5, r.Statistics.MaxDepth);
        Assert.Equal(Verdict.Violated, r["sum-below-4"].Verdict);   // at depth 4, inside the bound
        Assert.Equal(Verdict.Inconclusive, r["in-bounds"].Verdict);
        Assert.Equal(Verdict.Inconclusive, r["no-deadlock"].Verdict);
    }

    [Theory]
    [MemberData(nameof(Strategies))]
    public void Time_limit_ends_the_search_as_inconclusive(SearchStrategy strategy, StorageMode storage, int threads)
    {
        var r = ModelChecker.Check(new GridModel(40), Options(strategy, storage, threads, new SearchLimits(MaxTime: TimeSpan.Zero)));
        Assert.Equal(StopReason.MaxTime, r.Statistics.StopReason);
        Assert.InRange(r.Statistics.DistinctStates, 1, 64_000 - 1);
        Assert.Equal(Verdict.Inconclusive, r["in-bounds"].Verdict);
    }

    [Theory]
    [MemberData(nameof(Strategies))]
    public void Memory_limit_ends_the_search_as_inconclusive(SearchStrategy strategy, StorageMode storage, int threads)
    {
        // any process uses more than one megabyte, so the first memory check stops the search
        var r = ModelChecker.Check(new GridModel(40), Options(strategy, storage, threads, new SearchLimits(MaxMemoryBytes: 1 << 20)));
        Assert.Equal(StopReason.MaxMemory, r.Statistics.StopReason);
        Assert.InRange(r.Statistics.DistinctStates, 1, 64_000 - 1);
        Assert.Equal(Verdict.Inconclusive, r["in-bounds"].Verdict);
        Assert.Equal("memory limit reached (1 MiB)", r["in-bounds"].Reason);
        Assert.True(r.Statistics.PeakMemoryBytes > 1 << 20);
    }

    [Theory]
    [MemberData(nameof(Strategies))]
    public void Cancellation_midway_keeps_partial_statistics(SearchStrategy strategy, StorageMode storage, int threads)
    {
        using var cts = new CancellationTokenSource();
        var calls = 0;
        var options = Options(strategy, storage, threads, SearchLimits.None) with { ProgressInterval = TimeSpan.Zero };
        var r = ModelChecker.Check(new GridModel(40), options, p =>
        {
            Assert.True(p.States > 0);
            if (++calls == 2) cts.Cancel();
        }, cts.Token);
        Assert.Equal(StopReason.Cancelled, r.Statistics.StopReason);
        Assert.Equal(2, calls);
        Assert.InRange(r.Statistics.DistinctStates, 1, 64_000 - 1);
        Assert.True(r.Statistics.Transitions > 0);
        Assert.Equal(Verdict.Inconclusive, r["in-bounds"].Verdict);
        Assert.Equal("cancelled", r["in-bounds"].Reason);
    }

    [Theory]
    [MemberData(nameof(Strategies))]
    public void Stops_early_once_every_property_is_settled(SearchStrategy strategy, StorageMode storage, int threads)
    {
        var options = Options(strategy, storage, threads, SearchLimits.None) with
        {
            StopWhenAllSettled = true,
            Properties = ["sum-below-4"],
        };
        var r = ModelChecker.Check(new GridModel(40), options);
        Assert.Equal(StopReason.AllPropertiesSettled, r.Statistics.StopReason);
        Assert.Equal(Verdict.Violated, r["sum-below-4"].Verdict);
        Assert.True(r.Statistics.DistinctStates < 64_000);
    }

    [Theory]
    [MemberData(nameof(Strategies))]
    public void With_no_property_selected_the_whole_space_is_counted(SearchStrategy strategy, StorageMode storage, int threads)
    {
        var options = Options(strategy, storage, threads, SearchLimits.None) with { StopWhenAllSettled = true, Properties = [] };
        var r = ModelChecker.Check(new GridModel(10), options);
        Assert.Equal(StopReason.None, r.Statistics.StopReason);
        Assert.Equal(1000, r.Statistics.DistinctStates);
        Assert.Empty(r.Properties);
    }

    [Theory]
    [MemberData(nameof(Strategies))]
    public void A_failing_progress_callback_surfaces_instead_of_hanging(SearchStrategy strategy, StorageMode storage, int threads)
    {
        var options = Options(strategy, storage, threads, SearchLimits.None) with { ProgressInterval = TimeSpan.Zero };
        var e = Assert.Throws<InvalidOperationException>(() =>
            ModelChecker.Check(new GridModel(40), options, _ => throw new InvalidOperationException("progress sink failed")));
        Assert.Equal("progress sink failed", e.Message);
    }

    [Theory]
    [MemberData(nameof(Strategies))]
    public void A_model_exception_surfaces_instead_of_hanging(SearchStrategy strategy, StorageMode storage, int threads)
    {
        var model = new GridModel(30, throwAt: (7, 8, 9));
        var e = Assert.Throws<InvalidOperationException>(() => ModelChecker.Check(model, Options(strategy, storage, threads, SearchLimits.None)));
        Assert.Equal("model failure at (7, 8, 9)", e.Message);
    }
}
