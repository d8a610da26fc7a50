using System.Diagnostics;
using TcpModelCheck.Bench.Cli;
using TcpModelCheck.Bench.Promela;
using TcpModelCheck.Engine.Checking;

namespace TcpModelCheck.Bench.Engine;

/// <summary>The engine's side of the benchmark: the tcp.pml port checked for SPIN's properties (the asserts,
/// nothing else) through the public API, <see cref="ModelChecker.Check{TState,TAction}"/>.</summary>
public sealed record EngineRun(CheckResult<PmlState, PmlAction> Result, long PeakMemoryBytes)
{
    public SearchStatistics Stats => Result.Statistics;

    /// <summary>Peak memory per state (the whole process: runtime, store, queue).</summary>
    public double TotalBytesPerState => Stats.DistinctStates > 0 ? (double)PeakMemoryBytes / Stats.DistinctStates : 0;

    /// <summary>States explored on bounds S before the measured run, so that the JIT has compiled the hot loop
    /// with its optimising tier (pan is compiled ahead of time; this keeps start-up out of the comparison).</summary>
    public const int WarmUpStates = 200_000;

    public static EngineRun Execute(BenchArgs args, TextWriter log, CancellationToken cancel)
    {
        var options = Options(args);
        ModelChecker.Check(new PmlTcpModel(PmlBounds.Named["S"]),
            options with { Limits = new SearchLimits(MaxStates: WarmUpStates) }, cancel: cancel);
        var model = new PmlTcpModel(args.Bounds);
        GC.Collect();
        var result = ModelChecker.Check(model, options, p => log.WriteLine(
            $"engine: {p.States:N0} states, {p.Transitions:N0} transitions, depth {p.Depth}, {p.StatesPerSecond:N0} states/s, " +
            $"{p.MemoryBytes / (1024 * 1024):N0} MiB"), cancel);
        // The engine samples the working set during the search; the kernel's high-water mark is exact.
        var peak = Math.Max(result.Statistics.PeakMemoryBytes, Process.GetCurrentProcess().PeakWorkingSet64);
        return new EngineRun(result, peak);
    }

    private static CheckOptions Options(BenchArgs args) =>
        CheckOptions.Default with
        {
            Strategy = args.Strategy,
            Storage = args.Storage,
            Threads = args.Threads,
            ExpectedStates = args.ExpectedStates,
            Properties = PmlProperties.AssertionNames,
            ProgressInterval = TimeSpan.FromSeconds(10),
        };
}
