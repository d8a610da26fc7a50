using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Engine.Tests.Models;
using TcpModelCheck.Engine.Tests.Reference;

namespace TcpModelCheck.Engine.Tests;

/// <summary>
/// A search cut short by a limit or by cancellation never says "holds": every property it did not settle is
/// inconclusive, with the reason; a violation found before the limit stays a violation. The 100 × 100 torus
/// (10 000 states) is big enough that no limit set here is reached only after the search is complete.
/// </summary>
public class LimitTests
{
    private readonly TorusModel _torus = new(100);

    /// <summary>The properties of the torus that a complete search settles as: violated, violated, holds, holds, holds.</summary>
    private static readonly string[] All = ["x-below-3", "not-far-corner", "far-corner-reachable", "eventually-back-on-x-axis", "no-deadlock"];

    [Fact]
    public void The_complete_search_settles_every_property()
    {
        var result = ModelChecker.Check(_torus);
        Assert.Equal(10_000, result.Statistics.DistinctStates);
        Assert.Equal(20_000, result.Statistics.Transitions);
        Assert.Equal(198, result.Statistics.MaxDepth);   // (99, 99) is 2·99 steps from the origin
        Assert.Equal(3, Expect.SafetyViolation(_torus, result, "x-below-3").Length);
        Assert.Equal(198, Expect.SafetyViolation(_torus, result, "not-far-corner").Length);
        Expect.Verdict(result, "far-corner-reachable", Verdict.Holds);
        Expect.Verdict(result, "eventually-back-on-x-axis", Verdict.Holds);
        Expect.Verdict(result, "no-deadlock", Verdict.Holds);
    }

    [Theory]
    [InlineData(SearchStrategy.BreadthFirst)]
    [InlineData(SearchStrategy.DepthFirst)]
    [InlineData(SearchStrategy.ParallelBreadthFirst)]
    public void A_state_limit_makes_unsettled_properties_inconclusive(SearchStrategy strategy)
    {
        var result = ModelChecker.Check(_torus, CheckOptions.Default with
        {
            Properties = All, Strategy = strategy, Threads = 2, Limits = new SearchLimits(MaxStates: 500),
        });
        Assert.Equal(StopReason.MaxStates, result.Statistics.StopReason);
        Assert.Equal(500, result.Statistics.DistinctStates);   // the limit is reached when a 501st state turns up
        AssertCutShort(result, "state limit", violationFound: strategy == SearchStrategy.DepthFirst ? null : true);
    }

    [Theory]
    [InlineData(SearchStrategy.DepthFirst)]
    [InlineData(SearchStrategy.ParallelBreadthFirst)]
    public void Cancellation_stops_every_strategy_with_partial_statistics(SearchStrategy strategy)
    {
        var options = CheckOptions.Default with { Properties = All, Strategy = strategy, Threads = 2 };
        var result = ModelChecker.Check(_torus, options, cancel: new CancellationToken(true));
        Assert.Equal(StopReason.Cancelled, result.Statistics.StopReason);
        Assert.InRange(result.Statistics.DistinctStates, 1, 9_999);
        AssertCutShort(result, "cancelled", violationFound: null);
    }

    [Fact]
    public void A_depth_limit_makes_unsettled_properties_inconclusive()
    {
        var result = Check(new SearchLimits(MaxDepth: 50));
        Assert.Equal(StopReason.MaxDepth, result.Statistics.StopReason);
        // breadth-first stops when it is about to go beyond depth 50, having found every state within 50
        // steps: (a, b) with a + b ≤ 50, 1 + 2 + … + 51 = 1326 of them
        Assert.Equal(1326, result.Statistics.DistinctStates);
        Assert.Equal(50, result.Statistics.MaxDepth);
        AssertCutShort(result, "depth limit");
    }

    [Fact]
    public void A_depth_limit_beyond_the_deepest_state_does_not_cut_the_search()
    {
        var result = ModelChecker.Check(new WaterJugsModel(), CheckOptions.Default with { Limits = new SearchLimits(MaxDepth: 8) });
        Assert.Equal(StopReason.None, result.Statistics.StopReason);
        Expect.Verdict(result, "no-deadlock", Verdict.Holds);
    }

    [Fact]
    public void A_time_limit_makes_unsettled_properties_inconclusive()
    {
        var result = Check(new SearchLimits(MaxTime: TimeSpan.Zero));
        Assert.Equal(StopReason.MaxTime, result.Statistics.StopReason);
        Assert.InRange(result.Statistics.DistinctStates, 1, 9_999);
        AssertCutShort(result, "time limit", violationFound: null);
    }

    [Fact]
    public void A_memory_limit_makes_unsettled_properties_inconclusive()
    {
        var result = Check(new SearchLimits(MaxMemoryBytes: 1));
        Assert.Equal(StopReason.MaxMemory, result.Statistics.StopReason);
        AssertCutShort(result, "memory limit", violationFound: null);
    }

    [Fact]
    public void Cancellation_ends_the_search_with_partial_statistics()
    {
        using var cts = new CancellationTokenSource();
        var reports = new List<SearchProgress>();
        var options = CheckOptions.Default with { Properties = All, ProgressInterval = TimeSpan.Zero };
        var result = ModelChecker.Check(_torus, options, p => { reports.Add(p); cts.Cancel(); }, cts.Token);
        Assert.Equal(StopReason.Cancelled, result.Statistics.StopReason);
        Assert.NotEmpty(reports);
        Assert.InRange(result.Statistics.DistinctStates, reports[0].States, 9_999);
        Assert.True(result.Statistics.Transitions > 0);
        AssertCutShort(result, "cancelled", violationFound: null);
    }

    [Fact]
    public void A_token_cancelled_before_the_start_still_returns_a_result()
    {
        var result = ModelChecker.Check(_torus, CheckOptions.Default with { Properties = All }, cancel: new CancellationToken(true));
        Assert.Equal(StopReason.Cancelled, result.Statistics.StopReason);
        Assert.InRange(result.Statistics.DistinctStates, 1, 9_999);
        AssertCutShort(result, "cancelled", violationFound: null);
    }

    private CheckResult<(int X, int Y), int> Check(SearchLimits limits) =>
        ModelChecker.Check(_torus, CheckOptions.Default with { Properties = All, Limits = limits });

    /// <summary>
    /// Nothing may hold. x-below-3 is violated at depth 3: under a state or depth limit far beyond that it must
    /// be reported violated (<paramref name="violationFound"/> true). Time, memory and cancellation may be
    /// noticed at any moment, even before the first state is expanded (null: either violated with a valid
    /// counterexample, or inconclusive).
    /// </summary>
    private void AssertCutShort(CheckResult<(int X, int Y), int> result, string reason, bool? violationFound = true)
    {
        Assert.True(result.Statistics.CutShort);
        if (violationFound == true || result["x-below-3"].Verdict == Verdict.Violated)
            Assert.Equal(3, Expect.SafetyViolation(_torus, result, "x-below-3").Length);
        else Assert.Contains(reason, Expect.Verdict(result, "x-below-3", Verdict.Inconclusive).Reason);
        foreach (var name in All.Skip(1))
        {
            var r = Expect.Verdict(result, name, Verdict.Inconclusive);
            Assert.Contains(reason, r.Reason);
            Assert.DoesNotContain('\n', r.Reason!);
        }
    }
}
