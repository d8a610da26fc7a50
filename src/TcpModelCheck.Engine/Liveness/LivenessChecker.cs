using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Engine.Model;

namespace TcpModelCheck.Engine.Liveness;

/// <summary>
/// A lasso found by the liveness check, as choices: the path from an initial state to a state from which the
/// goal is unreachable, followed by the trap (cycle or dead end) it cannot leave.
/// </summary>
/// <param name="Initial">Initial-state index.</param>
/// <param name="Choices">Every choice of the path, stem and cycle.</param>
/// <param name="LoopStart">Index into the state sequence where the cycle starts; null when the path ends in a
/// deadlock (a state with no enabled action).</param>
internal sealed record Lasso(int Initial, List<int> Choices, int? LoopStart);

/// <summary>
/// Liveness over the explored graph, sound on cycles (unlike a depth-first "eventually" that ignores them).
/// <para>
/// Fairness: strong fairness on every transition — an execution that can take an edge infinitely often
/// does take it infinitely often. On a finite graph such an execution either ends in a state with no enabled
/// action or ends up looping through a whole bottom strongly connected component. So "eventually Q" fails
/// exactly when some execution can, before ever meeting Q, reach a state from which no Q-state is reachable
/// at all; and "P leads to Q" fails when that can happen after a P-state. That is what is computed:
/// </para>
/// <list type="number">
/// <item>doomed = the reachable states that cannot reach a Q-state (backward search from Q over reversed edges);</item>
/// <item>from the seeds (the initial states, or every reachable P-state) search forward through ¬Q states only;</item>
/// <item>the first doomed state met is the end of the stem; its trap (all its successors are doomed too) is
/// walked until it revisits a state (the cycle) or stops (deadlock).</item>
/// </list>
/// </summary>
internal static class LivenessChecker
{
    public static Lasso? Check<TState, TAction>(Property<TState, TAction> property, SearchGraph graph,
        IReadOnlyList<TState> states) where TState : IEquatable<TState>
    {
        var n = graph.Count;
        var goal = new bool[n];
        for (var i = 0; i < n; i++) goal[i] = property.Goal!(states[i]);
        var canReach = BackwardReach(graph, goal);

        var seeds = new List<int>();
        for (var i = 0; i < n; i++)
        {
            var isSeed = property.Triggers(states[i], initial: graph.Parent(i) < 0);
            if (isSeed && !goal[i]) seeds.Add(i);
        }
        var (doomed, from) = ForwardToDoomed(graph, seeds, goal, canReach);
        if (doomed < 0) return null;

        // stem: initial → seed (BFS tree) then seed → doomed (through ¬Q states)
        var tail = new List<int>();
        var at = doomed;
        while (from[at] is var (prev, choice) && prev >= 0)
        {
            tail.Add(choice);
            at = prev;
        }
        tail.Reverse();
        var (initial, choices) = graph.PathTo(at);
        choices.AddRange(tail);
        var loopStart = WalkTrap(graph, doomed, choices);
        return new Lasso(initial, choices, loopStart);
    }

    private static bool[] BackwardReach(SearchGraph graph, bool[] goal)
    {
        var n = graph.Count;
        // reverse adjacency in CSR form
        var inDegree = new int[n + 1];
        for (var i = 0; i < n; i++)
            for (var k = 0; k < graph.EdgeCount(i); k++) inDegree[graph.Edge(i, k) + 1]++;
        for (var i = 0; i < n; i++) inDegree[i + 1] += inDegree[i];
        var fill = (int[])inDegree.Clone();
        var preds = new int[inDegree[n]];
        for (var i = 0; i < n; i++)
            for (var k = 0; k < graph.EdgeCount(i); k++) preds[fill[graph.Edge(i, k)]++] = i;

        var reach = (bool[])goal.Clone();
        var queue = new Queue<int>();
        for (var i = 0; i < n; i++) if (goal[i]) queue.Enqueue(i);
        while (queue.Count > 0)
        {
            var v = queue.Dequeue();
            for (var j = inDegree[v]; j < inDegree[v + 1]; j++)
                if (!reach[preds[j]]) { reach[preds[j]] = true; queue.Enqueue(preds[j]); }
        }
        return reach;
    }

    private static (int Doomed, (int Prev, int Choice)?[] From) ForwardToDoomed(SearchGraph graph, List<int> seeds,
        bool[] goal, bool[] canReach)
    {
        var from = new (int, int)?[graph.Count];
        var queue = new Queue<int>();
        foreach (var s in seeds.OrderBy(graph.Depth))   // nearest seeds first: shorter stems
        {
            if (from[s] is not null) continue;
            from[s] = (-1, -1);
            queue.Enqueue(s);
        }
        while (queue.Count > 0)
        {
            var v = queue.Dequeue();
            if (!canReach[v]) return (v, from);
            for (var k = 0; k < graph.EdgeCount(v); k++)
            {
                var w = graph.Edge(v, k);
                if (goal[w] || from[w] is not null) continue;
                from[w] = (v, k);
                queue.Enqueue(w);
            }
        }
        return (-1, from);
    }

    /// <summary>Follows first choices from a doomed state until a state repeats (returns where the cycle
    /// starts, as an index into the path's states) or no action is enabled (returns null).</summary>
    private static int? WalkTrap(SearchGraph graph, int start, List<int> choices)
    {
        var seenAt = new Dictionary<int, int>();
        var v = start;
        while (true)
        {
            seenAt[v] = choices.Count;
            if (graph.EdgeCount(v) == 0) return null;
            var w = graph.Edge(v, 0);
            choices.Add(0);
            if (seenAt.TryGetValue(w, out var at)) return at;
            v = w;
        }
    }
}
