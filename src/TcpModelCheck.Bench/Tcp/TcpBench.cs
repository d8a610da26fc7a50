using System.Diagnostics;
using System.Globalization;
using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Engine.Storage;
using TcpModelCheck.Tcp;

namespace TcpModelCheck.Bench.Tcp;

/// <summary>
/// The TCP model's own speed (issue 10): <c>dotnet run -c Release --project src/TcpModelCheck.Bench -- tcp
/// [--variant V] [--workload W] [--states N] [--rounds R]</c>. Two parts, both in one process:
/// <list type="number">
/// <item>a Stopwatch profile of the hot path on a fixed sample (the first 100,000 states breadth-first): nanoseconds
/// per transition spent in <c>Actions</c>, <c>Next</c>, <c>Encode</c>, the stable hash, and per state in
/// <c>Decode</c> — the split that says what to optimise;</item>
/// <item>the fingerprint breadth-first search to N states (default 3,000,000) with 1 and 2 threads, alternated R
/// times (default 3): states per second of wall time and per second of CPU time of the process (robust on a
/// shared machine, where wall time measures the other jobs), and the median 2-thread/1-thread wall ratio.</item>
/// </list>
/// The search is cut at N states by the engine's state limit, so every run does the same work.
/// </summary>
public static class TcpBench
{
    public static int Run(string[] args)
    {
        var (variant, workload, states, rounds) = ("rfc9293", "reconnect", 3_000_000L, 3);
        for (var i = 0; i + 1 < args.Length; i += 2)
            switch (args[i])
            {
                case "--variant": variant = args[i + 1]; break;
                case "--workload": workload = args[i + 1]; break;
                case "--states": states = long.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--rounds": rounds = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                default: Console.Error.WriteLine($"error: unknown option {args[i]}"); return 2;
            }
        var model = TcpModel.FromSettings(new Dictionary<string, string> { ["variant"] = variant, ["workload"] = workload });
        Console.WriteLine($"tcp bench: {variant}/{workload}, fingerprint breadth-first search to {states:N0} states, {rounds} rounds");
        HotPath.Profile(model, 100_000, Console.Out);
        var options = CheckOptions.Default with
        {
            Storage = StorageMode.Fingerprint, Properties = model.Properties.Where(p => !p.IsLiveness).Select(p => p.Name).ToList(),
            StopWhenAllSettled = false, Limits = new SearchLimits(MaxStates: states), ExpectedStates = states,
        };
        Search(model, options with { Limits = new SearchLimits(MaxStates: 200_000) }, 1);   // JIT warm-up
        var ratios = new List<double>();
        Console.WriteLine("| threads | states | wall s | states/s (wall) | CPU s | states per CPU-second |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
        for (var r = 0; r < rounds; r++)
        {
            var one = Search(model, options, 1);
            var two = Search(model, options, 2);
            ratios.Add(two.Wall / one.Wall);
        }
        ratios.Sort();
        Console.WriteLine($"median 2-thread/1-thread ratio (wall states/s): {ratios[ratios.Count / 2]:0.00}");
        return 0;
    }

    private static (double Wall, double Cpu) Search(TcpModel model, CheckOptions options, int threads)
    {
        GC.Collect();
        var process = Process.GetCurrentProcess();
        var cpu0 = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var result = ModelChecker.Check(model, options with
        {
            Strategy = threads == 1 ? SearchStrategy.BreadthFirst : SearchStrategy.ParallelBreadthFirst, Threads = threads,
        });
        var wall = clock.Elapsed.TotalSeconds;
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpu0).TotalSeconds;
        var n = result.Statistics.DistinctStates;
        if (options.Limits.MaxStates! > 200_000)
            Console.WriteLine($"| {threads} | {n:N0} | {wall:0.00} | {n / wall:N0} | {cpu:0.00} | {n / cpu:N0} |");
        return (n / wall, n / cpu);
    }
}
