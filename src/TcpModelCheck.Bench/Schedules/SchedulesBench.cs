using System.Diagnostics;
using System.Globalization;
using TcpModelCheck.Tcp;
using TcpModelCheck.Engine.Schedules;
using TcpModelCheck.Tcp.Schedules;

namespace TcpModelCheck.Bench.Schedules;

/// <summary>
/// Throughput of random fault schedules on one core: <c>dotnet run -c Release --project src/TcpModelCheck.Bench --
/// schedules [--seconds N] [--length L] [--variant V] [--workload W]</c>. For the chosen variant and workload it
/// measures the explorer's default budgets and the deep budgets (<see cref="DeepConfigs"/>), each for N seconds
/// after a one-second warm-up, and prints schedules per second, model steps per second and violating runs.
/// The target of issue 5 is at least 10,000 schedules per second at the default length (100 intents). The
/// default is rfc1337/reconnect: two or three connections per run, and within the explorer's budgets no
/// violation cuts a run short. Every safety property is checked on every step, as in the test suites.
/// </summary>
public static class SchedulesBench
{
    private const int Batch = 1000;

    public static int Run(string[] args)
    {
        if (args is ["strategies", .. var rest]) return StrategyBench.Run(rest);
        if (!TryParse(args, out var o, out var error))
        {
            Console.Error.WriteLine($"error: {error}");
            Console.Error.WriteLine("usage: schedules [--seconds N] [--length L] [--variant V] [--workload W]");
            return 2;
        }
        var configs = new (string Name, TcpConfig Config)[]
        {
            ("explorer budgets", TcpConfig.ForVariant(o.Variant) with { Workload = o.Workload }),
            ("deep budgets", DeepConfigs.For(o.Variant, o.Workload)),
        };
        foreach (var (_, c) in configs)
            if (c.Validate() is { Count: > 0 } problems) { Console.Error.WriteLine($"error: {problems[0]}"); return 2; }
        Console.WriteLine($"random schedules, one thread, {o.Length} intents each, {o.Variant}/{o.Workload}, {o.Seconds} s per row");
        foreach (var (name, c) in configs)
            Console.WriteLine($"  {name}: losses {c.LossBudget}, duplications {c.DuplicationBudget}, delays "
                + $"{(c.DelayBudget is { } d ? d.ToString(CultureInfo.InvariantCulture) : "unlimited")}, capacity {c.NetworkCapacity}, "
                + $"incarnations {c.Incarnations}, sequence space {c.SequenceSpace}");
        Console.WriteLine($"{"budgets",-18} {"schedules/s",12} {"steps/s",12} {"steps/run",10} {"violating",10}");
        foreach (var (name, config) in configs)
        {
            Measure(config, o.Length, 1);
            var m = Measure(config, o.Length, o.Seconds);
            Console.WriteLine($"{name,-18} {m.Runs / m.Seconds,12:N0} {m.Steps / m.Seconds,12:N0} {(double)m.Steps / m.Runs,10:N1} {m.Violating,10:N0}");
        }
        Console.WriteLine("a run stops at its first violation or when no action is enabled, so steps/run can be below the length");
        return 0;
    }

    private sealed record Measurement(long Runs, long Steps, long Violating, double Seconds);

    /// <summary>Runs batches of schedules (no shrinking) until <paramref name="seconds"/> have passed.</summary>
    private static Measurement Measure(TcpConfig config, int length, double seconds)
    {
        var options = ScheduleSearchOptions.Default with { Shrink = false };
        long runs = 0, steps = 0, violating = 0;
        var clock = Stopwatch.StartNew();
        for (ulong batch = 0; clock.Elapsed.TotalSeconds < seconds; batch++)
        {
            var summary = TcpSchedules.Search(config, batch, Batch, length, options: options);
            runs += summary.Runs;
            steps += summary.Steps;
            violating += summary.ViolatingRuns;
        }
        return new Measurement(runs, steps, violating, clock.Elapsed.TotalSeconds);
    }

    private sealed record Options(double Seconds, int Length, string Variant, string Workload);

    private static bool TryParse(string[] args, out Options options, out string error)
    {
        options = new Options(5, TcpSchedules.Shape.Length, Variants.Rfc1337, Workloads.Reconnect);
        error = "";
        for (var i = 0; i < args.Length; i++)
        {
            if (i + 1 >= args.Length) { error = $"option '{args[i]}' needs a value"; return false; }
            var value = args[++i];
            switch (args[i - 1])
            {
                case "--seconds" when double.TryParse(value, CultureInfo.InvariantCulture, out var s) && s > 0:
                    options = options with { Seconds = s }; break;
                case "--length" when int.TryParse(value, CultureInfo.InvariantCulture, out var l) && l > 0:
                    options = options with { Length = l }; break;
                case "--variant" when Variants.All.Any(v => v.Name == value): options = options with { Variant = value }; break;
                case "--workload" when Workloads.All.Any(w => w.Name == value): options = options with { Workload = value }; break;
                case "--seconds" or "--length" or "--variant" or "--workload":
                    error = $"invalid value '{value}' for {args[i - 1]}"; return false;
                default: error = $"unknown option '{args[i - 1]}'"; return false;
            }
        }
        return true;
    }
}
