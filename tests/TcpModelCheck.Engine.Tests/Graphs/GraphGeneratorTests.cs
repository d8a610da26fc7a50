using FsCheck;
using FsCheck.Fluent;
using TcpModelCheck.Engine.Tests.Reference;

namespace TcpModelCheck.Engine.Tests.Graphs;

/// <summary>The graph generator and shrinker themselves: only valid graphs, strictly smaller shrinks, and a
/// distribution in which every property of <see cref="GraphModel"/> both holds and fails often — otherwise
/// the graph properties could pass vacuously.</summary>
public class GraphGeneratorTests
{
    /// <summary>A fixed, seeded sample (gamma must be odd): 300 graphs of size 60 (up to 8 nodes).</summary>
    private static GraphSpec[] Sample => Gen.Sample(GraphArbitrary.Generator, 300, new Rnd(2024, 0x9E3779B97F4A7C15), 60);

    [Fact]
    public void Generated_and_shrunk_graphs_are_valid_and_shrinks_are_smaller() => GraphCheck.ForAll(g =>
    {
        AssertValid(g);
        foreach (var s in GraphArbitrary.Shrink(g))
        {
            AssertValid(s);
            Assert.True(Weight(s) < Weight(g), $"shrink {s} is not smaller than {g}");
        }
    });

    [Fact]
    public void Every_property_both_holds_and_fails_on_many_generated_graphs()
    {
        var fails = new Dictionary<string, int>();
        var names = GraphModel.Safety.Concat(GraphModel.Liveness).ToList();
        foreach (var g in Sample)
        {
            var model = new GraphModel(g);
            var naive = new NaiveSearch<int, int>(model);
            foreach (var p in model.Properties.Where(p => names.Contains(p.Name)))
            {
                var failsHere = p.IsLiveness ? naive.LivenessFails(p) : p.Name switch
                {
                    GraphModel.NoBad => naive.ShortestTo(s => g.Has(s, NodeMark.Bad)) is not null,
                    GraphModel.NoBadEdge => naive.ShortestEdgeTo((s, k, _) => !g.Edges[s][k].Bad) is not null,
                    _ => naive.ShortestTo(naive.IsDeadlock) is not null,
                };
                fails[p.Name] = fails.GetValueOrDefault(p.Name) + (failsHere ? 1 : 0);
            }
        }
        // measured on this sample: 85 (no-bad) to 162 (eventually-goal) of the 300 graphs violate a property
        Assert.All(names, n => Assert.InRange(fails.GetValueOrDefault(n), 30, 270));
    }

    [Fact]
    public void Time_progress_changes_the_verdict_on_many_generated_graphs()
    {
        // Graphs where a Zeno trap is the only way to miss the goal (violated under strong fairness, holds under time
        // progress), and graphs where the time-progress check meets a timelock (whatever its verdict): both common
        // enough that the random properties test the difference.
        var (changed, timelocked) = (0, 0);
        foreach (var g in Sample)
        {
            var model = new GraphModel(g);
            var naive = new NaiveSearch<int, int>(model);
            var strong = model.Properties.Single(p => p.Name == GraphModel.EventuallyGoal);
            var timed = model.Properties.Single(p => p.Name == GraphModel.EventuallyGoalTimed);
            if (naive.LivenessFails(strong) && !naive.LivenessFails(timed)) changed++;
            if (naive.TimelocksMet(timed).Count > 0) timelocked++;
        }
        // measured on this sample: 27 graphs change verdict, 31 meet a timelock
        Assert.InRange(changed, 10, 290);
        Assert.InRange(timelocked, 10, 290);
    }

    private static void AssertValid(GraphSpec g)
    {
        Assert.InRange(g.NodeCount, 1, GraphArbitrary.MaxNodes);
        Assert.Equal(g.NodeCount, g.Marks.Length);
        Assert.NotEmpty(g.Initial);
        Assert.All(g.Initial, i => Assert.InRange(i, 0, g.NodeCount - 1));
        Assert.All(g.Edges, list => Assert.All(list, e => Assert.InRange(e.To, 0, g.NodeCount - 1)));
    }

    /// <summary>Nodes, initial entries, edges, bad and tick edges, and marks: every shrink step removes at least one.</summary>
    private static int Weight(GraphSpec g) =>
        g.NodeCount + g.Initial.Length + g.Edges.Sum(l => l.Length + l.Count(e => e.Bad) + l.Count(e => e.Tick)) +
        g.Marks.Sum(m => System.Numerics.BitOperations.PopCount((uint)m));
}
