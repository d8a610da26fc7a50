using System.Globalization;
using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Engine.Model;

namespace TcpModelCheck.Cli.Output;

/// <summary>The words and number formats every output uses (text and JSON agree on them).</summary>
internal static class Words
{
    public static string Verdict(Verdict v) => v switch
    {
        Engine.Checking.Verdict.Holds => "holds",
        Engine.Checking.Verdict.Violated => "violated",
        _ => "inconclusive",
    };

    /// <summary>The kind names of the Reports project, so the CLI and the comparison reports agree.</summary>
    public static string Kind(PropertyKind k) => Reports.Comparison.ComparisonRow.KindName(k);

    /// <summary>A value a user or a file gave, as a one-line message may echo it (control characters escaped,
    /// long values cut with "…").</summary>
    public static string Echo(string text, int max = 80) => Engine.Traces.MessageText.Echo(text, max);

    public static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    public static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);

    public static string MiB(long bytes) => (bytes / (1024.0 * 1024)).ToString("N0", CultureInfo.InvariantCulture) + " MiB";

    /// <summary>Seconds rounded to milliseconds for JSON (sub-millisecond noise helps no one).</summary>
    public static double JsonSeconds(TimeSpan t) => Math.Round(t.TotalSeconds, 3);

    /// <summary>One line describing a search: size, completeness and (optionally) cost.</summary>
    public static string Statistics(SearchStatistics s, bool timings)
    {
        var line = $"{Count(s.DistinctStates)} distinct states, {Count(s.Transitions)} transitions, max depth {s.MaxDepth}";
        if (timings)
            line += $", {Seconds(s.Elapsed)} s, {Count((long)s.StatesPerSecond)} states/s, peak memory {MiB(s.PeakMemoryBytes)}";
        return line;
    }

    /// <summary>Memory by component: bytes per state of the visited set, the predecessor log and the queue (at its
    /// peak), in memory and on disk, and the peak working set per state.</summary>
    public static string Memory(SearchStatistics s)
    {
        var n = Math.Max(1, s.DistinctStates);
        string PerState(long bytes) => (bytes / (double)n).ToString("0.0", CultureInfo.InvariantCulture);
        string Disk(long bytes) => bytes > 0 ? $" + {PerState(bytes)} on disk" : "";
        return $"memory per state: visited {PerState(s.StoreBytes)} B, predecessor log {PerState(s.PredecessorBytes)} B"
               + Disk(s.PredecessorDiskBytes) + $", queue ({s.FrontierKind}) peak {PerState(s.FrontierBytes)} B"
               + Disk(s.FrontierDiskBytes) + (s.EdgeBytes > 0 ? $", edges {PerState(s.EdgeBytes)} B" : "") + $", managed heap peak {MiB(s.PeakManagedBytes)}, peak memory {PerState(s.PeakMemoryBytes)} B";
    }

    /// <summary>The second line: how the search ended, and what fingerprinting may have cost.</summary>
    public static IEnumerable<string> Ending(SearchStatistics s, CheckOptions options)
    {
        if (s.CutShort)
            yield return $"search stopped early: {ModelChecker.Describe(s.StopReason, options.Limits)}; " +
                         "every property not yet settled is inconclusive";
        else if (s.StopReason == StopReason.AllPropertiesSettled)
            yield return "search stopped once every selected property was settled (state counts are partial)";
        if (s.Partition is { } part)
            yield return $"partitioned search: merged over {part.Count} processes (this is partition {part.Index}/{part.Count}, " +
                         $"owning {Count(part.OwnStates)} states; {Count(part.Exchanged)} successors exchanged); " +
                         "memory is the sum of every process's";
        if (s.MissProbability is { } p)
            yield return $"fingerprint storage: estimated probability that a state was missed {p.ToString("0.##E+0", CultureInfo.InvariantCulture)}";
    }
}
