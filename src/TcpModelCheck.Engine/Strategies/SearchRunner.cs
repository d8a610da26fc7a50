using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Engine.Storage;

namespace TcpModelCheck.Engine.Strategies;

/// <summary>Picks the store and the strategy named by the options. Each (strategy, store) pair is a separate
/// generic instantiation, so the store's insert is inlined into the strategy's loop. Breadth-first rounds
/// route successors to segment owners in exact mode (<see cref="LevelRound{TState,TAction,TStore}"/>) and insert
/// them directly in fingerprint mode (<see cref="DirectRound{TState,TAction,TStore}"/>).</summary>
internal static class SearchRunner
{
    public static SearchOutcome<TState> Run<TState, TAction>(SearchContext<TState, TAction> ctx) where TState : IEquatable<TState>
    {
        const int chunks = SearchTuning.ChunksPerRound;
        switch (ctx.Options.Storage)
        {
            case StorageMode.Exact when KeepsEncoded(ctx) is { } codec:
                var encoded = new EncodedStore<TState>(new EncodedStateTable<TState>(codec, ctx.Options.ExpectedStates));
                return Run(ctx, encoded, _ => new LevelRound<TState, TAction, EncodedStore<TState>>(ctx, encoded, chunks));
            case StorageMode.Exact:
                var exact = new ExactStore<TState>(ctx.Options.ExpectedStates);
                return Run(ctx, exact, _ => new LevelRound<TState, TAction, ExactStore<TState>>(ctx, exact, chunks));
            case StorageMode.Fingerprint:
                var fingerprints = new FingerprintStore<TState>(ctx.Options.ExpectedStates);
                return Run(ctx, fingerprints,
                    workers => new DirectRound<TState, TAction, FingerprintStore<TState>>(ctx, fingerprints, chunks, workers));
            default:
                throw new ArgumentException($"unknown storage mode {ctx.Options.Storage}");
        }
    }

    /// <summary>The codec for keeping every state encoded: when liveness needs every state by id, the search is
    /// breadth-first (its ids are fixed after each round, see <see cref="LevelRound{TState,TAction,TStore}"/>), and the
    /// model decodes its states; null otherwise (states are kept as objects).</summary>
    private static Storage.Frontier.FrontierCodec<TState>? KeepsEncoded<TState, TAction>(SearchContext<TState, TAction> ctx)
        where TState : IEquatable<TState> =>
        ctx.KeepStates && ctx.Options.Strategy != SearchStrategy.DepthFirst && ctx.Model is Model.IStateDecoder<TState> decoder
            ? new Storage.Frontier.ModelCodec<TState, TAction>(ctx.Model, decoder)
            : null;

    private static SearchOutcome<TState> Run<TState, TAction, TStore>(SearchContext<TState, TAction> ctx, TStore store,
        Func<ExpandScratch<TAction>[], ILevelRound<TState, TAction>> makeRound)
        where TState : IEquatable<TState>
        where TStore : struct, IVisitedStore<TState> =>
        ctx.Options.Strategy switch
        {
            SearchStrategy.BreadthFirst => new LevelSearch<TState, TAction, TStore>(ctx, store, makeRound, 1).Run(),
            SearchStrategy.ParallelBreadthFirst =>
                new LevelSearch<TState, TAction, TStore>(ctx, store, makeRound, ctx.Options.EffectiveThreads).Run(),
            SearchStrategy.DepthFirst => new DepthFirstSearch<TState, TAction, TStore>(ctx, store).Run(),
            var other => throw new ArgumentException($"unknown search strategy {other}"),
        };
}
