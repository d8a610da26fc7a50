using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Engine.Model;
using TcpModelCheck.Engine.Storage;
using TcpModelCheck.Engine.Storage.Frontier;

namespace TcpModelCheck.Engine.Strategies;

/// <summary>
/// The breadth-first round for fingerprint storage: each unit (a chunk of states) is expanded into a local
/// buffer and its successors are inserted straight into the shared fingerprint table with a compare-and-swap
/// (<see cref="IConcurrentVisitedStore{TState}"/>), prefetching a few entries ahead. Two phases per round:
/// <list type="number">
/// <item>expand and insert (unit = chunk); a queue of encodings gets each new state's bytes here, staged in the
/// chunk's block while they are still in the cache;</item>
/// <item>publish the chunk's new states at the ids the coordinator gave it; the segments of the table that passed
/// their growth threshold grow in this phase too, one unit each.</item>
/// </list>
/// </summary>
/// <remarks>
/// <para>Why not route successors to segment owners as <see cref="LevelRound{TState,TAction,TStore}"/> does:
/// with two workers half the successor records then cross to the other core every round, and that traffic made
/// each worker's work 30–50 % slower at bounds L (measured). Here nothing crosses cores but the table itself,
/// whose lines are rarely contended.</para>
/// <para>Growth: segments cannot grow while threads insert. At the start of a round each worker gets a budget
/// per segment, its share of the inserts the segment can take before its load reaches 4/5; a successor over
/// budget is deferred, and the coordinator, between phases, accounts for the inserts and inserts the deferred
/// successors itself. The segments past 5/8 then grow as units of the publish phase, on every worker: they share
/// nothing, and the publish phase does not touch the table (grown by the coordinator alone, growth was 4.6 % of the
/// samples of a two-thread rfc9293/reconnect search, with the other worker waiting).</para>
/// <para>Successor objects: when the queue keeps the model's encodings (<see cref="Frontiers.KeepsEncodings"/>), a
/// chunk keeps each successor's encoding, which it hashed anyway, and drops the object at once. Keeping the objects
/// until the publish phase made every collection copy a round's worth of them, and the publish phase re-encode the
/// new ones from cold cache lines (perf profile of rfc9293/reconnect, 5 M states, before → after: the garbage
/// collector 16 % → 10 % of the samples, the kernel clearing fresh pages 5 % → 1 %, <c>Encode</c> in the publish
/// phase 7 % → 0). Invariants of a new state are checked on its encoding when the model's properties can be judged
/// so, on the state decoded from it otherwise. The model writes the encoding straight into the chunk's
/// <see cref="EncodingArena"/> (never building the object), and a new one is copied to the queue at once
/// (<see cref="IFrontier{TState}.StageEncoded"/>), not read back from a cold arena in the publish phase (which was 2.3 %
/// of the samples; alternated runs of rfc9293/reconnect, one thread: medians 857 k → 881 k states/s).</para>
/// <para>Known fingerprints: each worker remembers, in a small direct-mapped cache (<see cref="ExpandScratch{TAction}.Recent"/>),
/// the last fingerprints it found in or added to the store; a successor whose fingerprint is there is a duplicate and
/// skips the prefetch and the probe of the large table (a random memory access). Sibling states are expanded side by
/// side and share many successors: on rfc9293/reconnect (6 M states) 47 % of the transitions hit the cache. Only
/// fingerprints the store holds enter it, and the store never forgets one, so the set of new states, their order and
/// ids are what the probe alone would give.</para>
/// <para>Which of two workers first inserts a state found twice in one round is a race, so with several
/// workers the predecessor of such a state — and so which of two equally short counterexamples is reported —
/// may differ between runs; lengths are still shortest. With one worker the search is deterministic.</para>
/// </remarks>
internal sealed class DirectRound<TState, TAction, TStore> : ILevelRound<TState, TAction>
    where TState : IEquatable<TState>
    where TStore : struct, IConcurrentVisitedStore<TState>
{
    private const int Segments = SegmentedTable<FingerprintSlot, NoKey>.SegmentCount;

    private readonly SearchContext<TState, TAction> _ctx;
    private readonly TStore _store;
    private readonly ExpandScratch<TAction>[] _workers;
    private readonly int _chunks;
    private readonly GrowableBuffer<SuccessorLink>[]? _links;     // per chunk, when states are kept as objects: each successor's link
    private readonly GrowableBuffer<TState>[]? _states;           // ... and the successor, beside it
    private readonly GrowableBuffer<int>[] _fresh, _deferred;   // per chunk: indices into its successors
    private readonly EncodingArena[]? _encodings;               // per chunk: its successors' encodings (see the remarks)
    private readonly IStateDecoder<TState>? _decoder;
    private readonly List<PropertyTracker<TState, TAction>.Candidate>[] _findings, _freshFindings;
    private readonly int[] _budget = new int[Segments];
    private readonly int[] _growing = new int[Segments];   // the segments that grow in this round's publish phase
    private int _growCount;
    private readonly long[] _firstIds;
    private readonly TState[][] _loaded;   // per chunk: its states, loaded from the frontier
    private IFrontier<TState>? _frontier;   // the queue the units stage new encodings in (the same every round)
    private long _start, _end, _chunkLength;
    private bool _atDepthBound;

    /// <summary>This round judges new states on their encodings: they are kept as encodings and every pending invariant
    /// and witness has an encoded form (<see cref="Property{TState,TAction}.EncodedCondition"/>), so a new state is not
    /// decoded (the first <see cref="SelfCheckedStates"/> are, to compare the two forms).</summary>
    private bool _checkEncoded;
    private int _selfChecked;
    private const int SelfCheckedStates = 4096;

    public DirectRound(SearchContext<TState, TAction> ctx, TStore store, int chunks, ExpandScratch<TAction>[] workers)
    {
        _ctx = ctx;
        _store = store;
        _workers = workers;
        _chunks = chunks;
        _fresh = Make(() => new GrowableBuffer<int>(64));
        _deferred = Make(() => new GrowableBuffer<int>(16));
        if (Frontiers.KeepsEncodings(ctx.Model, ctx.KeepStates))
        {
            _decoder = (IStateDecoder<TState>)ctx.Model;
            _encodings = Make(() => new EncodingArena());
        }
        else
        {
            _links = Make(() => new GrowableBuffer<SuccessorLink>(256));
            _states = Make(() => new GrowableBuffer<TState>(256));
        }
        _findings = Make(() => new List<PropertyTracker<TState, TAction>.Candidate>());
        _freshFindings = Make(() => new List<PropertyTracker<TState, TAction>.Candidate>());
        _firstIds = new long[chunks];
        _loaded = Make(() => new TState[SearchTuning.ChunkStates]);
    }

    private T[] Make<T>(Func<T> create) => Enumerable.Range(0, _chunks).Select(_ => create()).ToArray();

    public int Phases => 2;
    /// <summary>The chunks; in the publish phase, after them, one unit per segment to grow (none when the search is
    /// built: the queue's units are the chunks).</summary>
    public int Units(int phase) => phase == 0 ? _chunks : _chunks + _growCount;
    public long IdLimit { private get; set; }

    public void Reset(long start, long end, bool atDepthBound)
    {
        _start = start;
        _end = end;
        _chunkLength = Math.Max(1, (end - start + _chunks - 1) / _chunks);
        _atDepthBound = atDepthBound;
        _checkEncoded = _encodings is not null && _ctx.NewStatesCheckEncoded();
        for (var s = 0; s < Segments; s++) _budget[s] = _store.Headroom(s) / _workers.Length;
    }

    public void RunUnit(int phase, int unit, ExpandScratch<TAction> scratch, IFrontier<TState> frontier, PredecessorLog log)
    {
        _frontier = frontier;
        if (phase == 0) ExpandAndInsert(scratch, unit, frontier);
        else if (unit < _chunks) Publish(unit, frontier, log);
        else _store.Table.GrowIfNeeded(_growing[unit - _chunks]);
    }

    private void ExpandAndInsert(ExpandScratch<TAction> scratch, int c, IFrontier<TState> frontier)
    {
        _encodings?[c].Clear();
        _links?[c].Clear();
        _states?[c].Clear();
        _fresh[c].Clear();
        _deferred[c].Clear();
        _findings[c].Clear();
        _freshFindings[c].Clear();
        var from = Math.Min(_end, _start + c * _chunkLength);
        var to = Math.Min(_end, from + _chunkLength);
        var sink = new BufferSink(_links?[c], _states?[c], _encodings?[c]);
        Expansion.Expand(_ctx, scratch, frontier, _loaded[c], from, to, _start, _atDepthBound, _findings[c], ref sink);

        var items = Links(c);
        var table = _store.Table;
        var use = scratch.SegmentUse;
        var recent = scratch.Recent;
        var ahead = scratch.PrefetchAhead;
        var probed = 0;
        for (var i = 0; i < items.Length; i++)
        {
            if (i + ahead < items.Length && !ExpandScratch<TAction>.Seen(recent, items[i + ahead].Hash)) table.Prefetch(items[i + ahead].Hash);
            var hash = items[i].Hash;
            ref var known = ref ExpandScratch<TAction>.RecentSlot(recent, hash);
            if (known == hash) continue;   // in the store already: not new
            probed++;
            var segment = SegmentedTable<FingerprintSlot, NoKey>.SegmentOf(hash);
            if (use[segment] >= _budget[segment]) _deferred[c].Add(i);
            else
            {
                var added = table.AddConcurrent(hash);
                known = hash;
                if (added)
                {
                    use[segment]++;
                    Keep(c, i);
                }
            }
        }
        if (items.Length >= 64) scratch.PrefetchAhead = SearchTuning.PrefetchAhead(items.Length, probed);
    }

    /// <summary>Keeps successor <paramref name="i"/> of chunk <paramref name="c"/>, a new state: stages its encoding in the
    /// queue (when encodings are kept) and checks its invariants and witnesses (on the state decoded again from its
    /// encoding, when only that was kept).</summary>
    private void Keep(int c, int i)
    {
        if (_encodings is not null) _frontier!.StageEncoded(c, _encodings[c][i]);
        var props = _ctx.Properties;
        if (props.PendingInvariants.Length + props.PendingWitnesses.Length > 0)
        {
            var found = new ListSink<TState, TAction>(_freshFindings[c]);
            if (_checkEncoded)
            {
                var encoding = _encodings![c][i];
                if (_selfChecked < SelfCheckedStates && Interlocked.Increment(ref _selfChecked) <= SelfCheckedStates)
                    _ctx.SelfCheckEncoded(_decoder!.Decode(encoding), encoding);
                _ctx.CheckNewEncoded(encoding, _fresh[c].Count, ref found);   // id fixed up in Publish
            }
            else
            {
                var state = _encodings is null ? _states![c][i] : _decoder!.Decode(_encodings[c][i]);
                _ctx.CheckNewState(state, _fresh[c].Count, ref found);   // id fixed up in Publish
            }
        }
        _fresh[c].Add(i);
    }

    /// <summary>Accounts for the concurrent inserts, inserts the deferred successors, lists the segments to grow in the
    /// publish phase, and gives each chunk's new states a block of ids, in chunk order.</summary>
    public long Settle(long firstId)
    {
        var table = _store.Table;
        foreach (var worker in _workers)
        {
            var use = worker.SegmentUse;
            for (var s = 0; s < Segments; s++)
            {
                if (use[s] > 0) table.Account(s, use[s]);
                use[s] = 0;
            }
        }
        for (var c = 0; c < _chunks; c++)
            foreach (var i in _deferred[c].Span)
                if (_store.Add(Links(c)[i].Hash, _states is null ? default! : _states[c][i])) Keep(c, i);
        _growCount = 0;
        for (var s = 0; s < Segments; s++)
            if (table.NeedsGrowth(s)) _growing[_growCount++] = s;
        var next = firstId;
        for (var c = 0; c < _chunks; c++)
        {
            _firstIds[c] = next;
            next += _fresh[c].Count;
        }
        return next - firstId;
    }

    private void Publish(int c, IFrontier<TState> frontier, PredecessorLog log)
    {
        var first = _firstIds[c];
        var kept = (int)Math.Clamp(IdLimit - first, 0, _fresh[c].Count);
        var fresh = _fresh[c].Span;
        var links = Links(c);
        for (var j = 0; j < kept; j++)
        {
            ref readonly var s = ref links[fresh[j]];
            log.Set(first + j, _start + s.ParentOffset, s.Choice);
            if (_encodings is null) frontier.Put(c, first + j, _states![c][fresh[j]]);
        }
        if (_encodings is not null) frontier.PublishStaged(c, first, kept);
        var findings = _freshFindings[c];
        for (var i = 0; i < findings.Count; i++)
            findings[i] = findings[i] with { StateId = findings[i].StateId < kept ? first + findings[i].StateId : -1 };
    }

    public IEnumerable<PropertyTracker<TState, TAction>.Candidate> Findings() =>
        _findings.SelectMany(f => f).Concat(_freshFindings.SelectMany(f => f).Where(f => f.StateId >= 0));

    /// <summary>The links of chunk <paramref name="c"/>'s successors, in the order they were generated.</summary>
    private Span<SuccessorLink> Links(int c) => _encodings is null ? _links![c].Span : _encodings[c].Links;

    /// <summary>With <paramref name="encodings"/>, hands the expansion the arena that keeps the successors' encodings and
    /// links; otherwise buffers each successor's link and object.</summary>
    private readonly struct BufferSink(GrowableBuffer<SuccessorLink>? links, GrowableBuffer<TState>? states, EncodingArena? encodings)
        : ISuccessorSink<TState>
    {
        public EncodingArena? Arena => encodings;

        public void Add(TState state, ulong hash, int parentOffset, int choice)
        {
            links!.Add(new SuccessorLink(hash, parentOffset, choice));
            states!.Add(state);
        }
    }
}
