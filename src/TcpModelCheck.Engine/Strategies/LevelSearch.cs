using System.Runtime.ExceptionServices;
using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Engine.Storage;
using TcpModelCheck.Engine.Storage.Frontier;

namespace TcpModelCheck.Engine.Strategies;

/// <summary>
/// Breadth-first search, level by level, on one or more workers (one worker = the plain breadth-first
/// strategy; several = the parallel one; the code is the same). Each level — the states at one depth, a
/// contiguous id range — is cut into rounds; each round runs the phases of an <see cref="ILevelRound{TState,TAction}"/>
/// (<see cref="DirectRound{TState,TAction,TStore}"/> for fingerprints, <see cref="LevelRound{TState,TAction,TStore}"/>
/// for exact storage), separated by barriers, the workers claiming its units.
/// </summary>
/// <remarks>
/// <para>Ids: new states are numbered after each round, a block per unit in unit order, so ids stay dense, a
/// level is an id range, and the frontier is simply the states array read in id order.</para>
/// <para>Shortest counterexamples: rounds never straddle a level, so every finding of a round lies at the same
/// depth and the first round with a finding for a property gives a shortest counterexample for it; the
/// smallest (state id, choice) among that round's findings is kept.</para>
/// <para>Limits, progress and cancellation are checked after every round (8,192 states at most), so a stopped
/// search ends cleanly with exact partial statistics.</para>
/// </remarks>
internal sealed class LevelSearch<TState, TAction, TStore>
    where TState : IEquatable<TState>
    where TStore : struct, IVisitedStore<TState>
{
    private readonly SearchContext<TState, TAction> _ctx;
    private readonly TStore _store;
    private readonly ILevelRound<TState, TAction> _round;
    private readonly ExpandScratch<TAction>[] _scratch;
    private readonly PredecessorLog _log;
    private readonly IFrontier<TState> _frontier;
    private readonly EncodedStateTable<TState>? _kept;   // every state by id, encoded (liveness, decodable model)
    private readonly LimitWatch _limits;
    private readonly Barrier? _barrier;
    private readonly Exception?[] _errors;
    private SearchCounters _counters;
    private StopReason _stop;
    private volatile bool _failed;
    private bool _quit;
    private int _phase;
    private readonly int[] _claims;   // per worker, 16 ints apart (a cache line each)
    private long _levelEnd, _roundStart, _roundEnd, _idLimit;
    private int _depth;

    /// <param name="makeRound">Builds the round for the store kind, given the workers' scratch.</param>
    public LevelSearch(SearchContext<TState, TAction> ctx, TStore store,
        Func<ExpandScratch<TAction>[], ILevelRound<TState, TAction>> makeRound, int workers)
    {
        _ctx = ctx;
        _store = store;
        _scratch = new ExpandScratch<TAction>[workers];
        for (var t = 0; t < workers; t++) _scratch[t] = new(ctx.Model.MaxEncodedLength);
        _round = makeRound(_scratch);
        var spill = ctx.Options.SpillDirectory;
        _log = Frontiers.Log(ctx.KeepStates, spill);
        _kept = store is EncodedStore<TState> encoded ? encoded.Table : null;
        _frontier = Frontiers.Create(ctx.Model, ctx.KeepStates && _kept is null, spill, _round.Units(_round.Phases - 1));
        _errors = new Exception?[workers];
        _claims = new int[workers * ClaimStride];
        _limits = new LimitWatch(ctx.Options, ctx.Cancel, ctx.Progress, ctx.Clock);
        if (workers > 1) _barrier = new Barrier(workers, _ => AfterPhase());
    }

    public SearchOutcome<TState> Run()
    {
        try
        {
            return Search();
        }
        finally
        {
            _frontier.Dispose();
        }
    }

    private SearchOutcome<TState> Search()
    {
        SeedInitialStates();
        _quit = _stop != StopReason.None || !StartLevel(0);
        if (!_quit)
        {
            var threads = new Thread[_scratch.Length - 1];
            for (var t = 1; t < _scratch.Length; t++)
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
        var stop = _stop == StopReason.None && _scratch.Any(w => w.DepthCut) ? StopReason.MaxDepth : _stop;
        var states = _kept is null ? _frontier.AllStates(_counters.States) : _kept.States(_counters.States);
        return _ctx.Outcome(_log, states, _counters, _store, _limits, stop, _frontier) with { Encoded = _kept };
    }

    private void SeedInitialStates()
    {
        var model = _ctx.Model;
        var encode = _scratch[0].Encode;
        var sink = new DirectSink<TState, TAction>(_ctx.Properties);
        var initials = model.InitialStates;
        for (var i = 0; i < initials.Count; i++)
        {
            var s = initials[i];
            var hash = StableHash.Of(encode[..model.Encode(s, encode)]);
            if (!_store.Add(hash, s)) continue;
            if (_counters.States >= (_ctx.Options.Limits.MaxStates ?? long.MaxValue))
            {
                _stop = StopReason.MaxStates;
                return;
            }
            var id = _log.Add(-1, i);
            _store.Reserve(id + 1);
            _store.Bind(_store.LastAdded(hash), id);
            _frontier.Append(s);
            _counters.States++;
            _ctx.CheckNewState(s, id, ref sink);
        }
        if (_ctx.Options.StopWhenAllSettled && _ctx.Properties.AllSettled) _stop = StopReason.AllPropertiesSettled;
    }

    /// <summary>The loop every worker runs (worker 0 on the calling thread): the three phases of each round.</summary>
    private void RoundLoop(int t)
    {
        while (!_quit)
        {
            for (var phase = 0; phase < _round.Phases; phase++)
            {
                RunUnits(t, phase);
                if (_barrier is null) AfterPhase();
                else _barrier.SignalAndWait();
            }
        }
    }

    /// <summary>Claims and runs units of the current phase until none is left.</summary>
    private void RunUnits(int t, int phase)
    {
        var units = _round.Units(phase);
        while (!_failed && TryClaim(t, units, out var unit))
        {
            try
            {
                _round.RunUnit(phase, unit, _scratch[t], _frontier, _log);
            }
            catch (Exception e)
            {
                _errors[t] ??= e;
                _failed = true;
            }
        }
    }

    private const int ClaimStride = 16;

    /// <summary>
    /// Worker t first takes its own units t, t + N, t + 2N, … and then helps the others with theirs. So a worker
    /// keeps filling the same buffers and inserting into the same store segments round after round (their
    /// cache lines stay on its core), while a worker slowed down by the system still gets help.
    /// </summary>
    private bool TryClaim(int t, int units, out int unit)
    {
        var n = _scratch.Length;
        for (var i = 0; i < n; i++)
        {
            var w = (t + i) % n;
            unit = w + n * (Interlocked.Increment(ref _claims[w * ClaimStride]) - 1);
            if (unit < units) return true;
        }
        unit = -1;
        return false;
    }

    /// <summary>The coordinator's work between phases; runs on one thread while the others wait. A failure
    /// here (a progress callback that throws) ends the search like a worker's failure.</summary>
    private void AfterPhase()
    {
        Array.Clear(_claims);
        try
        {
            var phase = _phase++ % _round.Phases;
            if (phase == _round.Phases - 2) AssignIds();
            else if (phase == _round.Phases - 1) FinishRound();
        }
        catch (Exception e)
        {
            _errors[0] ??= e;
            _failed = true;
            _quit = true;
        }
    }

    /// <summary>Gives the round's new states their ids (a block per unit, in unit order), up to the state limit.</summary>
    private void AssignIds()
    {
        var next = _counters.States + _round.Settle(_counters.States);
        var limit = Math.Min(next, _ctx.Options.Limits.MaxStates ?? long.MaxValue);
        if (next > limit) _stop = StopReason.MaxStates;
        _round.IdLimit = _idLimit = limit;
        _log.EnsureCount(limit);
        _store.Reserve(limit);
        _frontier.Reserve(limit);
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
        _frontier.EndRound();
        _log.SpillBelow(_counters.States);
        _counters.Transitions = _scratch.Sum(w => w.Transitions);
        _ctx.Properties.RecordEarliest(_round.Findings());
        if (_stop == StopReason.None && _ctx.Options.StopWhenAllSettled && _ctx.Properties.AllSettled)
            _stop = StopReason.AllPropertiesSettled;
        if (_stop == StopReason.None) _stop = _limits.Check(_counters.States, Snapshot);
        _quit = _stop != StopReason.None || !NextRound();
    }

    /// <summary>Moves to the next round of the level, or to the next level; false when no state is left.</summary>
    private bool NextRound()
    {
        if (_roundEnd < _levelEnd)
        {
            StartRound(_roundEnd);
            return true;
        }
        return StartLevel(_depth + 1);
    }

    /// <summary>Starts the level of states with ids in [end of the previous level, current count).</summary>
    private bool StartLevel(int depth)
    {
        _depth = depth;
        var start = _levelEnd;
        _levelEnd = _counters.States;
        if (start >= _levelEnd) return false;
        StartRound(start);
        return true;
    }

    private void StartRound(long start)
    {
        _roundStart = start;
        _roundEnd = Math.Min(_levelEnd, start + (long)SearchTuning.ChunkStates * SearchTuning.ChunksPerRound);
        _frontier.Prepare(_roundStart, _roundEnd);
        _round.Reset(_roundStart, _roundEnd, _ctx.Options.Limits.MaxDepth is { } bound && _depth >= bound);
    }

    private SearchProgress Snapshot() => new(_counters.States, _counters.Transitions, _depth,
        _counters.States - _roundEnd, _limits.Clock.Elapsed, 0);
}
