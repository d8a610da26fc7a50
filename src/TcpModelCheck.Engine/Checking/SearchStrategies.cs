using TcpModelCheck.Engine.Model;

namespace TcpModelCheck.Engine.Checking;

/// <summary>The names of <see cref="SearchStrategy"/>: the one place that maps them, for every front end.</summary>
public static class SearchStrategies
{
    /// <summary>What a user types (<c>tcpmc check --strategy</c>, the bench's <c>--strategy</c>).</summary>
    public static NameTable<SearchStrategy> Names { get; } = new("a search strategy",
        (SearchStrategy.BreadthFirst, "bfs"), (SearchStrategy.DepthFirst, "dfs"), (SearchStrategy.ParallelBreadthFirst, "parallel"));

    /// <summary>What a counterexample's trace records as its origin: the parallel search is named for what it is, a
    /// breadth-first search (its counterexamples are shortest too).</summary>
    public static NameTable<SearchStrategy> Origins { get; } = new("a search origin",
        (SearchStrategy.BreadthFirst, "bfs"), (SearchStrategy.DepthFirst, "dfs"), (SearchStrategy.ParallelBreadthFirst, "parallel-bfs"));

    /// <summary>The origin of a counterexample rebuilt from the logs of a partitioned search (<c>check --partition i/N</c>):
    /// breadth-first over N processes, not a strategy of one.</summary>
    public const string PartitionedOrigin = "partitioned-bfs";

    /// <summary>Every origin a search gives: a trace with one of these is the counterexample or witness of a property.</summary>
    public static IReadOnlyList<string> SearchOrigins { get; } = [.. Origins.Names, PartitionedOrigin];
}
