using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Engine.Tests.Reference;

namespace TcpModelCheck.Engine.Tests.Graphs;

/// <summary>
/// Breadth-first search on random graphs against <see cref="NaiveSearch{TState,TAction}"/>: same reachable
/// set, same statistics, the same verdicts, counterexamples that are real paths ending in a violation, exactly
/// as long as the reference's shortest path, and that replay from JSON to the same violation.
/// </summary>
public class GraphSearchProperties
{
    [Fact]
    public void Witnesses_hold_exactly_for_the_states_the_naive_search_reaches() => GraphCheck.ForAll(g =>
    {
        var model = new GraphModel(g);
        var naive = new NaiveSearch<int, int>(model);
        var result = ModelChecker.Check(model, CheckOptions.Default with { Properties = model.ReachNames });
        for (var node = 0; node < g.NodeCount; node++)
        {
            if (naive.Distance.TryGetValue(node, out var distance))
            {
                var witness = Expect.Verdict(result, GraphModel.Reach(node), Verdict.Holds).Witness!;
                Expect.IsValidPath(model, witness);
                Assert.Equal(node, witness.Final);
                Assert.Equal(distance, witness.Length);
            }
            else Expect.Verdict(result, GraphModel.Reach(node), Verdict.Violated);
        }
        Assert.Equal(naive.Distance.Count, result.Statistics.DistinctStates);
    });

    [Fact]
    public void A_complete_search_counts_what_the_naive_search_counts() => GraphCheck.ForAll(g =>
    {
        var model = new GraphModel(g);
        var naive = new NaiveSearch<int, int>(model);
        var stats = ModelChecker.Check(model).Statistics;   // liveness is selected: the whole graph is explored
        Assert.Equal(StopReason.None, stats.StopReason);
        Assert.Equal(naive.Distance.Count, stats.DistinctStates);
        Assert.Equal(naive.Transitions, stats.Transitions);
        Assert.Equal(naive.Distance.Values.Max(), stats.MaxDepth);
    });

    [Fact]
    public void Safety_verdicts_and_shortest_counterexamples_match_the_reference() => GraphCheck.ForAll(g =>
    {
        var model = new GraphModel(g);
        var naive = new NaiveSearch<int, int>(model);
        var result = ModelChecker.Check(model, CheckOptions.Default with { Properties = GraphModel.Safety });
        AssertShortest(model, result, GraphModel.NoBad, naive.ShortestTo(s => g.Has(s, NodeMark.Bad)));
        AssertShortest(model, result, GraphModel.NoBadEdge, naive.ShortestEdgeTo((s, k, _) => !g.Edges[s][k].Bad));
        AssertShortest(model, result, GraphModel.NoDeadlock, naive.ShortestTo(naive.IsDeadlock));
    });

    [Fact]
    public void A_search_cut_short_never_says_holds_except_for_a_witness_it_found() => GraphCheck.ForAll(g =>
    {
        var model = new GraphModel(g);
        var naive = new NaiveSearch<int, int>(model);
        var limit = Math.Max(1, naive.Distance.Count - 1);
        foreach (var strategy in Enum.GetValues<SearchStrategy>())
        {
            var options = CheckOptions.Default with { Strategy = strategy, Threads = 2, Limits = new SearchLimits(MaxStates: limit) };
            var result = ModelChecker.Check(model, options);
            if (!result.Statistics.CutShort) continue;   // a single reachable state, or everything settled first
            Assert.Equal(StopReason.MaxStates, result.Statistics.StopReason);
            Assert.Equal(limit, result.Statistics.DistinctStates);
            foreach (var r in result.Properties)
            {
                if (r.Verdict == Verdict.Holds) Assert.NotNull(r.Witness);
                if (r.Verdict == Verdict.Inconclusive) Assert.Contains("state limit", r.Reason);
                if (r.Verdict == Verdict.Violated && r.Property.IsSafety) Expect.SafetyViolation(model, result, r.Name);
                Assert.False(r.Verdict == Verdict.Violated && r.Property.Kind == Model.PropertyKind.Reachable,
                    "a witness not found before the limit is inconclusive, not violated");
            }
        }
    });

    [Fact]
    public void A_depth_bound_covers_exactly_the_states_within_it() => GraphCheck.ForAll(g =>
    {
        // Bound one short of the farthest state. Breadth-first strategies find every state within the bound
        // and no other; depth-first ones find only states within it (maybe not all: a bounded DFS may first
        // reach a near state by a long path). No witness beyond the bound may be reported either way.
        var model = new GraphModel(g);
        var naive = new NaiveSearch<int, int>(model);
        var bound = naive.Distance.Values.Max() - 1;
        if (bound < 0) return;   // only initial states are reachable
        foreach (var strategy in Enum.GetValues<SearchStrategy>())
        {
            var options = CheckOptions.Default with
            {
                Strategy = strategy, Threads = 2, Properties = model.ReachNames, Limits = new SearchLimits(MaxDepth: bound),
            };
            var result = ModelChecker.Check(model, options);
            for (var node = 0; node < g.NodeCount; node++)
            {
                var r = result[GraphModel.Reach(node)];
                var within = naive.Distance.TryGetValue(node, out var d) && d <= bound;
                if (r.Verdict == Verdict.Holds) Assert.True(within, $"{strategy} reports {node} beyond the bound {bound}");
                else if (strategy != SearchStrategy.DepthFirst) Assert.False(within, $"{strategy} misses {node} within the bound {bound}");
                if (!within && naive.Distance.ContainsKey(node)) Assert.Equal(Verdict.Inconclusive, r.Verdict);
            }
        }
    });

    /// <summary>Violated exactly when the reference finds a violation, with a counterexample of exactly the
    /// reference's shortest length (breadth-first), valid and replaying from JSON (see <see cref="Expect"/>).</summary>
    internal static void AssertShortest(GraphModel model, CheckResult<int, int> result, string property, int? shortest)
    {
        if (shortest is null)
        {
            Expect.Verdict(result, property, Verdict.Holds);
            return;
        }
        Assert.Equal(shortest, Expect.SafetyViolation(model, result, property).Length);
    }
}
