using TcpModelCheck.Bench.Promela;
using TcpModelCheck.Engine.Checking;

namespace TcpModelCheck.Bench.Tests;

/// <summary>
/// The engine's cross-check against SPIN: the port of <c>shared/bench/tcp.pml</c> has exactly SPIN's state
/// space.
/// </summary>
/// <remarks>
/// Measured with SPIN 6.5.2 (Debian package), <c>spin -DMAXF=.. -a tcp.pml; gcc -O2 -DSAFETY; ./pan -m10000</c>:
/// S: 564,503 states stored, 2,197,212 matched, 2,761,715 transitions; M: 4,622,138 stored, 23,160,753
/// matched, 27,782,891 transitions. The differences are exactly the <c>init</c> prologue: SPIN stores the
/// state before <c>init</c> runs (one state, no Endpoint or Network process yet); its <c>atomic</c> then runs
/// the three <c>run</c> statements, whose two intermediate states pan does not store ("2 atomic steps"), and
/// arrives at the port's initial state (all globals zero). So SPIN stored = port states + 1, and SPIN's
/// transitions (= stored + matched) = port transitions + 2: the store of that prologue state and its atomic
/// step. The matched counts agree exactly: 2,761,713 − (564,502 − 1) = 2,197,212.
/// Max depth is checked against SPIN's breadth-first mode (<c>spin -DNOHIDDEN ..; gcc -DSAFETY -DBFS
/// -DNOHIDDEN</c>): it reports depth 29 (S) and 33 (M), which include the 3 prologue steps.
/// </remarks>
public class SpinTcpCountTests
{
    [Fact]
    public void S_bounds_have_spins_states_and_transitions_less_the_init_prologue()
    {
        var model = new PmlTcpModel(PmlBounds.Named["S"]);
        var r = ModelChecker.Check(model, CheckOptions.Default);

        Assert.True(r.Statistics.Complete);
        Assert.Equal(564_503 - 1, r.Statistics.DistinctStates);
        Assert.Equal(2_761_715 - 2, r.Statistics.Transitions);
        Assert.Equal(29 - 3, r.Statistics.MaxDepth);
        Assert.All(r.Properties, p => Assert.Equal(Verdict.Holds, p.Verdict));   // asserts and witnesses
    }

    [Fact]
    public void M_bounds_have_spins_states_and_transitions_less_the_init_prologue()
    {
        var model = new PmlTcpModel(PmlBounds.Named["M"]);
        var r = ModelChecker.Check(model, CheckOptions.Default with { Properties = PmlProperties.AssertionNames });

        Assert.True(r.Statistics.Complete);
        Assert.Equal(4_622_138 - 1, r.Statistics.DistinctStates);
        Assert.Equal(27_782_891 - 2, r.Statistics.Transitions);
        Assert.Equal(33 - 3, r.Statistics.MaxDepth);
        Assert.All(r.Properties, p => Assert.Equal(Verdict.Holds, p.Verdict));
    }
}

/// <summary>Every strategy and storage of the engine finds SPIN's state space on bounds S.</summary>
public class SpinTcpStrategyTests
{
    [Theory]
    [InlineData(SearchStrategy.BreadthFirst, StorageMode.Exact, 1)]
    [InlineData(SearchStrategy.DepthFirst, StorageMode.Exact, 1)]
    [InlineData(SearchStrategy.ParallelBreadthFirst, StorageMode.Exact, 2)]
    [InlineData(SearchStrategy.BreadthFirst, StorageMode.Fingerprint, 1)]
    [InlineData(SearchStrategy.DepthFirst, StorageMode.Fingerprint, 1)]
    [InlineData(SearchStrategy.ParallelBreadthFirst, StorageMode.Fingerprint, 2)]
    public void Every_strategy_and_storage_has_spins_S_counts(SearchStrategy strategy, StorageMode storage, int threads)
    {
        var model = new PmlTcpModel(PmlBounds.Named["S"]);
        var r = ModelChecker.Check(model, CheckOptions.Default with
        {
            Strategy = strategy, Storage = storage, Threads = threads, Properties = PmlProperties.AssertionNames,
        });

        Assert.True(r.Statistics.Complete);
        Assert.Equal(564_503 - 1, r.Statistics.DistinctStates);     // SPIN's counts less the init prologue (see above)
        Assert.Equal(2_761_715 - 2, r.Statistics.Transitions);
        if (strategy != SearchStrategy.DepthFirst) Assert.Equal(29 - 3, r.Statistics.MaxDepth);
        Assert.All(r.Properties, p => Assert.Equal(Verdict.Holds, p.Verdict));
    }
}
