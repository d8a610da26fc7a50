using System.Globalization;
using TcpModelCheck.Bench.Cli;
using TcpModelCheck.Bench.Engine;
using TcpModelCheck.Bench.Spin;
using TcpModelCheck.Engine.Checking;

namespace TcpModelCheck.Bench;

/// <summary>Prints the side-by-side table (Markdown, so it can go into the README as printed) and judges
/// whether the two tools agree on the state space.</summary>
public static class BenchReport
{
    /// <summary>SPIN stores one state more than the port: the state before <c>init</c> runs its atomic
    /// prologue; and counts two transitions more (that state's store and its atomic step). Derived and checked
    /// in the engine tests (S, M).</summary>
    public const int InitPrologueStates = 1, InitPrologueTransitions = 2;

    /// <summary>SPIN 6.5.2's exact state counts from <c>shared/bench/README.md</c>, used with --skip-spin.</summary>
    private static readonly Dictionary<string, long> PublishedStates = new()
    {
        ["S"] = 564_503, ["M"] = 4_622_138, ["L"] = 26_547_310,
    };

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static void Print(TextWriter o, BenchArgs a, string spinVersion, SpinResult? spin, EngineRun engine)
    {
        var s = engine.Stats;
        o.WriteLine($"tcp.pml, bounds {a.BoundsName} ({a.Bounds.SpinDefines}), {Environment.ProcessorCount} cores; " +
            $"the engine is measured after a {EngineRun.WarmUpStates:N0}-state warm-up");
        o.WriteLine();
        o.WriteLine($"| | {(spin is null ? "SPIN (skipped)" : $"SPIN {spinVersion}: DFS, 1 core, exact")} | engine: {Origin(a.Strategy)}, " +
            $"{s.Storage.ToString().ToLowerInvariant()}, {(a.Strategy == SearchStrategy.ParallelBreadthFirst ? a.Threads : 1)} thread(s) | engine/SPIN |");
        o.WriteLine("|---|---:|---:|---:|");
        Row(o, "distinct states", spin?.States, s.DistinctStates, "N0", spin?.StatesApproximate == true);
        Row(o, "transitions", spin?.Transitions, s.Transitions, "N0", spin?.TransitionsApproximate == true);
        Row(o, "seconds", spin?.Seconds, s.Elapsed.TotalSeconds, "N2");
        Row(o, "states/s", spin?.StatesPerSecond, s.StatesPerSecond, "N0");
        Row(o, "peak memory (MiB)", spin?.TotalMemoryMiB, engine.PeakMemoryBytes / 1048576.0, "N1");
        Row(o, "visited-store bytes/state", spin?.StoreBytesPerState, s.StoreBytesPerState, "N1");
        Row(o, "total bytes/state", spin?.TotalBytesPerState, engine.TotalBytesPerState, "N1");
        o.WriteLine();
        if (s.MissProbability is { } miss) o.WriteLine($"fingerprint mode: estimated probability that a state was missed {miss:G3}");
    }

    /// <summary>One line on whether the counts agree and every assertion held; returns true when all is well.</summary>
    public static bool Judge(TextWriter o, BenchArgs a, SpinResult? spin, EngineRun engine)
    {
        var s = engine.Stats;
        var ok = true;
        if (!s.Complete) { o.WriteLine($"engine search cut short: {s.StopReason}"); ok = false; }
        foreach (var p in engine.Result.Properties.Where(p => p.Verdict != Verdict.Holds))
        {
            o.WriteLine($"engine: assertion {p.Name} {p.Verdict.ToString().ToLowerInvariant()}");
            ok = false;
        }
        if (spin is { Errors: > 0 }) { o.WriteLine($"SPIN: {spin.Errors} error(s): {spin.FirstError}"); ok = false; }
        if (!s.Complete) return ok;
        var expected = spin?.States ?? PublishedStates.GetValueOrDefault(a.BoundsName);
        var source = spin is null ? "SPIN's published count" : "SPIN's count";
        if (expected > 0)
        {
            var agree = SpinResult.PrintsAs(s.DistinctStates + InitPrologueStates, expected, spin?.StatesApproximate == true);
            o.WriteLine($"{(agree ? "state counts agree" : "STATE COUNTS DIFFER")}: engine {s.DistinctStates:N0} + " +
                $"{InitPrologueStates} init prologue state {(agree ? "=" : "!=")} {source} {expected:N0}" +
                (spin?.StatesApproximate == true ? " (pan prints 8 significant digits)" : ""));
            ok &= agree;
        }
        if (spin is not null)
        {
            var agree = SpinResult.PrintsAs(s.Transitions + InitPrologueTransitions, spin.Transitions, spin.TransitionsApproximate);
            o.WriteLine($"{(agree ? "transition counts agree" : "TRANSITION COUNTS DIFFER")}: engine {s.Transitions:N0} + " +
                $"{InitPrologueTransitions} {(agree ? "=" : "!=")} SPIN {spin.Transitions:N0}" +
                (spin.TransitionsApproximate ? " (pan prints 8 significant digits)" : ""));
            ok &= agree;
        }
        return ok;
    }

    private static void Row(TextWriter o, string name, double? spin, double engine, string format, bool approx = false)
    {
        var left = spin is { } v ? (approx ? "≈ " : "") + v.ToString(format, Inv) : "–";
        var ratio = spin is > 0 ? (engine / spin.Value).ToString("N2", Inv) : "–";
        o.WriteLine($"| {name} | {left} | {engine.ToString(format, Inv)} | {ratio} |");
    }

    private static string Origin(SearchStrategy s) => s switch
    {
        SearchStrategy.BreadthFirst => "BFS",
        SearchStrategy.DepthFirst => "DFS",
        _ => "parallel BFS",
    };
}
