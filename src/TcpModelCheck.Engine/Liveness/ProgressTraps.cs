using TcpModelCheck.Engine.Checking;

namespace TcpModelCheck.Engine.Liveness;

/// <summary>
/// Where an execution that is strongly fair and lets time progress (<see cref="Model.Fairness.TimeProgress"/>)
/// can end up without the goal. Such an infinite execution visits infinitely often exactly the states of one
/// bottom strongly connected component (BSCC) of the whole graph and takes each of its edges infinitely often, so
/// it is admissible only when that BSCC contains a progress edge; a finite one ends in a dead end. So, over the
/// doomed states (those that cannot reach the goal; closed under successors, so a BSCC of the doomed subgraph is a
/// BSCC of the whole graph):
/// <list type="bullet">
/// <item>a <b>trap</b> is a dead end or a state of a BSCC with a progress edge — reaching one through ¬goal states
/// violates the property;</item>
/// <item>a <b>timelock</b> is a BSCC with edges but no progress edge: no admissible execution stays in it and none
/// leaves it, so it is no counterexample; the check counts those it meets so that the exclusion is reported.</item>
/// </list>
/// A doomed component that is not bottom is never a trap: strong fairness makes every execution leave it.
/// The lasso's cycle (<see cref="CloseCycle"/>) represents the trap: the fair execution it stands for goes round
/// the whole component, taking every edge, the progress edge of the cycle among them.
/// </summary>
internal sealed class ProgressTraps
{
    private readonly SearchGraph _graph;
    private readonly Func<int, bool[]> _progress;
    private readonly int[] _component;   // -1 for a state that can reach the goal
    private readonly bool[] _trap;       // per component
    private readonly bool[] _timelock;   // per component
    private readonly int[] _size;        // per component
    private readonly StopPoll _poll;

    private ProgressTraps(SearchGraph graph, Func<int, bool[]> progress, int[] component, int count, StopPoll poll)
    {
        _graph = graph;
        _progress = progress;
        _poll = poll;
        _component = component;
        _trap = new bool[count];
        _timelock = new bool[count];
        _size = new int[count];
        var notBottom = new bool[count];
        for (var v = 0; v < component.Length; v++)
        {
            poll.Step();
            if (component[v] < 0) continue;
            _size[component[v]]++;
            for (var k = 0; k < graph.EdgeCount(v); k++)
                if (component[graph.Edge(v, k)] != component[v]) notBottom[component[v]] = true;
        }
        var hasEdges = new bool[count];
        for (var v = 0; v < component.Length; v++)
        {
            poll.Step();
            var c = component[v];
            if (c < 0 || notBottom[c]) continue;
            if (graph.EdgeCount(v) == 0) { _trap[c] = true; continue; }   // a dead end: its own component
            hasEdges[c] = true;
            if (!_trap[c] && progress(v).Contains(true)) _trap[c] = true;
        }
        for (var c = 0; c < count; c++) _timelock[c] = !notBottom[c] && hasEdges[c] && !_trap[c];
    }

    /// <summary>Classifies the doomed states (<paramref name="canReach"/> false) of <paramref name="graph"/>;
    /// <paramref name="progress"/> gives, for a state, which of its choices are progress actions.</summary>
    public static ProgressTraps Find(SearchGraph graph, bool[] canReach, Func<int, bool[]> progress, StopPoll poll)
    {
        var component = StrongComponents.Of(graph, v => !canReach[v], poll, out var count);
        return new ProgressTraps(graph, progress, component, count, poll);
    }

    public bool IsTrap(int v) => _component[v] >= 0 && _trap[_component[v]];

    /// <summary>The timelocks with a state for which <paramref name="met"/> holds, and their states.</summary>
    public (int Count, long States) TimelocksMet(Func<int, bool> met)
    {
        var seen = new HashSet<int>();
        long states = 0;
        for (var v = 0; v < _component.Length; v++)
        {
            _poll.Step();
            if (_component[v] is var c && c >= 0 && _timelock[c] && met(v) && seen.Add(c)) states += _size[c];
        }
        return (seen.Count, states);
    }

    /// <summary>
    /// Appends to <paramref name="choices"/> (the stem, ending at the trap state <paramref name="entry"/>) a shortest
    /// cycle from <paramref name="entry"/> back to it that takes a progress edge, and returns where the cycle starts
    /// (an index into the path's states); null for a dead end. Among equally short cycles, the progress edge of the
    /// lowest state id and choice is taken.
    /// </summary>
    public int? CloseCycle(int entry, List<int> choices, ReverseEdges reverse)
    {
        if (_graph.EdgeCount(entry) == 0) return null;
        var c = _component[entry];
        var (distFrom, parent) = Forward(entry, c);
        var (distTo, toward) = Backward(entry, c, reverse);
        (int Cost, int U, int K) best = (int.MaxValue, -1, -1);
        for (var u = 0; u < _component.Length; u++)
        {
            _poll.Step();
            if (_component[u] != c) continue;
            var progress = _progress(u);
            for (var k = 0; k < progress.Length; k++)
                if (progress[k] && distFrom[u] + 1 + distTo[_graph.Edge(u, k)] is var cost && cost < best.Cost)
                    best = (cost, u, k);
        }
        if (best.U < 0) throw new InvalidOperationException("a trap component without a progress edge");
        var loopStart = choices.Count;
        var head = new List<int>();
        for (var v = best.U; v != entry; v = parent[v].Prev) head.Add(parent[v].Choice);
        head.Reverse();
        choices.AddRange(head);
        choices.Add(best.K);
        for (var v = _graph.Edge(best.U, best.K); v != entry; v = toward[v].Next) choices.Add(toward[v].Choice);
        return loopStart;
    }

    /// <summary>Breadth-first distances from <paramref name="entry"/> inside component <paramref name="c"/>, with
    /// the edge that first reached each state.</summary>
    private (int[] Dist, (int Prev, int Choice)[] Parent) Forward(int entry, int c)
    {
        var dist = new int[_component.Length];
        var parent = new (int, int)[_component.Length];
        Array.Fill(dist, -1);
        dist[entry] = 0;
        var queue = new Queue<int>([entry]);
        while (queue.Count > 0)
        {
            _poll.Step();
            var v = queue.Dequeue();
            for (var k = 0; k < _graph.EdgeCount(v); k++)
            {
                var w = _graph.Edge(v, k);
                if (_component[w] != c || dist[w] >= 0) continue;
                dist[w] = dist[v] + 1;
                parent[w] = (v, k);
                queue.Enqueue(w);
            }
        }
        return (dist, parent);
    }

    /// <summary>Breadth-first distances to <paramref name="entry"/> inside component <paramref name="c"/>, with each
    /// state's first choice that leads one step closer.</summary>
    private (int[] Dist, (int Next, int Choice)[] Toward) Backward(int entry, int c, ReverseEdges reverse)
    {
        var dist = new int[_component.Length];
        var toward = new (int, int)[_component.Length];
        Array.Fill(dist, -1);
        dist[entry] = 0;
        var queue = new Queue<int>([entry]);
        while (queue.Count > 0)
        {
            _poll.Step();
            var w = queue.Dequeue();
            foreach (var u in reverse.Predecessors(w))
            {
                if (_component[u] != c || dist[u] >= 0) continue;
                dist[u] = dist[w] + 1;
                var k = 0;
                while (_graph.Edge(u, k) != w) k++;
                toward[u] = (w, k);
                queue.Enqueue(u);
            }
        }
        return (dist, toward);
    }
}
