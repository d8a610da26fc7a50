using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Engine.Model;
using TcpModelCheck.Engine.Partitioning;
using TcpModelCheck.Engine.Tests.Models;
using TcpModelCheck.Engine.Tests.Reference;
using TcpModelCheck.Engine.Tests.Strategies;

namespace TcpModelCheck.Engine.Tests.Partitioning;

/// <summary>
/// A partitioned search run as N concurrent partitions (threads here; the file protocol is the same as between
/// processes) gives, in every partition, the distinct-state and transition counts, the verdicts and the shortest
/// counterexample lengths of one breadth-first search; each counterexample, rebuilt across the partitions' logs,
/// replays to the same violation.
/// </summary>
public class PartitionedSearchTests : IDisposable
{
    private readonly List<string> _dirs = [];

    /// <summary>A fresh exchange directory, removed when the test ends (<see cref="Partitioned.Run"/> removes its own).</summary>
    private string Dir()
    {
        var dir = Partitioned.FreshDirectory();
        _dirs.Add(dir);
        return dir;
    }

    public void Dispose()
    {
        foreach (var dir in _dirs.Where(Directory.Exists)) Directory.Delete(dir, recursive: true);
    }

    public static TheoryData<string, int, StorageMode> Cases()
    {
        var data = new TheoryData<string, int, StorageMode>();
        foreach (var model in new[] { "jugs", "check-then-set", "abp-no-bit", "retry-stale", "bit-flip", "random" })
            foreach (var n in new[] { 1, 2, 4 })
                foreach (var storage in Enum.GetValues<StorageMode>())
                    data.Add(model, n, storage);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Merged_result_equals_one_process(string model, int n, StorageMode storage)
    {
        switch (model)
        {
            case "jugs": AssertAgrees(new WaterJugsModel(), n, storage); break;
            case "check-then-set": AssertAgrees(new NaiveMutexModel(FlagOrder.CheckThenSet), n, storage); break;
            case "abp-no-bit": AssertAgrees(new AlternatingBitModel(useBit: false), n, storage); break;
            case "retry-stale": AssertAgrees(new VersionedRetryModel(adoptVersion: false), n, storage); break;
            case "bit-flip": AssertAgrees(new BitFlipModel(10), n, storage); break;
            case "random": AssertAgrees(new RandomGraphModel(7, 3000, 4, 2999, initials: 3), n, storage); break;
            default: throw new ArgumentException(model);
        }
    }

    private static void AssertAgrees<TState, TAction>(IModel<TState, TAction> model, int n, StorageMode storage)
        where TState : IEquatable<TState>
    {
        var options = CheckOptions.Default with { StopWhenAllSettled = false, Storage = storage };
        var safety = model.Properties.Where(p => !p.IsLiveness).Select(p => p.Name).ToList();
        var reference = ModelChecker.Check(model, options with { Storage = StorageMode.Exact, Properties = safety });
        var results = Partitioned.Run(model, options, n);
        foreach (var result in results)
        {
            Assert.Equal(StopReason.None, result.Statistics.StopReason);
            Assert.Equal(reference.Statistics.DistinctStates, result.Statistics.DistinctStates);
            Assert.Equal(reference.Statistics.Transitions, result.Statistics.Transitions);
            Assert.Equal(reference.Statistics.MaxDepth, result.Statistics.MaxDepth);
            Assert.Equal(n, result.Statistics.Partition!.Count);
            Assert.Equal(result.Statistics.DistinctStates, results.Sum(r => r.Statistics.Partition!.OwnStates));
            foreach (var r in reference.Properties)
            {
                Expect.Verdict(result, r.Name, r.Verdict);
                if (r.Counterexample is not null)
                    Assert.Equal(r.Counterexample.Length, Expect.SafetyViolation(model, result, r.Name).Length);
                if (r.Witness is not null) Assert.Equal(r.Witness.Length, result[r.Name].Witness!.Length);
            }
            foreach (var p in model.Properties.Where(p => p.IsLiveness))
                Assert.Equal(PartitionRunner.LivenessReason, Expect.Verdict(result, p.Name, Verdict.Inconclusive).Reason);
        }
    }

    [Fact]
    public void Pinned_counts_of_the_random_graph_split_over_four()
    {
        var model = new RandomGraphModel(7, 3000, 4, 2999, initials: 3);
        var results = Partitioned.Run(model, CheckOptions.Default with { StopWhenAllSettled = false, Storage = StorageMode.Fingerprint }, 4);
        Assert.Equal(2359, new NaiveSearch<int, int>(model).Distance.Count);   // the independent reference search
        Assert.All(results, r => Assert.Equal(2359, r.Statistics.DistinctStates));
        Assert.All(results, r => Assert.Equal(4714, r.Statistics.Transitions));
        // the owners' shares (the hash split is stable across runs and machines) and the successors that crossed
        Assert.Equal([630L, 562, 563, 604], results.Select(r => r.Statistics.Partition!.OwnStates));
        Assert.All(results, r => Assert.Equal(3491, r.Statistics.Partition!.Exchanged));
    }

    [Fact]
    public void A_depth_bound_covers_the_states_within_it_as_one_process_does()
    {
        var model = new BitFlipModel(12);
        var options = CheckOptions.Default with { StopWhenAllSettled = false, Limits = new SearchLimits(MaxDepth: 4), Properties = ["half-set"] };
        var reference = ModelChecker.Check(model, options);
        var results = Partitioned.Run(model, options, 2);
        Assert.All(results, r =>
        {
            Assert.Equal(StopReason.MaxDepth, r.Statistics.StopReason);
            Assert.Equal(reference.Statistics.DistinctStates, r.Statistics.DistinctStates);
            Assert.Equal(Verdict.Inconclusive, r["half-set"].Verdict);
        });
    }

    [Fact]
    public void Stops_once_every_property_is_settled_with_the_shortest_counterexample()
    {
        var model = new BitFlipModel(12);
        var options = CheckOptions.Default with { Properties = ["low-three-not-set"] };
        var results = Partitioned.Run(model, options, 4);
        Assert.All(results, r =>
        {
            Assert.Equal(StopReason.AllPropertiesSettled, r.Statistics.StopReason);
            Assert.Equal(3, Expect.SafetyViolation(model, r, "low-three-not-set").Length);
        });
    }

    [Fact]
    public void Cancelled_partitions_all_stop_at_the_same_barrier_and_say_inconclusive()
    {
        var dir = Dir();
        var results = new CheckResult<BitWord, int>[2];
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        var errors = Partitioned.RunEach(2, i => results[i] = ModelChecker.Check(new BitFlipModel(12),
            CheckOptions.Default with { Partition = new PartitionSpec(i, 2, dir), Properties = ["not-all-ones"] }, null, cancel.Token));
        Assert.All(errors, Assert.Null);
        Assert.All(results, r =>
        {
            Assert.Equal(StopReason.Cancelled, r.Statistics.StopReason);
            Assert.Equal(Verdict.Inconclusive, r["not-all-ones"].Verdict);
            Assert.Equal("cancelled", r["not-all-ones"].Reason);
        });
    }

    [Fact]
    public void Partitions_that_run_different_configurations_refuse_to_merge()
    {
        var dir = Dir();
        var errors = Partitioned.RunEach(2, i => ModelChecker.Check(new BitFlipModel(8 + i), CheckOptions.Default with
        {
            Partition = new PartitionSpec(i, 2, dir),
        }));
        Assert.All(errors, e => Assert.Contains("runs another configuration", Assert.IsType<PartitionException>(e).Message));
    }

    [Fact]
    public void A_directory_with_files_of_an_earlier_run_is_refused()
    {
        var dir = Dir();
        File.WriteAllText(Path.Combine(dir, "p0.init.status"), "{}");
        var e = Assert.Throws<PartitionException>(() =>
            ModelChecker.Check(new BitFlipModel(4), CheckOptions.Default with { Partition = new PartitionSpec(0, 1, dir) }));
        Assert.Contains("earlier run", e.Message);
    }

    [Theory]
    [InlineData(-1, 2, "index")]
    [InlineData(2, 2, "index")]
    [InlineData(0, 0, "count")]
    public void A_bad_partition_is_refused(int index, int count, string word)
    {
        var e = Assert.Throws<ArgumentException>(() => ModelChecker.Check(new BitFlipModel(4),
            CheckOptions.Default with { Partition = new PartitionSpec(index, count, Dir()) }));
        Assert.Contains(word, e.Message);
    }

    [Fact]
    public void A_state_limit_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => ModelChecker.Check(new BitFlipModel(4), CheckOptions.Default with
        {
            Partition = new PartitionSpec(0, 1, Dir()), Limits = new SearchLimits(MaxStates: 5),
        }));
        Assert.Contains("no state limit", e.Message);
    }
}
