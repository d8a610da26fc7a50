using System.Diagnostics;
using TcpModelCheck.Cli.Backend;
using TcpModelCheck.Engine.Simulation;

namespace TcpModelCheck.Cli.Commands;

/// <summary>How many random schedules to run, from which seed, and how long each may be.</summary>
internal sealed record SimulationPlan(ulong Seed, int Runs, int MaxSteps);

/// <summary>One violated property over all schedules: how many violated it, and the shortest that did.</summary>
internal sealed record SimulatedViolation(string Property, int Count, WalkReport Shortest);

/// <summary>What a batch of random schedules found.</summary>
internal sealed record SimulationOutcome(int Runs, long TotalSteps, TimeSpan Elapsed, IReadOnlyList<SimulatedViolation> Violations)
{
    /// <summary>The shortest violating schedule of all (ties: the property first in name order).</summary>
    public WalkReport? Shortest => Violations.Select(v => v.Shortest).OrderBy(w => w.Trace.Trace.Length).FirstOrDefault();
}

/// <summary>
/// Runs a batch of seeded random schedules. Run 0 uses the seed itself, run i the i-th output of SplitMix64(seed),
/// so any one schedule can be repeated alone from the seed stored in its trace. Stops early, cleanly, on Ctrl+C.
/// </summary>
internal static class Simulation
{
    public static SimulationOutcome Run(IModelSession session, SimulationPlan plan, IReadOnlyList<string>? properties,
        CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        var seeds = new SplitMix64(plan.Seed);
        var found = new Dictionary<string, SimulatedViolation>();
        long totalSteps = 0;
        var runs = 0;
        for (; runs < plan.Runs && !cancel.IsCancellationRequested; runs++)
        {
            var walk = session.Walk(runs == 0 ? plan.Seed : seeds.NextUInt64(), plan.MaxSteps, properties);
            totalSteps += walk.Trace.Trace.Length;
            if (walk.Violated is not { } p) continue;
            found[p] = found.TryGetValue(p, out var f)
                ? f with { Count = f.Count + 1, Shortest = walk.Trace.Trace.Length < f.Shortest.Trace.Trace.Length ? walk : f.Shortest }
                : new SimulatedViolation(p, 1, walk);
        }
        var violations = found.Values.OrderBy(v => v.Property, StringComparer.Ordinal).ToList();
        return new SimulationOutcome(runs, totalSteps, clock.Elapsed, violations);
    }
}
