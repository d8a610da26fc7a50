using System.Runtime.InteropServices;
using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Engine.Model;
using TcpModelCheck.Engine.Storage;

namespace TcpModelCheck.Engine.Strategies;

/// <summary>
/// Depth-first search with an explicit stack (no recursion, so depth is bounded by memory only), one
/// successor at a time as SPIN does: a frame holds its state, its id and the index of the next action to
/// try; the enabled actions of every frame live in one shared list used as a stack of slices, so pushing a
/// state allocates nothing. A state is stored when first generated, with the frame on top as its parent, so
/// the predecessor links of a state found are exactly the stack at that moment: a counterexample is the stack
/// path (not necessarily the shortest).
/// </summary>
internal sealed class DepthFirstSearch<TState, TAction, TStore>
    where TState : IEquatable<TState>
    where TStore : struct, IVisitedStore<TState>
{
    private struct Frame
    {
        public TState State;
        public long Id;
        public int ActionStart;
        public int ActionCount;
        public int Next;
    }

    private readonly SearchContext<TState, TAction> _ctx;
    private readonly IModel<TState, TAction> _model;
    private readonly TStore _store;
    private readonly PredecessorLog _log = new();
    private readonly ChunkedArray<TState>? _states;
    private readonly LimitWatch _limits;
    private readonly List<TAction> _actions = new();
    private readonly byte[] _encode;
    private readonly long _maxStates;
    private readonly int _maxDepth;
    private Frame[] _stack = new Frame[64];
    private int _depth;   // number of frames on the stack
    private SearchCounters _counters;
    private StopReason _stop;
    private bool _depthCut;

    public DepthFirstSearch(SearchContext<TState, TAction> ctx, TStore store)
    {
        _ctx = ctx;
        _model = ctx.Model;
        _store = store;
        _states = ctx.KeepStates ? new ChunkedArray<TState>() : null;
        _limits = new LimitWatch(ctx.Options, ctx.Cancel, ctx.Progress, ctx.Clock);
        _encode = ctx.NewEncodeBuffer();
        _maxStates = ctx.Options.Limits.MaxStates ?? long.MaxValue;
        _maxDepth = ctx.Options.Limits.MaxDepth ?? int.MaxValue;
    }

    /// <summary>Stores every initial state first (so each is an initial state of the graph, with no parent, even
    /// when another one reaches it: the liveness check starts from them), then explores from each in turn.</summary>
    public SearchOutcome<TState> Run()
    {
        var initials = _model.InitialStates;
        var roots = new List<(int Index, long Id)>();
        for (var i = 0; i < initials.Count && _stop == StopReason.None; i++)
            if (TryStore(initials[i], -1, i, out var id)) roots.Add((i, id));
        foreach (var (index, id) in roots)
        {
            if (_stop != StopReason.None) break;
            Push(initials[index], id);
            Explore();
        }
        if (_stop == StopReason.None && _depthCut) _stop = StopReason.MaxDepth;
        var states = _states is null ? null : new ChunkedList<TState>(_states, checked((int)_counters.States));
        return _ctx.Outcome(_log, states, _counters, _store, _limits, _stop, null);
    }

    private void Explore()
    {
        var sink = new DirectSink<TState, TAction>(_ctx.Properties);

        long tick = 0;
        while (_depth > 0 && _stop == StopReason.None)
        {
            ref var top = ref _stack[_depth - 1];
            if (top.Next == top.ActionCount)
            {
                CollectionsMarshal.SetCount(_actions, top.ActionStart);
                _depth--;
                continue;
            }
            var k = top.Next++;
            var action = _actions[top.ActionStart + k];
            var next = _model.Next(top.State, action);
            _counters.Transitions++;
            if (_ctx.Properties.PendingEdges.Length > 0) _ctx.CheckEdge(top.State, action, next, top.Id, k, ref sink);
            if (TryStore(next, top.Id, k, out var id)) Push(next, id);
            if ((++tick & 1023) == 0 && _stop == StopReason.None) _stop = _limits.Check(_counters.States, Snapshot);
        }
    }

    /// <summary>Stores a state if new (giving it the next id and checking its properties); false when it was
    /// seen before or the state limit stops the search.</summary>
    private bool TryStore(in TState state, long parent, int choice, out long id)
    {
        id = -1;
        var hash = StableHash.Of(_encode.AsSpan(0, _model.Encode(state, _encode)));
        if (!_store.Add(hash, state)) return false;
        if (_counters.States >= _maxStates)
        {
            _stop = StopReason.MaxStates;
            return false;
        }
        id = _log.Add(parent, choice);
        _states?.Add(state);
        _counters.States++;
        var sink = new DirectSink<TState, TAction>(_ctx.Properties);
        _ctx.CheckNewState(state, id, ref sink);
        if (_ctx.Options.StopWhenAllSettled && _ctx.Properties.AllSettled) _stop = StopReason.AllPropertiesSettled;
        return true;
    }

    /// <summary>Pushes a newly stored state with its enabled actions (none past the depth bound).</summary>
    private void Push(in TState state, long id)
    {
        var depth = _depth;
        if (depth > _counters.MaxDepth) _counters.MaxDepth = depth;
        var start = _actions.Count;
        _model.Actions(state, _actions);
        var count = _actions.Count - start;
        var props = _ctx.Properties;
        if (count == 0 && props.PendingDeadlock is { } dl && !_model.IsTerminal(state))
        {
            props.Record(dl, id);
            if (_ctx.Options.StopWhenAllSettled && props.AllSettled) _stop = StopReason.AllPropertiesSettled;
        }
        if (count > 0 && depth >= _maxDepth)
        {
            _depthCut = true;
            count = 0;
        }
        if (count == 0)
        {
            CollectionsMarshal.SetCount(_actions, start);
            return;
        }
        if (_depth == _stack.Length) Array.Resize(ref _stack, _stack.Length * 2);
        _stack[_depth++] = new Frame { State = state, Id = id, ActionStart = start, ActionCount = count };
    }

    private SearchProgress Snapshot() => new(_counters.States, _counters.Transitions, _depth, _depth, _limits.Clock.Elapsed, 0);
}
