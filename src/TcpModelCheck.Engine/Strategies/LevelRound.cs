using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Engine.Storage;
using TcpModelCheck.Engine.Storage.Frontier;

namespace TcpModelCheck.Engine.Strategies;

/// <summary>
/// One round of the level-synchronous breadth-first search in exact mode (fingerprint mode uses
/// <see cref="DirectRound{TState,TAction,TStore}"/>, which says why): a run of consecutive states of one level,
/// cut into <see cref="Chunks"/> chunks. Its three phases are split into units that any worker may claim:
/// <list type="number">
/// <item><see cref="ExpandChunk"/> (one unit per chunk): generate the successors of the chunk's states, check
/// deadlock and action properties, hash each successor and file it under the segment group of its hash;</item>
/// <item><see cref="InsertGroup"/> (one unit per segment group): look up, chunk by chunk, every successor filed
/// under the group, prefetching a few entries ahead; keep the new ones and check their invariants and witnesses;</item>
/// <item><see cref="PublishGroup"/> (one unit per group): write the group's new states and predecessor entries
/// at the contiguous ids the coordinator gave the group.</item>
/// </list>
/// A segment group is touched by one worker at a time (the unit's claimant), which is all the visited store
/// needs; and since every result is filed by unit index, never by worker, the ids, the counterexamples and
/// everything else come out the same whatever the number of workers or their timing.
/// </summary>
internal sealed class LevelRound<TState, TAction, TStore> : ILevelRound<TState, TAction>
    where TState : IEquatable<TState>
    where TStore : struct, IVisitedStore<TState>
{
    /// <summary>Segment groups: the top <see cref="GroupBits"/> bits of a hash. The visited store's segments are
    /// the top <see cref="SegmentedTable{TSlot,TKey}.SegmentBits"/> (6) bits, so a group is 2 whole segments and
    /// a worker holding a group owns those segments. 32 groups keep an insert unit to about 1/64 of a round
    /// with two workers, so the one finishing first waits little at the barrier.</summary>
    public const int GroupBits = 5;
    public const int Groups = 1 << GroupBits;

    private readonly SearchContext<TState, TAction> _ctx;
    private readonly TStore _store;
    private readonly GrowableBuffer<Successor<TState>>[,] _filed;
    private readonly List<PropertyTracker<TState, TAction>.Candidate>[] _chunkFindings;
    private readonly TState[][] _loaded;   // per chunk: its states, loaded from the frontier
    private readonly GrowableBuffer<Successor<TState>>[] _fresh = new GrowableBuffer<Successor<TState>>[Groups];
    private readonly GrowableBuffer<long>[] _freshAt = new GrowableBuffer<long>[Groups];   // where the store put each (kept states only)
    private readonly bool _bind;
    private readonly List<PropertyTracker<TState, TAction>.Candidate>[] _groupFindings = new List<PropertyTracker<TState, TAction>.Candidate>[Groups];
    private long _start, _end, _chunkLength;
    private bool _atDepthBound;

    public LevelRound(SearchContext<TState, TAction> ctx, TStore store, int chunks)
    {
        if (GroupBits > SegmentedTable<FingerprintSlot, NoKey>.SegmentBits)
            throw new InvalidOperationException("a segment group must be a union of whole store segments");
        _ctx = ctx;
        _store = store;
        _bind = store is EncodedStore<TState>;
        Chunks = chunks;
        _filed = new GrowableBuffer<Successor<TState>>[chunks, Groups];
        _chunkFindings = new List<PropertyTracker<TState, TAction>.Candidate>[chunks];
        _loaded = new TState[chunks][];
        for (var c = 0; c < chunks; c++)
        {
            _chunkFindings[c] = new();
            _loaded[c] = new TState[SearchTuning.ChunkStates];
            for (var g = 0; g < Groups; g++) _filed[c, g] = new(16);
        }
        for (var g = 0; g < Groups; g++)
        {
            _fresh[g] = new();
            _freshAt[g] = new();
            _groupFindings[g] = new();
        }
    }

    public int Chunks { get; }

    /// <summary>The first id given to each group's new states (set by the coordinator after phase 2).</summary>
    public long[] FirstIds { get; } = new long[Groups];

    /// <summary>Ids at or beyond this are not published (the state limit was reached).</summary>
    public long IdLimit { get; set; }

    /// <summary>Starts a round over the states with ids in [<paramref name="start"/>, <paramref name="end"/>).</summary>
    public void Reset(long start, long end, bool atDepthBound)
    {
        _start = start;
        _end = end;
        _chunkLength = Math.Max(1, (end - start + Chunks - 1) / Chunks);
        _atDepthBound = atDepthBound;
    }

    public int Phases => 3;

    public int Units(int phase) => phase == 0 ? Chunks : Groups;

    public void RunUnit(int phase, int unit, ExpandScratch<TAction> scratch, IFrontier<TState> frontier, PredecessorLog log)
    {
        switch (phase)
        {
            case 0: ExpandChunk(scratch, unit, frontier); break;
            case 1: InsertGroup(unit); break;
            default: PublishGroup(unit, frontier, log); break;
        }
    }

    /// <summary>Gives each group's new states a contiguous block of ids, in group order.</summary>
    public long Settle(long firstId)
    {
        var next = firstId;
        for (var g = 0; g < Groups; g++)
        {
            FirstIds[g] = next;
            next += _fresh[g].Count;
        }
        return next - firstId;
    }

    /// <summary>Phase 1 unit: expands chunk <paramref name="c"/>, filing each successor under its group.</summary>
    public void ExpandChunk(ExpandScratch<TAction> scratch, int c, IFrontier<TState> frontier)
    {
        for (var g = 0; g < Groups; g++) _filed[c, g].Clear();
        _chunkFindings[c].Clear();
        var from = Math.Min(_end, _start + c * _chunkLength);
        var to = Math.Min(_end, from + _chunkLength);
        var sink = new GroupSink(_filed, c);
        Expansion.Expand(_ctx, scratch, frontier, _loaded[c], from, to, _start, _atDepthBound, _chunkFindings[c], ref sink);
    }

    /// <summary>Files a successor under the segment group of its hash.</summary>
    private readonly struct GroupSink(GrowableBuffer<Successor<TState>>[,] filed, int chunk) : ISuccessorSink<TState>
    {
        public EncodingArena? Arena => null;

        public void Add(TState state, ulong hash, int parentOffset, int choice) =>
            filed[chunk, (int)(hash >> (64 - GroupBits))].Add(new Successor<TState> { State = state, Hash = hash, ParentOffset = parentOffset, Choice = choice });
    }

    /// <summary>Phase 2 unit: inserts the successors filed under group <paramref name="g"/>, in chunk order.</summary>
    public void InsertGroup(int g)
    {
        var fresh = _fresh[g];
        fresh.Clear();
        var freshAt = _freshAt[g];
        freshAt.Clear();
        var findings = _groupFindings[g];
        findings.Clear();
        var sink = new ListSink<TState, TAction>(findings);
        var props = _ctx.Properties;
        var checkStates = props.PendingInvariants.Length + props.PendingWitnesses.Length > 0;
        var ahead = SearchTuning.PrefetchDistance;
        for (var c = 0; c < Chunks; c++)
        {
            var items = _filed[c, g].Span;
            for (var i = 0; i < items.Length; i++)
            {
                if (i + ahead < items.Length) _store.Prefetch(items[i + ahead].Hash);
                ref readonly var s = ref items[i];
                if (!_store.Add(s.Hash, s.State)) continue;
                if (_bind) freshAt.Add(_store.LastAdded(s.Hash));
                if (checkStates) _ctx.CheckNewState(s.State, fresh.Count, ref sink);   // id fixed up in PublishGroup
                fresh.Add(s);
            }
        }
    }

    /// <summary>Phase 3 unit: writes group <paramref name="g"/>'s new states at ids <see cref="FirstIds"/>[g], …</summary>
    public void PublishGroup(int g, IFrontier<TState> frontier, PredecessorLog log)
    {
        var first = FirstIds[g];
        var kept = (int)Math.Clamp(IdLimit - first, 0, _fresh[g].Count);
        var fresh = _fresh[g].Span;
        for (var j = 0; j < kept; j++)
        {
            ref readonly var s = ref fresh[j];
            log.Set(first + j, _start + s.ParentOffset, s.Choice);
            if (_bind) _store.Bind(_freshAt[g][j], first + j);
            frontier.Put(g, first + j, s.State);
        }
        var findings = _groupFindings[g];
        for (var i = 0; i < findings.Count; i++)
            findings[i] = findings[i].StateId < kept ? findings[i] with { StateId = first + findings[i].StateId } : findings[i] with { StateId = -1 };
    }

    /// <summary>The findings of the round, with final ids (after phase 3); those on unpublished states dropped.</summary>
    public IEnumerable<PropertyTracker<TState, TAction>.Candidate> Findings() =>
        _chunkFindings.SelectMany(f => f).Concat(_groupFindings.SelectMany(f => f).Where(f => f.StateId >= 0));
}
