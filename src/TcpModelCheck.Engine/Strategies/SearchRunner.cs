using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Engine.Storage;

namespace TcpModelCheck.Engine.Strategies;

/// <summary>Picks the store and the strategy named by the options. Each (strategy, store) pair is a separate
/// generic instantiation, so the store's insert is inlined into the strategy's loop.</summary>
internal static class SearchRunner
{
    public static SearchOutcome<TState> Run<TState, TAction>(SearchContext<TState, TAction> ctx) where TState : IEquatable<TState> =>
        ctx.Options.Storage switch
        {
            StorageMode.Exact => Run(ctx, new ExactStore<TState>(0)),
            StorageMode.Fingerprint => Run(ctx, new FingerprintStore<TState>(0)),
            var other => throw new ArgumentException($"unknown storage mode {other}"),
        };

    private static SearchOutcome<TState> Run<TState, TAction, TStore>(SearchContext<TState, TAction> ctx, TStore store)
        where TState : IEquatable<TState>
        where TStore : struct, IVisitedStore<TState> =>
        ctx.Options.Strategy switch
        {
            SearchStrategy.BreadthFirst => new LevelSearch<TState, TAction, TStore>(ctx, store, 1).Run(),
            SearchStrategy.ParallelBreadthFirst =>
                new LevelSearch<TState, TAction, TStore>(ctx, store, ctx.Options.EffectiveThreads).Run(),
            SearchStrategy.DepthFirst => new DepthFirstSearch<TState, TAction, TStore>(ctx, store).Run(),
            var other => throw new ArgumentException($"unknown search strategy {other}"),
        };
}
