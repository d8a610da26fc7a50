using System.Collections.Immutable;

namespace TcpModelCheck.Engine.Tests.Graphs;

/// <summary>An edge of a generated graph; a <paramref name="Bad"/> edge violates the action property; a
/// <paramref name="Tick"/> edge is a progress action (time advances) for the time-progress liveness properties.</summary>
public readonly record struct Edge(int To, bool Bad, bool Tick = false);

/// <summary>Per-node marks of a generated graph.</summary>
[Flags]
public enum NodeMark
{
    None = 0,
    /// <summary>Violates the invariant.</summary>
    Bad = 1,
    /// <summary>The goal of the liveness properties.</summary>
    Goal = 2,
    /// <summary>The trigger of the leads-to property.</summary>
    Trigger = 4,
    /// <summary>Without out-edges, a proper end rather than a deadlock.</summary>
    Terminal = 8,
}

/// <summary>
/// A small random directed graph used as a model (<see cref="GraphModel"/>): node i's out-edges in order (their
/// positions are the choice indices), the initial nodes in order (duplicates allowed: the engine must skip
/// them), and a mark per node. Every field is valid by construction — the generator and the shrinker never
/// produce an edge or an initial node out of range, so nothing needs filtering.
/// </summary>
public sealed record GraphSpec(ImmutableArray<ImmutableArray<Edge>> Edges, ImmutableArray<int> Initial, ImmutableArray<NodeMark> Marks)
{
    public int NodeCount => Edges.Length;

    public bool Has(int node, NodeMark mark) => (Marks[node] & mark) != 0;

    /// <summary>Compact form for FsCheck's failure report, e.g. <c>init [0] | 0:→1,→2! 1*:→0~ 2G:</c> (! bad
    /// edge, ~ tick edge; marks: * bad, G goal, T trigger, E terminal).</summary>
    public override string ToString()
    {
        var nodes = Enumerable.Range(0, NodeCount).Select(i =>
            $"{i}{MarkLetters(Marks[i])}:{string.Join(",", Edges[i].Select(e => $"→{e.To}{(e.Bad ? "!" : "")}{(e.Tick ? "~" : "")}"))}");
        return $"init [{string.Join(",", Initial)}] | {string.Join(" ", nodes)}";
    }

    private static string MarkLetters(NodeMark m) =>
        (m.HasFlag(NodeMark.Bad) ? "*" : "") + (m.HasFlag(NodeMark.Goal) ? "G" : "") +
        (m.HasFlag(NodeMark.Trigger) ? "T" : "") + (m.HasFlag(NodeMark.Terminal) ? "E" : "");
}
