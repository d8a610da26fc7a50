using System.Runtime.CompilerServices;
using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Engine.Model;
using TcpModelCheck.Engine.Storage;
using TcpModelCheck.Engine.Storage.Frontier;

namespace TcpModelCheck.Engine.Strategies;

/// <summary>Where the expansion of a chunk puts its successors (a struct, so the call is inlined).</summary>
internal interface ISuccessorSink<TState>
{
    /// <summary>A successor as an object (when <see cref="Arena"/> is null).</summary>
    /// <param name="state">The successor.</param>
    /// <param name="hash">The stable hash of its encoding.</param>
    /// <param name="parentOffset">The parent's id minus the round's first id.</param>
    /// <param name="choice">The index of the action among the parent's.</param>
    void Add(TState state, ulong hash, int parentOffset, int choice);

    /// <summary>Non-null when the sink keeps only the successors' encodings, with their links: each is then written straight
    /// into this arena and the successor object is left unbuilt (see <see cref="IEncodedSuccessors{TState,TAction}"/>),
    /// and <see cref="Add"/> is not called.</summary>
    EncodingArena? Arena { get; }
}

/// <summary>The expansion loop shared by both kinds of breadth-first round.</summary>
internal static class Expansion
{
    /// <summary>
    /// Expands the states with ids in [<paramref name="from"/>, <paramref name="to"/>): checks deadlock and the
    /// action properties (findings go to <paramref name="findings"/>), hashes every successor and hands it to
    /// <paramref name="sink"/>, parent given as an offset from <paramref name="roundStart"/>. At the depth bound
    /// only deadlocks are checked and <see cref="ExpandScratch{TAction}.DepthCut"/> is set. The states are first
    /// loaded from the frontier into <paramref name="loaded"/> (at least <c>to − from</c> long).
    /// </summary>
    public static void Expand<TState, TAction, TSink>(SearchContext<TState, TAction> ctx, ExpandScratch<TAction> scratch,
        IFrontier<TState> frontier, TState[] loaded, long from, long to, long roundStart, bool atDepthBound,
        List<PropertyTracker<TState, TAction>.Candidate> findings, ref TSink sink)
        where TState : IEquatable<TState>
        where TSink : struct, ISuccessorSink<TState>
    {
        var found = new ListSink<TState, TAction>(findings);
        var model = ctx.Model;
        var props = ctx.Properties;
        var actions = scratch.Actions;
        var encode = scratch.Encode;
        // The pending action properties, checked in this loop on each edge: through a generic method of the search context,
        // shared code looked that method up in its dictionary on every transition (1.5 % of a pinned rfc9293/reconnect
        // search).
        var edges = props.PendingEdges;
        var arena = sink.Arena;
        var direct = arena is null ? null : EncodedSuccessors(ctx);
        long transitions = 0;   // counted locally: the scratch object may share a cache line with another worker's
        var states = loaded.AsSpan(0, (int)(to - from));
        frontier.Load(from, states);
        for (var id = from; id < to; id++)
        {
            ref readonly var state = ref states[(int)(id - from)];
            actions.Clear();
            model.Actions(state, actions);
            var n = actions.Count;
            if (n == 0)
            {
                if (props.PendingDeadlock is { } dl && !model.IsTerminal(state)) found.Found(dl, id, -1);
                continue;
            }
            if (atDepthBound)
            {
                scratch.DepthCut = true;
                continue;
            }
            transitions += n;
            for (var k = 0; k < n; k++)
            {
                var action = actions[k];
                TState next;
                Span<byte> encoding;
                var target = arena is null ? encode : arena.Reserve(encode.Length);
                if (direct is not null)
                {
                    next = default!;
                    encoding = target[..direct.NextEncoded(state, action, target)];
                    if (scratch.SelfChecked < IEncodedSuccessors<TState, TAction>.SelfCheckedTransitions) SelfCheck(ctx, scratch, state, action, encoding);
                    foreach (var p in edges)
                        if (!p.EncodedEdge!(state, action, encoding)) found.Found(p, id, k);
                }
                else
                {
                    next = model.Next(state, action);
                    foreach (var p in edges)
                        if (!p.Edge!(state, action, next)) found.Found(p, id, k);
                    encoding = target[..model.Encode(next, target)];
                }
                var hash = StableHash.Of(encoding);
                if (arena is not null) arena.Commit(encoding, new SuccessorLink(hash, (int)(id - roundStart), k));
                else sink.Add(next, hash, (int)(id - roundStart), k);
            }
        }
        scratch.Transitions += transitions;
        // Drop the references to the expanded states, so they die young instead of being promoted by the next collection.
        if (RuntimeHelpers.IsReferenceOrContainsReferences<TState>()) states.Clear();
    }

    /// <summary>The model's allocation-free successor encoder, when it has one and every pending action property can
    /// be judged on the encoding; null otherwise (successors are then built and encoded).</summary>
    private static IEncodedSuccessors<TState, TAction>? EncodedSuccessors<TState, TAction>(SearchContext<TState, TAction> ctx)
        where TState : IEquatable<TState>
    {
        if (ctx.Model is not IEncodedSuccessors<TState, TAction> direct) return null;
        foreach (var p in ctx.Properties.PendingEdges)
            if (p.EncodedEdge is null) return null;
        return direct;
    }

    /// <summary>The first transitions of each worker are done both ways: <c>NextEncoded</c> must write the bytes
    /// <c>Encode(Next(s, a))</c> writes, and every pending action property must judge the edge alike in both forms.</summary>
    private static void SelfCheck<TState, TAction>(SearchContext<TState, TAction> ctx, ExpandScratch<TAction> scratch,
        in TState state, TAction action, ReadOnlySpan<byte> encoding) where TState : IEquatable<TState>
    {
        scratch.SelfChecked++;
        var model = ctx.Model;
        var next = model.Next(state, action);
        var expected = new byte[Math.Max(1, model.MaxEncodedLength)];
        var n = model.Encode(next, expected);
        if (!expected.AsSpan(0, n).SequenceEqual(encoding))
            throw new InvalidOperationException($"model '{model.Name}': NextEncoded(s, a) differs from Encode(Next(s, a)) for action "
                + $"{model.FormatAction(state, action)} in state {model.FormatState(state)}");
        foreach (var p in ctx.Properties.PendingEdges)
            if (p.Edge!(state, action, next) != p.EncodedEdge!(state, action, encoding))
                throw new InvalidOperationException($"model '{model.Name}': action property '{p.Name}' judges the edge "
                    + $"{model.FormatAction(state, action)} from {model.FormatState(state)} differently on the encoded successor");
    }
}

/// <summary>
/// One round of the level-synchronous breadth-first search: the states with ids in a range of one level,
/// processed in phases of units that workers claim (see <see cref="LevelSearch{TState,TAction,TStore}"/>). The
/// next-to-last phase inserts the successors; the coordinator then calls <see cref="Settle"/>; the last phase
/// publishes the new states at their ids.
/// </summary>
internal interface ILevelRound<TState, TAction> where TState : IEquatable<TState>
{
    int Phases { get; }

    int Units(int phase);

    void RunUnit(int phase, int unit, ExpandScratch<TAction> scratch, IFrontier<TState> frontier, PredecessorLog log);

    /// <summary>Starts a round over the states with ids in [<paramref name="start"/>, <paramref name="end"/>).</summary>
    void Reset(long start, long end, bool atDepthBound);

    /// <summary>Coordinator, after the insert phase: completes the insertion if needed, gives each unit's new
    /// states a block of ids from <paramref name="firstId"/> on, in unit order, and returns how many there are.</summary>
    long Settle(long firstId);

    /// <summary>Ids at or beyond this are not published (the state limit was reached).</summary>
    long IdLimit { set; }

    /// <summary>The round's findings, with final ids (after the last phase); those on unpublished states dropped.</summary>
    IEnumerable<PropertyTracker<TState, TAction>.Candidate> Findings();
}
