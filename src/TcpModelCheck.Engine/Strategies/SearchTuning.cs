namespace TcpModelCheck.Engine.Strategies;

/// <summary>Sizes of the breadth-first strategies' work units, measured on the SPIN benchmark port (bounds M
/// and L, one and two workers; see the engine README).</summary>
internal static class SearchTuning
{
    /// <summary>States per expansion unit: small enough that a worker that finishes first waits little for
    /// the other at the barrier (a unit takes about 70 µs on the port).</summary>
    public const int ChunkStates = 256;

    /// <summary>Expansion units per round (8,192 states): a round's successors (≈ 8 per state, 32 bytes each for
    /// a 16-byte state) stay cache-resident, and the round is long enough that its three barriers cost little.</summary>
    public const int ChunksPerRound = 32;

    /// <summary>How many successors ahead the insert phase prefetches the home slot: 8 was best among 0, 4, 8,
    /// 16 and 32 (no prefetch: 37 % more CPU time at bounds L).</summary>
    public const int PrefetchDistance = 8;
}
