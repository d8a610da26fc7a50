using System.Globalization;
using TcpModelCheck.Bench.Promela;
using TcpModelCheck.Engine.Checking;

namespace TcpModelCheck.Bench.Cli;

/// <summary>The parsed command line of <c>spin --bounds S|M|L|XL [--threads N] [--fingerprint|--exact]
/// [--strategy bfs|dfs|parallel] [--skip-spin] [--pml PATH]</c>.</summary>
public sealed record BenchArgs(
    string BoundsName,
    PmlBounds Bounds,
    int Threads,
    SearchStrategy Strategy,
    StorageMode Storage,
    bool SkipSpin,
    string? PmlPath,
    long ExpectedStates = 0)
{
    public const string Usage =
        "usage: dotnet run -c Release --project src/TcpModelCheck.Bench -- spin --bounds S|M|L|XL " +
        "[--threads N] [--fingerprint|--exact] [--strategy bfs|dfs|parallel] [--skip-spin] [--pml PATH] [--expected-states N]";

    /// <summary>Parses <paramref name="args"/>; on failure returns null and a one-line reason.</summary>
    public static (BenchArgs? Args, string? Error) Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || args[0] != "spin") return (null, args.Count == 0 ? "missing command 'spin'" : $"unknown command '{args[0]}'");
        string? bounds = null, strategy = null, pml = null;
        int? threads = null;
        long expected = 0;
        StorageMode? storage = null;
        var skipSpin = false;
        for (var i = 1; i < args.Count; i++)
        {
            var a = args[i];
            string? Value() => i + 1 < args.Count ? args[++i] : null;
            switch (a)
            {
                case "--bounds":
                    bounds = Value();
                    if (bounds is null) return (null, "--bounds needs S, M, L or XL");
                    break;
                case "--threads":
                    var t = Value();
                    if (!int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1 || n > 256)
                        return (null, $"--threads needs a whole number in 1..256, got '{t ?? "<missing>"}'");
                    threads = n;
                    break;
                case "--fingerprint" or "--exact":
                    var mode = a == "--exact" ? StorageMode.Exact : StorageMode.Fingerprint;
                    if (storage is { } s && s != mode) return (null, "--fingerprint and --exact exclude each other");
                    storage = mode;
                    break;
                case "--strategy":
                    strategy = Value();
                    if (strategy is null) return (null, "--strategy needs bfs, dfs or parallel");
                    break;
                case "--skip-spin": skipSpin = true; break;
                case "--expected-states":
                    var e = Value();
                    if (!long.TryParse(e, NumberStyles.None, CultureInfo.InvariantCulture, out expected) || expected < 1 || expected > 4_000_000_000)
                        return (null, $"--expected-states needs a whole number in 1..4000000000, got '{e ?? "<missing>"}'");
                    break;
                case "--pml":
                    pml = Value();
                    if (pml is null) return (null, "--pml needs a path");
                    break;
                default: return (null, $"unknown option '{a}'");
            }
        }
        if (bounds is null) return (null, "missing --bounds S|M|L|XL");
        if (!PmlBounds.Named.TryGetValue(bounds, out var b)) return (null, $"unknown bounds '{bounds}' (expected S, M, L or XL)");
        var (strat, error) = ParseStrategy(strategy, threads ?? 1);
        if (error is not null) return (null, error);
        return (new BenchArgs(bounds.ToUpperInvariant(), b, threads ?? 1, strat, storage ?? StorageMode.Exact, skipSpin, pml, expected), null);
    }

    /// <summary>Default: breadth-first on one thread, parallel breadth-first on more.</summary>
    private static (SearchStrategy, string?) ParseStrategy(string? name, int threads) => name switch
    {
        null => (threads > 1 ? SearchStrategy.ParallelBreadthFirst : SearchStrategy.BreadthFirst, null),
        _ => SearchStrategies.Names.TryParse(name) switch
        {
            null => (default, $"unknown strategy '{name}' (expected {string.Join(", ", SearchStrategies.Names.Names)})"),
            SearchStrategy.ParallelBreadthFirst => (SearchStrategy.ParallelBreadthFirst, null),
            _ when threads > 1 => (default, $"--strategy {name} runs on one thread; use --strategy parallel with --threads"),
            { } one => (one, null),
        },
    };
}
