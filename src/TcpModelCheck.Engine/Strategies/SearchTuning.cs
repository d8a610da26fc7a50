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

    /// <summary>How many successors ahead the insert phase prefetches the home slot. 8 was best among 0, 4, 8, 16 and
    /// 32 (no prefetch: 37 % more CPU time at bounds L) before the recent-fingerprint cache
    /// (<see cref="ExpandScratch{TAction}.Recent"/>): a successor it knows is neither prefetched nor probed, so with
    /// half of them known 8 successors are about 4 probes in flight. 16 since (session 11, alternated on the 2-core VM):
    /// the SPIN port at bounds L, fingerprints, pinned to one CPU 1,224–1,239 k → 1,254–1,288 k states/s, two threads
    /// 2,228 / 2,356 k → 2,415 / 2,429 k; rfc9293/reconnect pinned, medians of three, 1,049 k → 1,060 k. A C program
    /// probing the same way (half the keys skipped, 300 MB of huge pages): 40.6 ns a probe at 8, 34.3 at 16, 32.2 at 24
    /// and 32.</summary>
    public const int PrefetchDistance = 16;
}
