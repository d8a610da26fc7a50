namespace TcpModelCheck.Engine.Strategies;

/// <summary>Sizes that trade memory locality for overhead in the breadth-first strategies (measured on the
/// SPIN benchmark port; see the engine's README section on performance).</summary>
internal static class SearchTuning
{
    /// <summary>States each worker expands per round. A round's successors (≈ 8 per state, 40 bytes each
    /// for a 16-byte state) should fit in the L2 cache, and a round must be long enough that the three
    /// barriers per round cost little.</summary>
    public static int RoundStatesPerWorker = 1024;

    /// <summary>How many successors ahead the insert phase prefetches the home slot.</summary>
    public static int PrefetchDistance = 8;
}
