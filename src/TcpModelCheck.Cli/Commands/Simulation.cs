using System.Diagnostics;
using TcpModelCheck.Cli.Backend;

namespace TcpModelCheck.Cli.Commands;

/// <summary>What a batch of fault schedules found, and how long it took.</summary>
internal sealed record SimulationOutcome(SimulationReport Report, TimeSpan Elapsed)
{
    public int Runs => Report.Runs;

    /// <summary>The finding with the shortest shrunk run (ties: the one found first).</summary>
    public (ScheduleFindingReport Finding, RenderedTrace Trace)? Shortest =>
        Report.Findings.Count == 0 ? null : Report.Findings.MinBy(f => f.Trace.Trace.Length);
}

/// <summary>
/// Runs a batch of fault schedules through the engine's schedule search (the one path loop, the strategy chosen with
/// <c>--strategy</c>, each finding shrunk). The seed convention is the engine's, shared with the property suites and
/// the benchmarks: run i of seed S uses run seed i-th output (from 0) of SplitMix64(S). Stops early, cleanly, on Ctrl+C.
/// </summary>
internal static class Simulation
{
    public static SimulationOutcome Run(IModelSession session, SimulationPlan plan, IReadOnlyList<string>? properties,
        CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        var report = session.Simulate(plan, properties, cancel);
        return new SimulationOutcome(report, clock.Elapsed);
    }
}
