using System.Runtime.ExceptionServices;
using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Engine.Storage;

namespace TcpModelCheck.Engine.Strategies;

/// <summary>
/// Breadth-first search, level by level, on one or more workers (one worker = the plain breadth-first
/// strategy; several = the parallel one; the code is the same). Each level — the states at one depth, a
/// contiguous id range — is cut into rounds; each round runs the three phases of <see cref="LevelWorker{TState,TAction,TStore}"/>.
/// </summary>
/// <remarks>
/// <para>Ids: new states are numbered after each round, worker by worker, so ids stay dense, a level is an id
/// range, and the frontier is simply the states array read in id order. With a fixed worker count the whole
/// search is deterministic (same ids, same counterexamples on every run), because each successor is inserted by
/// the one worker owning its hash segment, in a fixed order.</para>
/// <para>Shortest counterexamples: rounds never straddle a level, so every finding of a round lies at the same
/// depth and the first round with a finding for a property gives a shortest counterexample for it; the
/// smallest (state id, choice) among that round's findings is kept.</para>
/// <para>Limits, progress and cancellation are checked after every round (a few thousand states), so a stopped
/// search ends cleanly with exact partial statistics.</para>
/// </remarks>
internal sealed class LevelSearch<TState, TAction, TStore>
    where TState : IEquatable<TState>
    where TStore : struct, IVisitedStore<TState>
{
    private readonly SearchContext<TState, TAction> _ctx;
    private readonly TStore _store;
    private readonly LevelWorker<TState, TAction, TStore>[] _workers;
    private readonly long[] _firstIds;
    private readonly PredecessorLog _log = new();
    private readonly ChunkedArray<TState> _frontier = new();
    private readonly LimitWatch _limits;
    private readonly Barrier? _barrier;
    private readonly Exception?[] _errors;
    private SearchCounters _counters;
    private StopReason _stop;
    private volatile bool _failed;
    private bool _quit;
    private int _phase;
    private long _levelEnd, _roundStart, _roundEnd, _idLimit;
    private int _depth;
    private bool _atDepthBound;

    public LevelSearch(SearchContext<TState, TAction> ctx, TStore store, int workers)
    {
        _ctx = ctx;
        _store = store;
        _workers = new LevelWorker<TState, TAction, TStore>[workers];
        for (var t = 0; t < workers; t++) _workers[t] = new(ctx, store, t, workers);
        _firstIds = new long[workers];
        _errors = new Exception?[workers];
        _limits = new LimitWatch(ctx.Options, ctx.Cancel, ctx.Progress);
        if (workers > 1) _barrier = new Barrier(workers, _ => AfterPhase());
    }

    public SearchOutcome<TState> Run()
    {
        SeedInitialStates();
        _quit = _stop != StopReason.None || !StartLevel(0);
        if (!_quit)
        {
            var threads = new Thread[_workers.Length - 1];
            for (var t = 1; t < _workers.Length; t++)
            {
                var index = t;
                threads[t - 1] = new Thread(() => RoundLoop(index)) { IsBackground = true, Name = $"bfs-worker-{index}" };
                threads[t - 1].Start();
            }
            RoundLoop(0);
            foreach (var thread in threads) thread.Join();
        }
        _barrier?.Dispose();
        if (_errors.FirstOrDefault(e => e is not null) is { } error) ExceptionDispatchInfo.Capture(error).Throw();
        var stop = _stop == StopReason.None && _workers.Any(w => w.DepthCut) ? StopReason.MaxDepth : _stop;
        var states = _ctx.KeepStates ? new ChunkedList<TState>(_frontier, checked((int)_counters.States)) : null;
        return _ctx.Outcome(_log, states, _counters, _store.Mode, _store.Bytes, _limits.Clock, _limits, stop);
    }

    private void SeedInitialStates()
    {
        var model = _ctx.Model;
        var encode = _ctx.NewEncodeBuffer();
        var sink = new DirectSink<TState, TAction>(_ctx.Properties);
        var initials = model.InitialStates;
        for (var i = 0; i < initials.Count; i++)
        {
            var s = initials[i];
            var hash = StableHash.Of(encode.AsSpan(0, model.Encode(s, encode)));
            if (!_store.Add(hash, s)) continue;
            if (_counters.States >= (_ctx.Options.Limits.MaxStates ?? long.MaxValue))
            {
                _stop = StopReason.MaxStates;
                return;
            }
            var id = _log.Add(-1, i);
            _frontier.Add(s);
            _counters.States++;
            _ctx.CheckNewState(s, id, ref sink);
        }
        if (_ctx.Options.StopWhenAllViolated && _ctx.Properties.AllSettled) _stop = StopReason.AllPropertiesSettled;
    }

    /// <summary>The loop every worker runs; worker 0 on the calling thread.</summary>
    private void RoundLoop(int t)
    {
        var w = _workers[t];
        try
        {
            while (!_quit)
            {
                Guard(t, () => w.Expand(_frontier, Slice(t), Slice(t + 1), _atDepthBound));
                Sync();
                Guard(t, () => w.Insert(_workers));
                Sync();
                Guard(t, () => w.Publish(_firstIds[t], _idLimit, _frontier, _log));
                Sync();
            }
        }
        catch (BarrierPostPhaseException e)
        {
            // every participant sees the coordinator's failure; report it once
            if (t == 0) _errors[0] ??= e.InnerException ?? e;
        }
    }

    private long Slice(int t) => _roundStart + (_roundEnd - _roundStart) * t / _workers.Length;

    private void Guard(int t, Action phase)
    {
        if (_failed) return;
        try { phase(); }
        catch (Exception e)
        {
            _errors[t] = e;
            _failed = true;
        }
    }

    private void Sync()
    {
        if (_barrier is null) AfterPhase();
        else _barrier.SignalAndWait();
    }

    /// <summary>The coordinator's work between phases; runs on one thread while the others wait.</summary>
    private void AfterPhase()
    {
        switch (_phase++ % 3)
        {
            case 1: AssignIds(); break;
            case 2: FinishRound(); break;
        }
    }

    /// <summary>Gives each worker's new states a contiguous block of ids, in worker order, up to the state limit.</summary>
    private void AssignIds()
    {
        var next = _counters.States;
        for (var t = 0; t < _workers.Length; t++)
        {
            _firstIds[t] = next;
            next += _workers[t].FreshCount;
        }
        _idLimit = Math.Min(next, _ctx.Options.Limits.MaxStates ?? long.MaxValue);
        if (next > _idLimit) _stop = StopReason.MaxStates;
        _log.EnsureCount(_idLimit);
        _frontier.EnsureLength(_idLimit);
    }

    private void FinishRound()
    {
        if (_failed)
        {
            _quit = true;
            return;
        }
        if (_idLimit > _counters.States) _counters.MaxDepth = _depth + 1;
        _counters.States = _idLimit;
        _counters.Transitions = _workers.Sum(w => w.Transitions);
        _ctx.Properties.RecordEarliest(_workers.SelectMany(w => w.Candidates));
        if (_stop == StopReason.None && _ctx.Options.StopWhenAllViolated && _ctx.Properties.AllSettled)
            _stop = StopReason.AllPropertiesSettled;
        if (_stop == StopReason.None) _stop = _limits.Check(_counters.States, Snapshot);
        _quit = _stop != StopReason.None || !NextRound();
    }

    /// <summary>Moves to the next round of the level, or to the next level; false when no state is left.</summary>
    private bool NextRound()
    {
        _roundStart = _roundEnd;
        if (_roundStart < _levelEnd)
        {
            _roundEnd = Math.Min(_levelEnd, _roundStart + RoundSize);
            return true;
        }
        if (!_ctx.KeepStates) _frontier.ReleaseBelow(_levelEnd);
        return StartLevel(_depth + 1);
    }

    /// <summary>Starts the level of states with ids in [end of the previous level, current count).</summary>
    private bool StartLevel(int depth)
    {
        _depth = depth;
        _roundStart = _levelEnd;
        _levelEnd = _counters.States;
        _roundEnd = Math.Min(_levelEnd, _roundStart + RoundSize);
        _atDepthBound = _ctx.Options.Limits.MaxDepth is { } bound && depth >= bound;
        return _roundStart < _levelEnd;
    }

    private long RoundSize => (long)SearchTuning.RoundStatesPerWorker * _workers.Length;

    private SearchProgress Snapshot() => new(_counters.States, _counters.Transitions, _depth,
        _counters.States - _roundEnd, _limits.Clock.Elapsed, 0);
}
