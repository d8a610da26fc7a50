namespace TcpModelCheck.Engine.Simulation;

/// <summary>
/// A tiny, explicit, value-typed PRNG (SplitMix64). Randomness is a value: the same seed gives the same
/// sequence on every runtime and machine, which <see cref="System.Random"/> does not promise.
/// </summary>
public struct SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A uniform integer in [0, bound) (Lemire's multiply-shift; bias below 2^-32 for small bounds).</summary>
    public int NextInt(int bound)
    {
        if (bound <= 0) throw new ArgumentOutOfRangeException(nameof(bound));
        return (int)(((NextUInt64() >> 32) * (ulong)bound) >> 32);
    }
}
