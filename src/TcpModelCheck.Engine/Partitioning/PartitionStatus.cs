using System.Text.Json;
using System.Text.Json.Serialization;

namespace TcpModelCheck.Engine.Partitioning;

/// <summary>One finding of a partition in one level: a safety property's violation (or a witness) at a state it
/// owns (<paramref name="StateId"/> is its local id), extended by one step of <paramref name="Choice"/> for an
/// action property; −1 for none.</summary>
internal sealed record FindingRecord(string Property, long StateId, int Choice);

/// <summary>
/// What one partition publishes at a barrier: enough for every process to take the same global decision (go on,
/// stop, which finding is kept) from the same files, so no process coordinates the others. The last barrier's
/// status also carries the partition's costs, which every process sums into the merged statistics.
/// </summary>
internal sealed record PartitionStatus
{
    /// <summary>The configuration the partition runs (model, settings, properties, storage, partition count); every
    /// process checks that all are equal before the first level, so a merged verdict names the configuration that ran.</summary>
    public string Configuration { get; init; } = "";
    public long OwnStates { get; init; }
    public long Queued { get; init; }
    public long Transitions { get; init; }
    public StopCode Stop { get; init; }
    public bool DepthCut { get; init; }
    public List<FindingRecord> Findings { get; init; } = [];
    public long StoreBytes { get; init; }
    public long PredecessorBytes { get; init; }
    public long QueuePeakBytes { get; init; }
    public long PeakMemoryBytes { get; init; }
    public long PeakManagedBytes { get; init; }
    public long ExchangedStates { get; init; }

    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static PartitionStatus Parse(string json, string file) =>
        JsonSerializer.Deserialize<PartitionStatus>(json, Json) ?? throw new PartitionException($"{file} is empty");
}

/// <summary>Why a partition asks every partition to stop (the engine's <c>StopReason</c> values that a single
/// process can trigger).</summary>
internal enum StopCode
{
    None,
    MaxTime,
    MaxMemory,
    Cancelled,
}

/// <summary>A partitioned search that cannot complete: the partitions disagree on the configuration, a peer
/// failed, or the exchange directory is not fresh. One line, naming the partition and the file.</summary>
public sealed class PartitionException(string message) : Exception(message);
