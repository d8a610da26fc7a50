namespace TcpModelCheck.Engine.Partitioning;

/// <summary>
/// One process's share of a fingerprint-partitioned breadth-first search (Stern and Dill's hash-partitioned
/// Murphi; see docs/distributed.md): <paramref name="Count"/> processes, each owning the states whose stable hash
/// falls in its range, exchange the successors they generate for states they do not own through files in the
/// shared <paramref name="Directory"/>, one level at a time. Together they visit every reachable state once; every
/// process ends with the merged verdict.
/// </summary>
/// <param name="Index">This process's partition, 0 ≤ Index &lt; Count.</param>
/// <param name="Count">The number of processes; each must be started with the same configuration.</param>
/// <param name="Directory">The exchange directory, shared by all processes and empty when they start.</param>
public sealed record PartitionSpec(int Index, int Count, string Directory)
{
    /// <summary>More processes than this is a typo: every level ends with a barrier that polls every peer's file.</summary>
    public const int MaxCount = 4096;

    /// <summary>Throws <see cref="ArgumentException"/> with one line when the spec cannot run.</summary>
    public void Validate()
    {
        if (Count < 1 || Count > MaxCount) throw new ArgumentException($"partition count {Count} is not in 1..{MaxCount}");
        if (Index < 0 || Index >= Count) throw new ArgumentException($"partition index {Index} is not in 0..{Count - 1}");
        if (!System.IO.Directory.Exists(Directory)) throw new ArgumentException($"exchange directory '{Directory}' does not exist");
    }

    /// <summary>The partition that owns a state with stable hash <paramref name="hash"/>: its low 32 bits modulo the
    /// count. The visited table takes a segment and a home slot from the top bits (see
    /// <c>SegmentedTable.Home</c>), so those stay uniformly spread inside each partition; a range of the top bits
    /// would leave most home slots of each partition's table unused.</summary>
    public static int Owner(ulong hash, int count) => (int)((uint)hash % (uint)count);

    /// <summary>"i/N", as the command line writes it.</summary>
    public override string ToString() => $"{Index}/{Count}";
}
