using TcpModelCheck.Engine.Model;
using TcpModelCheck.Engine.Storage;
using TcpModelCheck.Engine.Checking;

namespace TcpModelCheck.Engine.Strategies;

/// <summary>
/// One worker of the level-synchronous breadth-first search. A round runs three phases, separated by barriers:
/// <list type="number">
/// <item><see cref="Expand"/>: generate the successors of a contiguous slice of the round's states, check
/// deadlock and action properties, hash each successor and route it to the worker that owns its segment;</item>
/// <item><see cref="Insert"/>: look up every successor routed to this worker in the segments it owns
/// (prefetching a few entries ahead), keep the new ones and check their invariants and witnesses;</item>
/// <item><see cref="Publish"/>: write the new states and their predecessor entries at the ids the coordinator
/// assigned (this worker's new states get a contiguous block, in the order found).</item>
/// </list>
/// Nothing here takes a lock or allocates once the buffers have grown to their working size.
/// </summary>
internal sealed class LevelWorker<TState, TAction, TStore>
    where TState : IEquatable<TState>
    where TStore : struct, IVisitedStore<TState>
{
    private readonly SearchContext<TState, TAction> _ctx;
    private readonly IModel<TState, TAction> _model;
    private readonly TStore _store;
    private readonly int _index;
    private readonly int _workers;
    private readonly List<TAction> _actions = new();
    private readonly byte[] _encode;
    private readonly GrowableBuffer<Successor<TState>>[] _outbox;
    private readonly GrowableBuffer<Successor<TState>> _fresh = new();
    private readonly List<PropertyTracker<TState, TAction>.Candidate> _freshCandidates = new();

    public LevelWorker(SearchContext<TState, TAction> ctx, TStore store, int index, int workers)
    {
        _ctx = ctx;
        _model = ctx.Model;
        _store = store;
        _index = index;
        _workers = workers;
        _encode = ctx.NewEncodeBuffer();
        _outbox = new GrowableBuffer<Successor<TState>>[workers];
        for (var i = 0; i < workers; i++) _outbox[i] = new();
    }

    public long Transitions { get; private set; }

    /// <summary>Some state at the depth bound had a successor that was not generated.</summary>
    public bool DepthCut { get; private set; }

    /// <summary>New states found by the last <see cref="Insert"/>.</summary>
    public int FreshCount => _fresh.Count;

    /// <summary>Findings of the current round, with final state ids once <see cref="Publish"/> has run.</summary>
    public List<PropertyTracker<TState, TAction>.Candidate> Candidates { get; } = new();

    /// <summary>Bytes held by this worker's round buffers.</summary>
    public long BufferBytes => _fresh.Bytes + _outbox.Sum(b => b.Bytes);

    /// <summary>Phase 1: expands the states with ids in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public void Expand(ChunkedArray<TState> frontier, long from, long to, bool atDepthBound)
    {
        foreach (var box in _outbox) box.Clear();
        Candidates.Clear();
        var sink = new ListSink<TState, TAction>(Candidates);
        var props = _ctx.Properties;
        var checkEdges = props.PendingEdges.Length > 0;
        for (var id = from; id < to; id++)
        {
            ref readonly var state = ref frontier[id];
            _actions.Clear();
            _model.Actions(state, _actions);
            var n = _actions.Count;
            if (n == 0)
            {
                if (props.PendingDeadlock is { } dl && !_model.IsTerminal(state)) sink.Found(dl, id, -1);
                continue;
            }
            if (atDepthBound)
            {
                DepthCut = true;
                continue;
            }
            Transitions += n;
            for (var k = 0; k < n; k++)
            {
                var action = _actions[k];
                var next = _model.Next(state, action);
                if (checkEdges) _ctx.CheckEdge(state, action, next, id, k, ref sink);
                var hash = StableHash.Of(_encode.AsSpan(0, _model.Encode(next, _encode)));
                var owner = _workers == 1 ? 0 : SegmentedTableMath.SegmentOf(hash) % _workers;
                _outbox[owner].Add(new Successor<TState> { State = next, Hash = hash, Parent = id, Choice = k });
            }
        }
    }

    /// <summary>Phase 2: looks up the successors every worker routed here, in worker order.</summary>
    public void Insert(LevelWorker<TState, TAction, TStore>[] all)
    {
        _fresh.Clear();
        _freshCandidates.Clear();
        var sink = new ListSink<TState, TAction>(_freshCandidates);
        var props = _ctx.Properties;
        var checkStates = props.PendingInvariants.Length + props.PendingWitnesses.Length > 0;
        var ahead = SearchTuning.PrefetchDistance;
        foreach (var worker in all)
        {
            var items = worker._outbox[_index].Span;
            for (var i = 0; i < items.Length; i++)
            {
                if (i + ahead < items.Length) _store.Prefetch(items[i + ahead].Hash);
                ref readonly var s = ref items[i];
                if (!_store.Add(s.Hash, s.State)) continue;
                if (checkStates) _ctx.CheckNewState(s.State, _fresh.Count, ref sink);
                _fresh.Add(s);
            }
        }
    }

    /// <summary>Phase 3: writes the new states at ids <paramref name="firstId"/>, … (those at or beyond
    /// <paramref name="idLimit"/> are dropped: the state limit was reached).</summary>
    public void Publish(long firstId, long idLimit, ChunkedArray<TState> frontier, PredecessorLog log)
    {
        var kept = (int)Math.Clamp(idLimit - firstId, 0, _fresh.Count);
        var fresh = _fresh.Span;
        for (var j = 0; j < kept; j++)
        {
            ref readonly var s = ref fresh[j];
            log.Set(firstId + j, s.Parent, s.Choice);
            frontier.Set(firstId + j, s.State);
        }
        foreach (var c in _freshCandidates)
            if (c.StateId < kept) Candidates.Add(c with { StateId = firstId + c.StateId });
    }
}
