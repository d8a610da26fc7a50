namespace TcpModelCheck.Engine.Strategies;

/// <summary>Sizes that trade memory locality for overhead in the breadth-first strategies (measured on the
/// SPIN benchmark port).</summary>
internal static class SearchTuning
{
    /// <summary>States per expansion unit. Small enough that a worker finishing early waits little for the
    /// others at the barrier.</summary>
    public static int ChunkStates = 256;

    /// <summary>Expansion units per round. A round's successors (≈ 8 per state, 40 bytes each for a 16-byte
    /// state) should stay cache-resident, and a round must be long enough that its three barriers cost little.</summary>
    public static int ChunksPerRound = 32;

    /// <summary>How many successors ahead the insert phase prefetches the home slot.</summary>
    public static int PrefetchDistance = 8;
}
