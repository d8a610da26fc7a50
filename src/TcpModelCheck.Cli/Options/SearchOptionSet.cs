using System.CommandLine;
using TcpModelCheck.Engine.Checking;

namespace TcpModelCheck.Cli.Options;

/// <summary>The options that steer the explorer: strategy, threads, storage and limits. They map one to one onto
/// the engine's immutable <see cref="CheckOptions"/>.</summary>
internal sealed class SearchOptionSet
{
    /// <summary>Largest accepted bounds. Beyond these a value is a typo, not a plan: 10^11 states would need
    /// at least 800 GB even as fingerprints; 10^6 s is eleven days.</summary>
    public const long MaxStatesBound = 100_000_000_000;
    public const double MaxSecondsBound = 1_000_000;
    public const long MinMemoryBound = 16L << 20, MaxMemoryBound = 16L << 40;

    public Option<string> Strategy { get; } = new("--strategy")
    {
        Description = "Search strategy: bfs (shortest counterexamples), dfs, or parallel (breadth-first on all threads)",
        DefaultValueFactory = _ => "bfs",
        CustomParser = Bounds.OneOf("--strategy", [.. SearchStrategies.Names.Names])!,
        HelpName = "bfs|dfs|parallel",
    };

    public Option<int> Threads { get; } = new("--threads")
    {
        Description = "Worker threads for --strategy parallel (0 = one per core)",
        CustomParser = Bounds.Number("--threads", 0, 1024),
        HelpName = "n",
    };

    public Option<long?> MaxStates { get; } = new("--max-states")
    {
        Description = "Stop (inconclusive) after this many distinct states",
        CustomParser = Bounds.OptionalNumber("--max-states", 1L, MaxStatesBound),
        HelpName = "n",
    };

    public Option<int?> MaxDepth { get; } = new("--max-depth")
    {
        Description = "Stop (inconclusive) when a state deeper than this many steps would be explored",
        CustomParser = Bounds.OptionalNumber("--max-depth", 1, 100_000_000),
        HelpName = "n",
    };

    public Option<double?> MaxSeconds { get; } = new("--max-seconds")
    {
        Description = "Stop (inconclusive) after this many seconds",
        CustomParser = Bounds.OptionalNumber("--max-seconds", 0.001, MaxSecondsBound),
        HelpName = "s",
    };

    public Option<long?> MaxMemory { get; } = new("--max-memory")
    {
        Description = "Stop (inconclusive) when the process uses more memory (e.g. 512M, 4G; a bare number is MiB)",
        CustomParser = Bounds.Bytes("--max-memory", MinMemoryBound, MaxMemoryBound),
        HelpName = "size",
    };

    public Option<long?> ExpectedStates { get; } = new("--expected-states")
    {
        Description = "Size hint, like SPIN's -w: the visited store starts large enough for this many states, so it " +
                      "does not grow during the search (less time, never a different result; too small a hint only " +
                      "means it grows as usual)",
        CustomParser = Bounds.OptionalNumber("--expected-states", 1L, MaxStatesBound),
        HelpName = "n",
    };

    public Option<bool> Fingerprint { get; } = new("--fingerprint")
    {
        Description = "Store 64-bit fingerprints instead of whole states (less memory; reports the estimated " +
                      "probability that a state was missed; safety properties only)",
    };

    public Option<string?> SpillDir { get; } = new("--spill-dir")
    {
        Description = "Directory for the scratch files that hold the breadth-first queue and the predecessor log " +
                      "(default: the system temporary directory; files are deleted when the search ends)",
        CustomParser = Bounds.ExistingDirectory("--spill-dir"),
        HelpName = "dir",
    };

    public Option<bool> NoSpill { get; } = new("--no-spill")
    {
        Description = "Keep the breadth-first queue and the predecessor log in memory (no scratch files)",
    };

    public void AddTo(Command command)
    {
        foreach (var o in new Option[] { Strategy, Threads, MaxStates, MaxDepth, MaxSeconds, MaxMemory, ExpectedStates, Fingerprint, SpillDir, NoSpill })
            command.Add(o);
    }

    public CheckOptions ToCheckOptions(ParseResult parse, IReadOnlyList<string>? properties)
    {
        var seconds = parse.GetValue(MaxSeconds);
        return new CheckOptions
        {
            Strategy = SearchStrategies.Names.TryParse(parse.GetValue(Strategy) ?? "bfs") ?? SearchStrategy.BreadthFirst,
            Storage = parse.GetValue(Fingerprint) ? StorageMode.Fingerprint : StorageMode.Exact,
            Threads = parse.GetValue(Threads),
            Limits = new SearchLimits(
                MaxStates: parse.GetValue(MaxStates),
                MaxDepth: parse.GetValue(MaxDepth),
                MaxTime: seconds is { } s ? TimeSpan.FromSeconds(s) : null,
                MaxMemoryBytes: parse.GetValue(MaxMemory)),
            Properties = properties,
            ExpectedStates = parse.GetValue(ExpectedStates) ?? 0,
            SpillDirectory = parse.GetValue(NoSpill) ? null : parse.GetValue(SpillDir) ?? Path.GetTempPath(),
        };
    }
}
