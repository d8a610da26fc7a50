using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Engine.Partitioning;

namespace TcpModelCheck.Cli.Options;

/// <summary><c>check --partition i/N --exchange DIR</c>: run this process as partition i of N of a fingerprint-
/// partitioned breadth-first search (docs/distributed.md). N processes started with the same configuration and the
/// same, initially empty, directory together cover the state space; each prints the merged verdict.</summary>
internal sealed class PartitionOptionSet
{
    public Option<(int Index, int Count)?> Partition { get; } = new("--partition")
    {
        Description = "Run as partition i of N (0 ≤ i < N) of a partitioned search; the N processes exchange states " +
                      "through --exchange and each prints the merged verdict (liveness: inconclusive)",
        CustomParser = ParsePartition,
        HelpName = "i/N",
    };

    public Option<string?> Exchange { get; } = new("--exchange")
    {
        Description = "The directory the partitions of --partition share (empty when they start; one per run)",
        CustomParser = Bounds.ExistingDirectory("--exchange"),
        HelpName = "dir",
    };

    public void AddTo(Command command)
    {
        command.Add(Partition);
        command.Add(Exchange);
    }

    /// <summary>The options with the partition applied; bad input when the combination cannot run.</summary>
    public CheckOptions Apply(ParseResult parse, CheckOptions options)
    {
        var partition = parse.GetValue(Partition);
        var exchange = parse.GetValue(Exchange);
        if (partition is null && exchange is null) return options;
        if (partition is null) throw new BadInputException("--exchange needs --partition i/N");
        if (exchange is null) throw new BadInputException("--partition needs --exchange DIR (a directory all partitions share)");
        if (options.Strategy != SearchStrategy.BreadthFirst)
            throw new BadInputException("--partition runs a breadth-first search in each process: leave out --strategy (or use bfs)");
        if (options.Limits.MaxStates is not null)
            throw new BadInputException("--partition takes no --max-states (each process sees only its own states): use --max-seconds or --max-memory");
        return options with { Partition = new PartitionSpec(partition.Value.Index, partition.Value.Count, Path.GetFullPath(exchange)) };
    }

    private static (int, int)? ParsePartition(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value.Trim() : "";
        var parts = text.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var i)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            && n >= 1 && n <= PartitionSpec.MaxCount && i < n)
            return (i, n);
        result.AddError($"--partition expects i/N with 0 ≤ i < N ≤ {PartitionSpec.MaxCount} (got '{text}')");
        return null;
    }
}
