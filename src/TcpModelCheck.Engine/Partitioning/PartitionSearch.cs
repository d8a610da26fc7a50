using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Engine.Model;
using TcpModelCheck.Engine.Storage;
using TcpModelCheck.Engine.Storage.Frontier;
using TcpModelCheck.Engine.Strategies;

namespace TcpModelCheck.Engine.Partitioning;

/// <summary>
/// One partition of a fingerprint-partitioned, level-synchronised breadth-first search (see <see cref="PartitionSpec"/>).
/// Each level: expand the states of this level that this partition owns; insert each successor it owns, spool each
/// other one to its owner; barrier <c>d{n}.sent</c>; read the spools addressed to it and insert those states;
/// barrier <c>d{n}.done</c> with its counts and findings; every partition then takes the same decision from the same
/// files (<see cref="PartitionDecision"/>).
/// </summary>
/// <remarks>
/// <para>Checks are split as in one process: a new state's invariants and witnesses by its owner, deadlock and the
/// action properties by the partition that expands the state. A finding's depth is the level's, so the first level
/// with a finding for a property gives a shortest counterexample, as in <see cref="LevelSearch{TState,TAction,TStore}"/>.</para>
/// <para>Predecessor links cross partitions: a state's log entry holds its parent as <c>id × N + owner</c>, so the
/// walk back to an initial state hops between the partitions' logs (<see cref="PartitionLogs"/>).</para>
/// </remarks>
internal sealed class PartitionSearch<TState, TAction, TStore>
    where TState : IEquatable<TState>
    where TStore : struct, IVisitedStore<TState>
{
    private const int LimitCheckEvery = 4096;
    private readonly SearchContext<TState, TAction> _ctx;
    private readonly TStore _store;
    private readonly Exchange _exchange;
    private readonly FrontierCodec<TState> _codec;
    private readonly PredecessorLog _log = new();
    private readonly LevelFindings<TState, TAction> _findings = new();
    private readonly PartitionDecision<TState, TAction> _decision;
    private readonly LimitWatch _limits;
    private readonly byte[] _queued, _hashed;
    private readonly List<TAction> _actions = new(64);
    private readonly int _me, _n;
    private LevelQueue _current, _next;
    private long _transitions, _exchanged, _queuePeak;
    private bool _depthCut;
    private int _depth;

    public PartitionSearch(SearchContext<TState, TAction> ctx, TStore store, Exchange exchange, FrontierCodec<TState> codec,
        PartitionDecision<TState, TAction> decision)
    {
        _ctx = ctx;
        _store = store;
        _exchange = exchange;
        _codec = codec;
        _decision = decision;
        _me = exchange.Spec.Index;
        _n = exchange.Spec.Count;
        _queued = new byte[codec.MaxLength];
        _hashed = ctx.NewEncodeBuffer();
        var spare = new Stack<byte[]>();
        _current = new LevelQueue(spare);
        _next = new LevelQueue(spare);
        _limits = new LimitWatch(ctx.Options, ctx.Cancel, ctx.Progress, ctx.Clock);
    }

    public PartitionLogs Run()
    {
        _exchange.CheckFresh();
        Seed();
        Barrier("init", StopCode.None, _decision.Configuration);
        while (!_decision.Ended)
        {
            (_current, _next) = (_next, _current);
            _next.Clear();
            var stop = ExpandLevel();
            foreach (var k in Peers()) SpoolWriter.ReadAll(_exchange.IncomingPath(k, Tag()), Receive);
            Barrier($"{Tag()}.done", stop, "");
            if (_depth > 0) _exchange.Forget($"d{_depth - 1}.done");
            _exchange.Forget($"{Tag()}.sent");
            _depth++;
        }
        return Finish();
    }

    private string Tag() => $"d{_depth}";

    private IEnumerable<int> Peers() => Enumerable.Range(0, _n).Where(k => k != _me);

    private void Seed()
    {
        var model = _ctx.Model;
        var initials = model.InitialStates;
        for (var i = 0; i < initials.Count; i++)
        {
            var (hash, length) = Encode(initials[i]);
            if (PartitionSpec.Owner(hash, _n) == _me) Offer(initials[i], hash, -1, i, _queued.AsSpan(0, length));
        }
    }

    /// <summary>Expands this partition's states of the current level; returns why this partition asks to stop early.</summary>
    private StopCode ExpandLevel()
    {
        var model = _ctx.Model;
        var props = _ctx.Properties;
        var sink = new LevelSink<TState, TAction>(_findings);
        var atBound = _ctx.Options.Limits.MaxDepth is { } bound && _depth >= bound;
        var spools = new SpoolWriter?[_n];
        var stop = StopCode.None;
        var id = _log.Count - _next.Count - _current.Count;   // the level's first id: ids are given in queue order
        (int, int) cursor = default;
        try
        {
            for (long k = 0; k < _current.Count; k++, id++)
            {
                if (k % LimitCheckEvery == LimitCheckEvery - 1 && (stop = CheckLimits()) != StopCode.None) break;
                var state = _codec.Read(_current.Read(ref cursor));
                _actions.Clear();
                model.Actions(state, _actions);
                if (_actions.Count == 0)
                {
                    if (props.PendingDeadlock is { } dl && !model.IsTerminal(state)) sink.Found(dl, id, -1);
                    continue;
                }
                if (atBound)
                {
                    _depthCut = true;
                    continue;
                }
                _transitions += _actions.Count;
                for (var c = 0; c < _actions.Count; c++)
                {
                    var next = model.Next(state, _actions[c]);
                    if (props.PendingEdges.Length > 0) _ctx.CheckEdge(state, _actions[c], next, id, c, ref sink);
                    var (hash, length) = Encode(next);
                    var owner = PartitionSpec.Owner(hash, _n);
                    if (owner == _me) Offer(next, hash, id * _n + _me, c, _queued.AsSpan(0, length));
                    else (spools[owner] ??= new SpoolWriter(_exchange.SpoolPath(owner, Tag()))).Write(hash, id * _n + _me, c, _queued.AsSpan(0, length));
                }
            }
        }
        finally
        {
            foreach (var s in spools)
            {
                s?.Dispose();
                _exchanged += s?.Records ?? 0;
            }
        }
        _exchange.Publish($"{Tag()}.sent", new PartitionStatus());
        _exchange.Await($"{Tag()}.sent");
        return stop;
    }

    /// <summary>A successor another partition spooled to this one: <paramref name="parent"/> is already <c>id × N + owner</c>.
    /// A fingerprint store needs no state to look the hash up, so only new states are decoded.</summary>
    private void Receive(ulong hash, long parent, int choice, ReadOnlySpan<byte> encoding)
    {
        if (_store.Mode == StorageMode.Exact) Offer(_codec.Read(encoding), hash, parent, choice, encoding);
        else if (_store.Add(hash, default!)) Admit(_codec.Read(encoding), parent, choice, encoding);
    }

    /// <summary>Stores a state this partition owns and admits it when it is new.</summary>
    private void Offer(in TState state, ulong hash, long parentRef, int choice, ReadOnlySpan<byte> encoding)
    {
        if (_store.Add(hash, state)) Admit(state, parentRef, choice, encoding);
    }

    /// <summary>A new state: logs its predecessor, queues it for the next level, checks its invariants and witnesses.</summary>
    private void Admit(in TState state, long parentRef, int choice, ReadOnlySpan<byte> encoding)
    {
        var id = _log.Add(parentRef, choice);
        _next.Append(encoding);
        var sink = new LevelSink<TState, TAction>(_findings);
        _ctx.CheckNewState(state, id, ref sink);
    }

    /// <summary>The queue encoding of <paramref name="state"/> in <c>_queued</c>, and its stable hash (of the model's
    /// canonical encoding, which is the queue encoding itself when the model decodes).</summary>
    private (ulong Hash, int Length) Encode(in TState state)
    {
        var length = _codec.Write(state, _queued);
        var hash = _codec.Compacts ? StableHash.Of(_queued.AsSpan(0, length)) : StableHash.Of(_ctx.Model, state, _hashed);
        return (hash, length);
    }

    private StopCode CheckLimits() => _limits.Check(_log.Count, Snapshot) switch
    {
        StopReason.MaxTime => StopCode.MaxTime,
        StopReason.MaxMemory => StopCode.MaxMemory,
        StopReason.Cancelled => StopCode.Cancelled,
        _ => StopCode.None,
    };

    private SearchProgress Snapshot() => new(_log.Count, _transitions, _depth, _next.Count, _limits.Clock.Elapsed, 0);

    private void Barrier(string tag, StopCode stop, string configuration)
    {
        if (stop == StopCode.None) stop = CheckLimits();
        _queuePeak = Math.Max(_queuePeak, _current.Bytes + _next.Bytes);
        _exchange.Publish(tag, new PartitionStatus
        {
            Configuration = configuration, OwnStates = _log.Count, Queued = _next.Count, Transitions = _transitions,
            Stop = stop, DepthCut = _depthCut, Findings = _findings.Drain(),
        });
        _decision.Take(_exchange.Await(tag), _depth);
    }

    /// <summary>Publishes the log and this partition's costs, waits for every peer's, and hands the logs over.</summary>
    private PartitionLogs Finish()
    {
        using (var file = new FileStream(_exchange.LogPath(_me), FileMode.CreateNew, FileAccess.Write, FileShare.Read, 1 << 20))
            _log.WriteTo(file);
        _limits.SampleMemory();
        _exchange.Publish("final", new PartitionStatus
        {
            OwnStates = _log.Count, Transitions = _transitions, StoreBytes = _store.Bytes, PredecessorBytes = _log.Bytes,
            QueuePeakBytes = _queuePeak, PeakMemoryBytes = _limits.PeakMemory, PeakManagedBytes = _limits.PeakManaged,
            ExchangedStates = _exchanged,
        });
        var finals = _exchange.Await("final");
        if (_depth > 0) _exchange.Forget($"d{_depth - 1}.done");
        _exchange.Forget("init");
        return new PartitionLogs(_exchange, finals, _limits.Clock.Elapsed, _store.Mode);
    }
}
