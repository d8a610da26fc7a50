namespace TcpModelCheck.Engine.Checking;

/// <summary>
/// What a search remembers about the states it found, by state id (ids are dense, 0-based, in discovery
/// order): the predecessor link and choice that first reached each state (so a counterexample is rebuilt
/// by walking back, as TLC does), and — only when liveness is checked — every edge, in compressed
/// sparse-row form with edge order = action order, so an edge's position is its choice index.
/// </summary>
public sealed class SearchGraph
{
    private readonly List<int> _parent = new();
    private readonly List<int> _choice = new();
    private readonly List<int> _depth = new();
    private readonly List<int>? _edgeStart;
    private readonly List<int>? _edgeTarget;

    public SearchGraph(bool recordEdges)
    {
        if (recordEdges)
        {
            _edgeStart = new List<int>();
            _edgeTarget = new List<int>();
        }
    }

    public int Count => _parent.Count;
    public bool HasEdges => _edgeStart is not null;

    /// <summary>Registers a new state and returns its id. For an initial state pass parent −1 and the
    /// initial-state index as <paramref name="choice"/>.</summary>
    public int Add(int parent, int choice, int depth)
    {
        _parent.Add(parent);
        _choice.Add(choice);
        _depth.Add(depth);
        return _parent.Count - 1;
    }

    public int Parent(int id) => _parent[id];
    public int Depth(int id) => _depth[id];

    /// <summary>Records the successors of state <paramref name="id"/>; must be called for ids 0, 1, 2, … in
    /// order (every strategy that needs edges expands states in id order or buffers them).</summary>
    public void SetEdges(int id, ReadOnlySpan<int> targets)
    {
        if (_edgeStart is null) throw new InvalidOperationException("edges are not recorded");
        if (_edgeStart.Count != id) throw new InvalidOperationException($"edges of state {id} set out of order");
        _edgeStart.Add(_edgeTarget!.Count);
        foreach (var t in targets) _edgeTarget.Add(t);
    }

    public int EdgeCount(int id) => Next(id) - _edgeStart![id];

    /// <summary>The target of choice <paramref name="k"/> from state <paramref name="id"/>.</summary>
    public int Edge(int id, int k) => _edgeTarget![_edgeStart![id] + k];

    private int Next(int id) => id + 1 < _edgeStart!.Count ? _edgeStart[id + 1] : _edgeTarget!.Count;

    /// <summary>The initial-state index and the choices leading from it to <paramref name="id"/>.</summary>
    public (int Initial, List<int> Choices) PathTo(int id)
    {
        var choices = new List<int>();
        while (_parent[id] >= 0)
        {
            choices.Add(_choice[id]);
            id = _parent[id];
        }
        choices.Reverse();
        return (_choice[id], choices);
    }
}
