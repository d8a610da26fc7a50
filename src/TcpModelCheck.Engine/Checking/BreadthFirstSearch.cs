using System.Diagnostics;
using TcpModelCheck.Engine.Model;
using TcpModelCheck.Engine.Storage;

namespace TcpModelCheck.Engine.Checking;

/// <summary>
/// Single-threaded breadth-first search over whole states (the reference strategy). States are expanded in
/// id order, which is discovery order, which is breadth-first order: the queue is the id range itself.
/// The TLC worker loop: take a state, generate its successors, check action properties on every edge,
/// keep the new ones, check invariants on new states only.
/// </summary>
internal sealed class BreadthFirstSearch<TState, TAction> where TState : IEquatable<TState>
{
    private readonly IModel<TState, TAction> _model;
    private readonly CheckOptions _options;
    private readonly PropertyTracker<TState, TAction> _props;
    private readonly Action<SearchProgress>? _progress;
    private readonly CancellationToken _cancel;

    public BreadthFirstSearch(IModel<TState, TAction> model, CheckOptions options, PropertyTracker<TState, TAction> props,
        Action<SearchProgress>? progress, CancellationToken cancel)
    {
        _model = model;
        _options = options;
        _props = props;
        _progress = progress;
        _cancel = cancel;
    }

    public SearchOutcome<TState> Run()
    {
        var clock = Stopwatch.StartNew();
        var graph = new SearchGraph(_props.NeedsGraph);
        var index = new Dictionary<TState, int>();
        var states = new List<TState>();
        var limits = new LimitWatch(_options.Limits, _options.ProgressInterval, clock);
        long transitions = 0;
        var maxDepth = 0;
        var stop = StopReason.None;

        foreach (var (init, i) in _model.InitialStates.Select((s, i) => (s, i)))
        {
            if (index.ContainsKey(init)) continue;
            var id = graph.Add(-1, i, 0);
            index.Add(init, id);
            states.Add(init);
            CheckNewState(init, id);
        }

        var actions = new List<TAction>();
        var targets = new List<int>();
        for (var id = 0; id < states.Count && stop == StopReason.None; id++)
        {
            var state = states[id];
            var depth = graph.Depth(id);
            actions.Clear();
            targets.Clear();
            _model.Actions(state, actions);
            if (actions.Count == 0 && _props.Deadlock is { } dl && !_model.IsTerminal(state)) _props.Record(dl, id);
            if (_options.Limits.MaxDepth is { } md && depth >= md && actions.Count > 0)
            {
                stop = StopReason.MaxDepth;   // a successor would lie beyond the depth bound
                break;
            }
            for (var k = 0; k < actions.Count; k++)
            {
                var next = _model.Next(state, actions[k]);
                transitions++;
                foreach (var p in _props.Edges)
                    if (_props.Pending(p) && !p.Edge!(state, actions[k], next)) _props.Record(p, id, k);
                if (!index.TryGetValue(next, out var nid))
                {
                    if (_options.Limits.MaxStates is { } ms && states.Count >= ms) { stop = StopReason.MaxStates; break; }
                    nid = graph.Add(id, k, depth + 1);
                    index.Add(next, nid);
                    states.Add(next);
                    maxDepth = Math.Max(maxDepth, depth + 1);
                    CheckNewState(next, nid);
                }
                targets.Add(nid);
            }
            if (stop != StopReason.None) break;
            if (graph.HasEdges) graph.SetEdges(id, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(targets));
            if (_props.AllSettled) { stop = StopReason.AllPropertiesSettled; break; }
            stop = limits.Check(_cancel, states.Count, () => new SearchProgress(states.Count, transitions, depth,
                states.Count - id - 1, clock.Elapsed, GC.GetTotalMemory(false)), _progress);
        }

        var storeBytes = (long)states.Count * (EstimateSize() + 24);
        return new SearchOutcome<TState>(graph, states, new SearchStatistics(states.Count, transitions, maxDepth,
            clock.Elapsed, limits.PeakMemory, storeBytes, StorageMode.Exact, stop));
    }

    private static int EstimateSize() => typeof(TState).IsValueType
        ? System.Runtime.CompilerServices.Unsafe.SizeOf<TState>() : IntPtr.Size;

    private void CheckNewState(TState state, int id)
    {
        foreach (var p in _props.Invariants)
            if (_props.Pending(p) && !p.Condition!(state)) _props.Record(p, id);
        foreach (var p in _props.Witnesses)
            if (_props.Pending(p) && p.Condition!(state)) _props.Record(p, id);
    }
}

/// <summary>What a search hands to the result builder.</summary>
/// <param name="States">The states by id, when the strategy keeps them (needed for liveness).</param>
internal sealed record SearchOutcome<TState>(SearchGraph Graph, IReadOnlyList<TState>? States, SearchStatistics Statistics);

/// <summary>Checks the time, memory and cancellation limits every few thousand states, reports progress, and
/// tracks peak memory.</summary>
internal sealed class LimitWatch(SearchLimits limits, TimeSpan progressInterval, Stopwatch clock)
{
    private int _tick;
    private TimeSpan _lastProgress = TimeSpan.Zero;

    public long PeakMemory { get; private set; } = Environment.WorkingSet;

    public StopReason Check(CancellationToken cancel, long states, Func<SearchProgress> snapshot, Action<SearchProgress>? progress)
    {
        if (++_tick < 1024) return StopReason.None;
        _tick = 0;
        if (cancel.IsCancellationRequested) return StopReason.Cancelled;
        var ws = Environment.WorkingSet;
        if (ws > PeakMemory) PeakMemory = ws;
        if (limits.MaxMemoryBytes is { } mm && ws > mm) return StopReason.MaxMemory;
        if (limits.MaxTime is { } mt && clock.Elapsed > mt) return StopReason.MaxTime;
        if (progress is not null && clock.Elapsed - _lastProgress >= progressInterval)
        {
            _lastProgress = clock.Elapsed;
            progress(snapshot());
        }
        return StopReason.None;
    }
}
