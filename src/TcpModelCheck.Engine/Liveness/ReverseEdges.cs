using TcpModelCheck.Engine.Checking;

namespace TcpModelCheck.Engine.Liveness;

/// <summary>The edges of an explored graph reversed (each state's predecessors, in compressed sparse-row form),
/// for the backward searches of the liveness check.</summary>
internal sealed class ReverseEdges
{
    private readonly int[] _start;
    private readonly int[] _preds;
    private readonly StopPoll _poll;

    private ReverseEdges(int[] start, int[] preds, StopPoll poll)
    {
        _start = start;
        _preds = preds;
        _poll = poll;
    }

    public static ReverseEdges Of(SearchGraph graph, StopPoll poll)
    {
        var n = graph.Count;
        var start = new int[n + 1];
        for (var i = 0; i < n; i++)
        {
            poll.Step();
            for (var k = 0; k < graph.EdgeCount(i); k++) start[graph.Edge(i, k) + 1]++;
        }
        for (var i = 0; i < n; i++) start[i + 1] += start[i];
        var fill = (int[])start.Clone();
        var preds = new int[start[n]];
        for (var i = 0; i < n; i++)
        {
            poll.Step();
            for (var k = 0; k < graph.EdgeCount(i); k++) preds[fill[graph.Edge(i, k)]++] = i;
        }
        return new ReverseEdges(start, preds, poll);
    }

    /// <summary>The states with an edge to <paramref name="v"/>, one entry per edge, in increasing order.</summary>
    public ReadOnlySpan<int> Predecessors(int v) => _preds.AsSpan(_start[v], _start[v + 1] - _start[v]);

    /// <summary>The states from which some <paramref name="target"/> state is reachable (targets included).</summary>
    public bool[] Reach(bool[] target)
    {
        var reach = (bool[])target.Clone();
        var queue = new Queue<int>();
        for (var i = 0; i < target.Length; i++) if (target[i]) queue.Enqueue(i);
        while (queue.Count > 0)
        {
            _poll.Step();
            foreach (var u in Predecessors(queue.Dequeue()))
                if (!reach[u]) { reach[u] = true; queue.Enqueue(u); }
        }
        return reach;
    }
}
