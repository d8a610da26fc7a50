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

    /// <summary>How many successors ahead the exact-storage insert phase (<see cref="LevelRound{TState,TAction,TStore}"/>),
    /// which probes every one, prefetches the home slot: 8 was best among 0, 4, 8, 16 and 32 (no prefetch: 37 % more
    /// CPU time at bounds L).</summary>
    public const int PrefetchDistance = 8;

    /// <summary>How many probes of the fingerprint table the insert phase (<see cref="DirectRound{TState,TAction,TStore}"/>)
    /// keeps prefetched ahead. A successor the recent-fingerprint cache (<see cref="ExpandScratch{TAction}.Recent"/>) knows
    /// is neither prefetched nor probed, so the distance in successors is this divided by the share of them probed, which
    /// differs by model (<see cref="PrefetchAhead"/>). Session 11, alternated on the 2-core VM: a fixed 8 successors
    /// (the exact-storage value, used here until then) was about 4 probes on rfc9293/reconnect, where about half the
    /// successors are known; 16 was best on the SPIN port at bounds L (pinned 1,224–1,239 k → 1,254–1,288 k states/s; 24:
    /// 1,183–1,249 k, two threads 2,198 / 2,364 k against 2,471 / 2,509 k), 24 on rfc9293/reconnect (pinned 1,054–1,104 k
    /// at 16, 1,128–1,145 k at 24). A C program probing as the loop does (300 MB of huge pages, half the keys skipped): 40.6
    /// ns a probe at 8 successors, 34.3 at 16, 32.2 at 24 and 32.</summary>
    public const int ProbesInFlight = 12;

    /// <summary>Successors ahead to prefetch in a worker's next chunk, from its last one: <see cref="ProbesInFlight"/> over
    /// the share of the chunk's <paramref name="successors"/> that were <paramref name="probed"/>, within 8 and 64.</summary>
    public static int PrefetchAhead(int successors, int probed) =>
        Math.Clamp(ProbesInFlight * successors / Math.Max(probed, 1), 8, 64);
}
