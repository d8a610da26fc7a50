using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using TcpModelCheck.Cli.Backend;
using TcpModelCheck.Engine.Checking;

namespace TcpModelCheck.Cli.Output;

/// <summary>
/// One verdict as a JSON row. The same row shape is used by <c>check</c> and <c>compare</c>, so a script reads
/// both alike. Fields are always present (null when not applicable); <c>seconds</c> is null under --no-timings.
/// </summary>
internal sealed record ResultRow(
    string Configuration,
    string Variant,
    string Workload,
    string Property,
    string Kind,
    string Verdict,
    string? Expected,
    bool? AsExpected,
    int? CounterexampleLength,
    string? ChoicePath,
    long DistinctStates,
    long Transitions,
    int MaxDepth,
    double? Seconds,
    string? Reason)
{
    /// <summary>A row of <c>check</c>: no expectations.</summary>
    public static ResultRow Of(IModelSession session, PropertyOutcome o, SearchStatistics stats, bool timings) =>
        Of(session, o, stats, timings, null, null);

    private static ResultRow Of(IModelSession session, PropertyOutcome o, SearchStatistics stats, bool timings, Verdict? expected, bool? asExpected) => new(
        session.Name, session.Variant, session.Workload, o.Property.Name, Words.Kind(o.Property.Kind), Words.Verdict(o.Verdict),
        expected is { } e ? Words.Verdict(e) : null, asExpected,
        o.Counterexample?.Trace.Length, o.Counterexample is { } c ? TraceOutput.ChoicePath(c.Trace) : null,
        stats.DistinctStates, stats.Transitions, stats.MaxDepth, timings ? Words.JsonSeconds(stats.Elapsed) : null, o.Reason);
}

/// <summary>The statistics of one search as JSON; cost fields are null under --no-timings.</summary>
internal sealed record StatisticsDocument(
    long DistinctStates,
    long Transitions,
    int MaxDepth,
    double? Seconds,
    double? StatesPerSecond,
    long? PeakMemoryBytes,
    string Storage,
    string StopReason,
    double? MissProbability)
{
    /// <summary>Memory by component (cost fields: null under --no-timings): the visited set, the predecessor log
    /// in memory and on disk, the breadth-first queue's peak in memory and on disk, the managed heap's peak.</summary>
    public MemoryDocument? Memory { get; init; }

    /// <summary>For <c>check --partition</c>: this process's partition and the cost of the exchange (null otherwise).</summary>
    public PartitionSummary? Partition { get; init; }

    /// <summary>The CPUs the process could use and how .NET optimized its code on them (a cost field: null under
    /// --no-timings). A timing taken on one CPU says whether the runtime's tenfold tier-up delay applied
    /// (<see cref="SingleCpuTiering"/>).</summary>
    public RuntimeDocument? Runtime { get; init; }

    public static StatisticsDocument Of(SearchStatistics s, bool timings) => new(
        s.DistinctStates, s.Transitions, s.MaxDepth,
        timings ? Words.JsonSeconds(s.Elapsed) : null,
        timings ? Math.Round(s.StatesPerSecond) : null,
        timings ? s.PeakMemoryBytes : null,
        s.Storage == StorageMode.Fingerprint ? "fingerprint" : "exact",
        s.StopReason == Engine.Checking.StopReason.None ? "complete" : JsonNamingPolicy.KebabCaseLower.ConvertName(s.StopReason.ToString()),
        s.MissProbability)
    {
        Memory = timings ? MemoryDocument.Of(s) : null,
        Partition = s.Partition,
        Runtime = timings ? RuntimeDocument.Current() : null,
    };
}

/// <summary>The runtime conditions of a timing: processors available to the process, and how code was tiered up on them.</summary>
internal sealed record RuntimeDocument(int Processors, string TierUp)
{
    public static RuntimeDocument Current() => new(Environment.ProcessorCount, SingleCpuTiering.Describe());
}

/// <summary>Bytes by component of one search (see <see cref="SearchStatistics"/>).</summary>
internal sealed record MemoryDocument(
    long VisitedBytes,
    long PredecessorBytes,
    long PredecessorDiskBytes,
    long FrontierBytes,
    long FrontierDiskBytes,
    string Frontier,
    long PeakManagedBytes,
    double? BytesPerState,
    long EdgeBytes)
{
    public static MemoryDocument Of(SearchStatistics s) => new(s.StoreBytes, s.PredecessorBytes, s.PredecessorDiskBytes,
        s.FrontierBytes, s.FrontierDiskBytes, s.FrontierKind, s.PeakManagedBytes,
        s.DistinctStates > 0 ? Math.Round((double)s.PeakMemoryBytes / s.DistinctStates, 1) : null, s.EdgeBytes);
}

/// <summary>Writes JSON documents: indented, camelCase field names, nulls kept so every field is always there.</summary>
internal static class JsonOutput
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        // Keep "§" and arrows readable; the output is a file or a pipe, never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The version of the documents' shape, the first field of every document (<c>schemaVersion</c>). It
    /// goes up when a field is renamed, removed or changes meaning; new fields alone do not change it.</summary>
    public const int SchemaVersion = 1;

    public static void Write<T>(TextWriter output, T document) => output.WriteLine(Serialize(document));

    /// <summary>The document with <c>schemaVersion</c> first. A list (no fields of its own) is wrapped as
    /// <c>{ "schemaVersion": 1, "items": [...] }</c>.</summary>
    public static string Serialize<T>(T document)
    {
        var node = JsonSerializer.SerializeToNode(document, Options);
        var versioned = new JsonObject { ["schemaVersion"] = SchemaVersion };
        if (node is JsonObject fields)
            foreach (var (name, value) in fields.ToList())
            {
                fields.Remove(name);
                versioned[name] = value;
            }
        else versioned["items"] = node;
        return versioned.ToJsonString(Options);
    }
}
