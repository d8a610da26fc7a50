using System.Diagnostics;
using System.Globalization;
using TcpModelCheck.Engine.Schedules;
using TcpModelCheck.Tcp;
using TcpModelCheck.Tcp.Schedules;

namespace TcpModelCheck.Bench.Schedules;

/// <summary>
/// How fast each schedule strategy finds a deep bug: <c>dotnet run -c Release --project src/TcpModelCheck.Bench --
/// schedules strategies [--seeds N] [--first SEED] [--max-runs N] [--only STRATEGY] [--rate RUNS]</c>. For every strategy it
/// runs seeds SEED..SEED+N−1 (default 1..15) on no-time-wait/reconnect at the default bounds until the first
/// <c>no-stale-data</c> violation (no shrinking, one thread, at most max-runs schedules per seed) and prints the median
/// and range of schedules and seconds to it, then the schedules per seed. Then (without <c>--only</c>), on each
/// broken-variant case of <see cref="BrokenScheduleCases"/> and on the default no-time-wait and naive-fin configurations
/// × every safety property, it prints the run at which each strategy first finds each (case, property) pair within
/// max-runs schedules from seed 1, and checks that no strategy finds fewer than uniform (exit 1 if one does).
/// <c>--rate RUNS</c> instead counts the schedules among RUNS from seed SEED that violate no-stale-data.
/// </summary>
public static class StrategyBench
{
    public static int Run(string[] args)
    {
        var seeds = 15;
        var first = 1;
        var maxRuns = 50_000;
        var rate = 0;
        var strategies = Enum.GetValues<ScheduleStrategy>();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (args[i] == "--only")
            {
                if (ScheduleStrategies.Names.TryParse(args[i + 1]) is not { } only) return Usage($"unknown strategy '{args[i + 1]}'");
                strategies = [only];
                continue;
            }
            if (!int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var v) || v <= 0) return Usage($"invalid value '{args[i + 1]}' for {args[i]}");
            if (args[i] == "--seeds") seeds = v;
            else if (args[i] == "--first") first = v;
            else if (args[i] == "--max-runs") maxRuns = v;
            else if (args[i] == "--rate") rate = v;
            else return Usage($"unknown option '{args[i]}'");
        }
        if (args.Length % 2 == 1) return Usage($"option '{args[^1]}' needs a value");
        var target = TcpConfig.ForVariant(Variants.NoTimeWait) with { Workload = Workloads.Reconnect };
        if (rate > 0) return Rate(target, strategies, (ulong)first, rate);
        var last = first + seeds - 1;
        Console.WriteLine($"schedules to the first {TcpProperties.NoStaleData} on {target.Name} (default bounds, {TcpSchedules.Shape.Length} intents, "
            + $"seeds {first}..{last}, at most {maxRuns:N0} schedules per seed, one thread, no shrinking)");
        Console.WriteLine($"{"strategy",-10} {"found",6} {"median",8} {"min",8} {"max",8} {"median s",9} {"max s",7} {"ms/run",6}");
        var perSeed = new List<string>();
        foreach (var strategy in strategies)
        {
            var found = new List<(int Runs, double Seconds)>();
            var cells = new List<string>();
            for (var seed = (ulong)first; seed <= (ulong)last; seed++)
            {
                var f = FirstFinding(target, TcpProperties.NoStaleData, strategy, seed, maxRuns);
                if (f is { } hit) found.Add(hit);
                cells.Add(f is { } h ? h.Runs.ToString("N0", CultureInfo.InvariantCulture) : "-");
            }
            var runs = found.Select(f => f.Runs).Order().ToList();
            var secs = found.Select(f => f.Seconds).Order().ToList();
            var ms = found.Sum(f => f.Seconds) * 1000 / Math.Max(1, found.Sum(f => f.Runs));
            Console.WriteLine(runs.Count == 0 ? $"{Name(strategy),-10} {0,6}"
                : $"{Name(strategy),-10} {runs.Count,6} {Median(runs),8:N0} {runs[0],8:N0} {runs[^1],8:N0} {Median(secs),9:F2} {secs[^1],7:F2} {ms,6:F2}");
            perSeed.Add($"| {Name(strategy)} | {string.Join(" | ", cells)} |");
        }
        Console.WriteLine($"schedules to the first {TcpProperties.NoStaleData} per seed ({first}..{last}; - = not within {maxRuns:N0}):");
        Console.WriteLine($"| strategy | {string.Join(" | ", Enumerable.Range(first, seeds))} |");
        foreach (var row in perSeed) Console.WriteLine(row);
        return strategies.Length == 1 ? 0 : Coverage(maxRuns);
    }

    /// <summary>The (case, property) pairs each strategy finds from seed 1; false when one finds fewer than uniform.</summary>
    private static int Coverage(int maxRuns)
    {
        var cases = BrokenScheduleCases.All.Select(c => (c.Name, c.Config, Properties: (IReadOnlyList<string>)[c.Property]))
            .Append(("no-time-wait/client-closes-first (all properties)", TcpConfig.ForVariant(Variants.NoTimeWait), Safety()))
            .Append(("naive-fin/client-closes-first (all properties)", TcpConfig.ForVariant(Variants.NaiveFin), Safety()))
            .ToList();
        Console.WriteLine($"broken-variant cases: violated properties found within {maxRuns:N0} schedules from seed 1 "
            + "(per case: property found at run, 1-based; - = not found)");
        var strategies = Enum.GetValues<ScheduleStrategy>();
        var counts = strategies.ToDictionary(s => s, _ => 0);
        Console.WriteLine($"| case | {string.Join(" | ", strategies.Select(Name))} |");
        foreach (var (name, config, properties) in cases)
        {
            var cells = new List<string>();
            foreach (var strategy in strategies)
            {
                var summary = TcpSchedules.Search(config, 1, maxRuns, properties: properties,
                    options: new ScheduleSearchOptions { Strategy = strategy, Shrink = false, StopAfterFindings = properties.Count });
                counts[strategy] += summary.Findings.Count;
                cells.Add(summary.Findings.Count == 0 ? "-"
                    : string.Join(", ", summary.Findings.Select(f => (properties.Count > 1 ? f.Property + " " : "") + (f.Run + 1).ToString("N0", CultureInfo.InvariantCulture))));
            }
            Console.WriteLine($"| {name} | {string.Join(" | ", cells)} |");
        }
        Console.WriteLine($"| found | {string.Join(" | ", strategies.Select(s => counts[s]))} |");
        var weaker = counts.Where(kv => kv.Value < counts[ScheduleStrategy.Uniform]).Select(kv => Name(kv.Key)).ToList();
        Console.WriteLine(weaker.Count == 0 ? "no strategy finds fewer than uniform" : $"FEWER than uniform: {string.Join(", ", weaker)}");
        return weaker.Count == 0 ? 0 : 1;
    }

    /// <summary>The fraction of <paramref name="count"/> schedules from <paramref name="seed"/> that violate
    /// no-stale-data, per strategy: a steadier figure than a median over a few seeds (the expected schedules to the
    /// first finding are about its inverse).</summary>
    private static int Rate(TcpConfig target, ScheduleStrategy[] strategies, ulong seed, int count)
    {
        Console.WriteLine($"{TcpProperties.NoStaleData} on {target.Name}: violating schedules among {count:N0} from seed {seed}, one thread, no shrinking");
        foreach (var strategy in strategies)
        {
            var clock = Stopwatch.StartNew();
            var s = TcpSchedules.Search(target, seed, count, properties: [TcpProperties.NoStaleData],
                options: new ScheduleSearchOptions { Strategy = strategy, Shrink = false });
            var hits = s.ViolatingRuns;
            Console.WriteLine($"  {Name(strategy),-10} {hits,6:N0} ({100.0 * hits / count:F3}%, one per {(hits == 0 ? "-" : (count / (double)hits).ToString("N0", CultureInfo.InvariantCulture))}) "
                + $"{clock.Elapsed.TotalMilliseconds / count:F2} ms/run, {s.Steps / (double)s.Runs:F1} steps/run");
        }
        return 0;
    }

    /// <summary>Every safety property of the model.</summary>
    private static IReadOnlyList<string> Safety() =>
        new TcpModel().Properties.Where(p => p.IsSafety).Select(p => p.Name).ToList();

    private static (int Runs, double Seconds)? FirstFinding(TcpConfig config, string property, ScheduleStrategy strategy, ulong seed, int maxRuns)
    {
        var clock = Stopwatch.StartNew();
        var s = TcpSchedules.Search(config, seed, maxRuns, properties: [property],
            options: new ScheduleSearchOptions { Strategy = strategy, Shrink = false, StopAfterFindings = 1 });
        return s.Findings.Count == 0 ? null : (s.Findings[0].Run + 1, clock.Elapsed.TotalSeconds);
    }

    private static string Name(ScheduleStrategy s) => ScheduleStrategies.Names.Name(s);

    private static T Median<T>(List<T> sorted) => sorted[sorted.Count / 2];

    private static int Usage(string error)
    {
        Console.Error.WriteLine($"error: {error}");
        Console.Error.WriteLine("usage: schedules strategies [--seeds N] [--first SEED] [--max-runs N] [--only STRATEGY (skips the broken-variant check)] [--rate RUNS]");
        return 2;
    }
}
