using TcpModelCheck.Engine.Model;

namespace TcpModelCheck.Engine.Storage.Frontier;

/// <summary>Chooses how a breadth-first search keeps its queue.</summary>
internal static class Frontiers
{
    /// <summary>
    /// Every state in memory when the liveness check needs them all afterwards (<paramref name="keepAll"/>);
    /// encoded pages on disk when a spill directory is given and the states can be encoded and decoded again;
    /// encoded pages in memory when the model decodes its states (objects take several times their encoding);
    /// otherwise the states themselves (a plain value is already compact).
    /// </summary>
    public static IFrontier<TState> Create<TState, TAction>(IModel<TState, TAction> model, bool keepAll,
        string? spillDirectory, int units) where TState : IEquatable<TState>
    {
        if (keepAll) return new StateFrontier<TState>(keepAll: true);
        var codec = FrontierCodec<TState>.For(model);
        if (codec is null) return new StateFrontier<TState>(keepAll: false);
        if (spillDirectory is not null)
            return new EncodedFrontier<TState>(codec, units, new SpillFile(spillDirectory, "queue", EncodedFrontier<TState>.PageBytes));
        return codec.Compacts ? new EncodedFrontier<TState>(codec, units, null) : new StateFrontier<TState>(keepAll: false);
    }

    /// <summary>True when <see cref="Create"/> makes a queue of the model's own encodings (a <see cref="ModelCodec{TState,TAction}"/>:
    /// the model decodes them and the states need not all be kept): it then takes <see cref="IFrontier{TState}.StageEncoded"/>.</summary>
    public static bool KeepsEncodings<TState, TAction>(IModel<TState, TAction> model, bool keepAll) where TState : IEquatable<TState> =>
        !keepAll && model is IStateDecoder<TState>;

    /// <summary>The predecessor log, on disk when a spill directory is given and the states need not all be kept.</summary>
    public static PredecessorLog Log(bool keepAll, string? spillDirectory) =>
        new(keepAll || spillDirectory is null ? null : new SpillFile(spillDirectory, "log", 8 * ChunkedArray<ulong>.EntriesPerChunk));
}
