using TcpModelCheck.Engine.Storage;

namespace TcpModelCheck.Engine.Checking;

/// <summary>
/// What a search remembers about the states it found, by state id (ids are dense, 0-based, in discovery
/// order): the predecessor link and choice that first reached each state (so a counterexample is rebuilt
/// by walking back, as TLC does), and — only when liveness is checked — every edge, in compressed
/// sparse-row form with edge order = action order, so an edge's position is its choice index.
/// </summary>
/// <remarks>The predecessor links live in a compact <see cref="PredecessorLog"/> (8 bytes per state). The
/// edges are not recorded during the search: for liveness they are rebuilt afterwards from the kept states
/// (<see cref="Liveness.GraphBuilder"/>), so every strategy, parallel ones included, yields the same graph.</remarks>
public sealed class SearchGraph
{
    private readonly PredecessorLog _log;
    private ChunkedArray<long>? _edgeStart;   // per state: index of its first edge
    private ChunkedArray<int>? _edgeTarget;
    private int[]? _depths;

    internal SearchGraph(PredecessorLog log) => _log = log;

    /// <summary>Closes the predecessor log's spill file, if any (after the counterexamples are rebuilt).</summary>
    internal void Release() => _log.Dispose();

    public int Count => checked((int)_log.Count);
    public bool HasEdges => _edgeStart is not null;

    public int Parent(int id) => (int)_log.Parent(id);

    /// <summary>The number of steps from an initial state along the predecessor links (computed once for
    /// all states, in one pass: a parent's id is always below its child's).</summary>
    public int Depth(int id)
    {
        if (_depths is null || _depths.Length != Count)
        {
            var d = new int[Count];
            for (var i = 0; i < d.Length; i++) d[i] = _log.Parent(i) is var p && p >= 0 ? d[p] + 1 : 0;
            _depths = d;
        }
        return _depths[id];
    }

    internal void StartEdges()
    {
        _edgeStart = new ChunkedArray<long>();
        _edgeTarget = new ChunkedArray<int>();
    }

    /// <summary>Records the successors of state <paramref name="id"/>; must be called for ids 0, 1, 2, … in order.</summary>
    public void SetEdges(int id, ReadOnlySpan<int> targets)
    {
        if (_edgeStart is null) throw new InvalidOperationException("edges are not recorded");
        if (_edgeStart.Length != id) throw new InvalidOperationException($"edges of state {id} set out of order");
        _edgeStart.Add(_edgeTarget!.Length);
        foreach (var t in targets) _edgeTarget.Add(t);
    }

    /// <summary>Bytes of the recorded edges (the targets and each state's first-edge index; 0 before they are rebuilt).</summary>
    public long EdgeBytes => (_edgeStart?.Bytes ?? 0) + (_edgeTarget?.Bytes ?? 0);

    public int EdgeCount(int id) => (int)(Next(id) - _edgeStart![id]);

    /// <summary>The target of choice <paramref name="k"/> from state <paramref name="id"/>.</summary>
    public int Edge(int id, int k) => _edgeTarget![_edgeStart![id] + k];

    private long Next(int id) => id + 1 < _edgeStart!.Length ? _edgeStart[id + 1] : _edgeTarget!.Length;

    /// <summary>The initial-state index and the choices leading from it to <paramref name="id"/>.</summary>
    public (int Initial, List<int> Choices) PathTo(int id) => _log.PathTo(id);

    internal (int Initial, List<int> Choices) PathTo(long id) => _log.PathTo(id);
}
