using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Engine.Storage;

namespace TcpModelCheck.Engine.Partitioning;

/// <summary>
/// After the last barrier: every partition's predecessor log (read from its file on demand) and costs. A path is
/// rebuilt by walking back from a state, hopping to the parent's partition at each step (a parent is logged as
/// <c>id × N + owner</c>), to an initial state.
/// </summary>
internal sealed class PartitionLogs(Exchange exchange, PartitionStatus[] finals, TimeSpan elapsed, StorageMode mode) : IDisposable
{
    private readonly FileStream?[] _files = new FileStream?[exchange.Spec.Count];

    public PartitionStatus[] Finals { get; } = finals;

    /// <summary>The initial-state index and the choices from it to state <paramref name="id"/> of <paramref name="partition"/>.</summary>
    public (int Initial, List<int> Choices) PathTo(int partition, long id)
    {
        var n = exchange.Spec.Count;
        var choices = new List<int>();
        while (true)
        {
            var entry = Entry(partition, id);
            var parent = PredecessorLog.ParentOf(entry);
            var choice = PredecessorLog.ChoiceOf(entry);
            if (parent < 0)
            {
                choices.Reverse();
                return (choice, choices);
            }
            choices.Add(choice);
            (id, partition) = (parent / n, (int)(parent % n));
        }
    }

    private ulong Entry(int partition, long id)
    {
        var file = _files[partition] ??= new FileStream(exchange.LogPath(partition), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 4096);
        Span<byte> word = stackalloc byte[8];
        file.Position = id * 8;
        file.ReadExactly(word);
        return System.Runtime.InteropServices.MemoryMarshal.Read<ulong>(word);
    }

    /// <summary>The merged statistics: counts and bytes summed over the partitions (memory: the sum of every process's
    /// peak, what the machine held at most), elapsed time this process's.</summary>
    public SearchStatistics Statistics(StopReason stop, int maxDepth) =>
        new(Finals.Sum(f => f.OwnStates), Finals.Sum(f => f.Transitions), maxDepth, elapsed, Finals.Sum(f => f.PeakMemoryBytes),
            Finals.Sum(f => f.StoreBytes), mode, stop,
            mode == StorageMode.Fingerprint ? StableHash.CollisionProbability(Finals.Sum(f => f.OwnStates)) : null)
        {
            PredecessorBytes = Finals.Sum(f => f.PredecessorBytes),
            FrontierBytes = Finals.Sum(f => f.QueuePeakBytes),
            FrontierKind = "encoded, per partition",
            PeakManagedBytes = Finals.Sum(f => f.PeakManagedBytes),
            Partition = new PartitionSummary(exchange.Spec.Index, exchange.Spec.Count, Finals[exchange.Spec.Index].OwnStates,
                Finals.Sum(f => f.ExchangedStates)),
        };

    public void Dispose()
    {
        foreach (var f in _files) f?.Dispose();
    }
}
