using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;

namespace TcpModelCheck.Engine.Tests.Graphs;

/// <summary>
/// Random small graphs for the FsCheck properties, generated valid by construction (no <c>Where</c>), with a
/// shrinker that only produces valid graphs: it removes nodes, initial entries and edges, and clears marks and bad or tick flags,
/// so a failure is reported on a minimal graph.
/// </summary>
public static class GraphArbitrary
{
    /// <summary>At most this many nodes (sizes grow to it over a run).</summary>
    public const int MaxNodes = 9;

    public static Arbitrary<GraphSpec> Graphs => Arb.From(Generator, Shrink);

    public static Gen<GraphSpec> Generator => Gen.Sized(size =>
        from n in Gen.Choose(1, Math.Clamp(1 + size / 8, 1, MaxNodes))
        from edges in Gen.ArrayOf(EdgeList(n), n)
        from initialCount in Gen.Frequency((2, Gen.Constant(1)), (1, Gen.Constant(2)), (1, Gen.Constant(3)))   // half the graphs have several starts
        from initial in Gen.ArrayOf(Gen.Choose(0, n - 1), initialCount)
        from marks in Gen.ArrayOf(Mark, n)
        select new GraphSpec([.. edges], [.. initial], [.. marks]));

    /// <summary>0–3 out-edges (a quarter of the nodes have none: deadlocks or terminal ends); 1 edge in 10 is bad,
    /// 1 in 3 a tick.</summary>
    private static Gen<ImmutableArray<Edge>> EdgeList(int n) =>
        from count in Gen.Choose(0, 3)
        from edges in Gen.ArrayOf(
            from to in Gen.Choose(0, n - 1)
            from bad in Gen.Frequency((1, Gen.Constant(true)), (9, Gen.Constant(false)))
            from tick in Gen.Frequency((1, Gen.Constant(true)), (2, Gen.Constant(false)))
            select new Edge(to, bad, tick), count)
        select edges.ToImmutableArray();

    /// <summary>Independent marks: bad 1 in 8, goal 1 in 3, trigger 1 in 3, terminal 1 in 2.</summary>
    private static Gen<NodeMark> Mark =>
        from bad in Flag(NodeMark.Bad, 8)
        from goal in Flag(NodeMark.Goal, 3)
        from trigger in Flag(NodeMark.Trigger, 3)
        from terminal in Flag(NodeMark.Terminal, 2)
        select bad | goal | trigger | terminal;

    private static Gen<NodeMark> Flag(NodeMark mark, int oneIn) =>
        Gen.Frequency((1, Gen.Constant(mark)), (oneIn - 1, Gen.Constant(NodeMark.None)));

    /// <summary>Smaller graphs, biggest cuts first.</summary>
    public static IEnumerable<GraphSpec> Shrink(GraphSpec g)
    {
        for (var k = g.NodeCount - 1; k >= 0 && g.NodeCount > 1; k--)
            if (WithoutNode(g, k) is { } smaller) yield return smaller;
        for (var i = 0; i < g.Initial.Length && g.Initial.Length > 1; i++)
            yield return g with { Initial = g.Initial.RemoveAt(i) };
        for (var v = 0; v < g.NodeCount; v++)
            for (var j = 0; j < g.Edges[v].Length; j++)
                yield return g with { Edges = g.Edges.SetItem(v, g.Edges[v].RemoveAt(j)) };
        for (var v = 0; v < g.NodeCount; v++)
            for (var j = 0; j < g.Edges[v].Length; j++)
                if (g.Edges[v][j].Bad)
                    yield return g with { Edges = g.Edges.SetItem(v, g.Edges[v].SetItem(j, g.Edges[v][j] with { Bad = false })) };
        for (var v = 0; v < g.NodeCount; v++)
            for (var j = 0; j < g.Edges[v].Length; j++)
                if (g.Edges[v][j].Tick)
                    yield return g with { Edges = g.Edges.SetItem(v, g.Edges[v].SetItem(j, g.Edges[v][j] with { Tick = false })) };
        for (var v = 0; v < g.NodeCount; v++)
            foreach (var m in new[] { NodeMark.Bad, NodeMark.Goal, NodeMark.Trigger, NodeMark.Terminal })
                if (g.Has(v, m)) yield return g with { Marks = g.Marks.SetItem(v, g.Marks[v] & ~m) };
    }

    /// <summary>The graph without node <paramref name="k"/> and the edges into it, higher nodes renumbered; null
    /// when <paramref name="k"/> is the only initial node.</summary>
    private static GraphSpec? WithoutNode(GraphSpec g, int k)
    {
        var initial = g.Initial.Where(i => i != k).Select(i => i > k ? i - 1 : i).ToImmutableArray();
        if (initial.IsEmpty) return null;
        var edges = g.Edges.RemoveAt(k)
            .Select(list => list.Where(e => e.To != k).Select(e => e.To > k ? e with { To = e.To - 1 } : e).ToImmutableArray())
            .ToImmutableArray();
        return new GraphSpec(edges, initial, g.Marks.RemoveAt(k));
    }
}
