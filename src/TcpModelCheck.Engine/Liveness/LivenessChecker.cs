using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Engine.Model;

namespace TcpModelCheck.Engine.Liveness;

/// <summary>
/// A lasso found by the liveness check, as choices: the path from an initial state to the trap it cannot
/// leave without the goal (a cycle or a dead end).
/// </summary>
/// <param name="Initial">Initial-state index.</param>
/// <param name="Choices">Every choice of the path, stem and cycle.</param>
/// <param name="LoopStart">Index into the state sequence where the cycle starts; null when the path ends in a
/// deadlock (a state with no enabled action).</param>
internal sealed record Lasso(int Initial, List<int> Choices, int? LoopStart);

/// <summary>What the liveness check found: a lasso when the property fails; under
/// <see cref="Fairness.TimeProgress"/>, the timelocks it excluded (bottom components without a progress edge that
/// some execution reaches without meeting the goal) and their states.</summary>
internal sealed record LivenessOutcome(Lasso? Lasso, int Timelocks, long TimelockStates);

/// <summary>
/// Liveness over the explored graph, sound on cycles (unlike a depth-first "eventually" that ignores them).
/// <para>
/// Fairness: strong fairness on every transition — an execution that can take an edge infinitely often
/// does take it infinitely often. On a finite graph such an execution either ends in a state with no enabled
/// action or ends up looping through a whole bottom strongly connected component (BSCC). So "eventually Q" fails
/// exactly when some execution can, before ever meeting Q, reach a state from which no Q-state is reachable
/// at all; and "P leads to Q" fails when that can happen after a P-state. That is what is computed:
/// </para>
/// <list type="number">
/// <item>doomed = the reachable states that cannot reach a Q-state (backward search from Q over reversed edges);</item>
/// <item>from the seeds (the initial states, or every reachable P-state) search forward through ¬Q states only;</item>
/// <item>the first doomed state met is the end of the stem; its trap (all its successors are doomed too) is
/// walked until it revisits a state (the cycle) or stops (deadlock).</item>
/// </list>
/// <para>
/// Under <see cref="Fairness.TimeProgress"/> the forward search instead stops at the first state that is a dead
/// end or lies in a doomed BSCC containing a progress edge (<see cref="ProgressTraps"/>), and the cycle is built
/// inside that BSCC through a progress edge; BSCCs without one (timelocks) are passed through and counted.
/// </para>
/// </summary>
internal static class LivenessChecker
{
    /// <summary>Checks <paramref name="property"/> on the complete <paramref name="graph"/>; <paramref name="poll"/> throws
    /// <see cref="LivenessStoppedException"/> out of it when a limit of the check is reached.</summary>
    public static LivenessOutcome Check<TState, TAction>(IModel<TState, TAction> model, Property<TState, TAction> property,
        SearchGraph graph, IReadOnlyList<TState> states, StopPoll poll) where TState : IEquatable<TState>
    {
        var n = graph.Count;
        var goal = new bool[n];
        var seeds = new List<int>();
        for (var i = 0; i < n; i++)   // one pass: states may be decoded on each access
        {
            poll.Step();
            var state = states[i];
            goal[i] = property.Goal!(state);
            if (!goal[i] && property.Triggers(state, initial: graph.Parent(i) < 0)) seeds.Add(i);
        }
        var reverse = ReverseEdges.Of(graph, poll);
        var canReach = reverse.Reach(goal);

        var traps = property.Fairness == Fairness.TimeProgress
            ? ProgressTraps.Find(graph, canReach, v => ProgressChoices(model, property, states[v]), poll)
            : null;
        Func<int, bool> isTrap = traps is null ? v => !canReach[v] : traps.IsTrap;
        var (end, from) = ForwardToTrap(graph, seeds, goal, isTrap, poll);
        if (end < 0)
        {
            var (count, size) = traps?.TimelocksMet(v => from[v] is not null) ?? (0, 0);
            return new LivenessOutcome(null, count, size);
        }

        // stem: initial → seed (BFS tree) then seed → trap (through ¬Q states)
        var tail = new List<int>();
        var at = end;
        while (from[at] is var (prev, choice) && prev >= 0)
        {
            tail.Add(choice);
            at = prev;
        }
        tail.Reverse();
        var (initial, choices) = graph.PathTo(at);
        choices.AddRange(tail);
        int? loopStart = traps is null ? WalkTrap(graph, end, choices) : traps.CloseCycle(end, choices, reverse);
        return new LivenessOutcome(new Lasso(initial, choices, loopStart), 0, 0);
    }

    /// <summary>Which choices of <paramref name="state"/> are the property's progress actions (the graph's edge
    /// order is the model's action order).</summary>
    private static bool[] ProgressChoices<TState, TAction>(IModel<TState, TAction> model, Property<TState, TAction> property,
        TState state) where TState : IEquatable<TState>
    {
        var actions = new List<TAction>();
        model.Actions(state, actions);
        return [.. actions.Select(a => property.Progress!(state, a))];
    }

    private static (int End, (int Prev, int Choice)?[] From) ForwardToTrap(SearchGraph graph, List<int> seeds,
        bool[] goal, Func<int, bool> isTrap, StopPoll poll)
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
            poll.Step();
            var v = queue.Dequeue();
            if (isTrap(v)) return (v, from);
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
