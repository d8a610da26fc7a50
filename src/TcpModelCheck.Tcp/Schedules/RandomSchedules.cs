using TcpModelCheck.Engine.Simulation;

namespace TcpModelCheck.Tcp.Schedules;

/// <summary>Settings of a batch of random schedules beyond the seed and count.</summary>
public sealed record RandomRunOptions
{
    /// <summary>The distribution schedules are drawn from (length, weights, selector range).</summary>
    public ScheduleShape Shape { get; init; } = ScheduleShape.Default;

    /// <summary>Safety properties to check; null means all of them.</summary>
    public IReadOnlyList<string>? Properties { get; init; }

    /// <summary>Shrink the first violating schedule of each property to a minimal one.</summary>
    public bool Shrink { get; init; } = true;

    /// <summary>Stop the batch once this many properties have a finding (null: run every schedule).</summary>
    public int? StopAfterFindings { get; init; }

    /// <summary>Candidate runs the shrinker may spend on one finding.</summary>
    public int MaxShrinkRuns { get; init; } = 200_000;

    public static RandomRunOptions Default { get; } = new();
}

/// <summary>The first violation of one property found in a batch.</summary>
/// <param name="Run">0-based index of the run in the batch.</param>
/// <param name="RunSeed">The seed that regenerates this run's schedule (<see cref="RandomSchedules.Generate"/>).</param>
/// <param name="Original">The schedule as drawn.</param>
/// <param name="Shrink">The shrinking outcome (its schedule equals <paramref name="Original"/> when shrinking is off).</param>
/// <param name="Result">The run of the (shrunk) schedule as a trace, ending at the violation.</param>
public sealed record ScheduleFinding(int Run, ulong RunSeed, Schedule Original, ShrinkResult Shrink, ScheduleResult Result)
{
    public string Property => Result.Violation!.Property;
}

/// <summary>What a batch of random schedules found.</summary>
/// <param name="Runs">Schedules executed.</param>
/// <param name="Steps">Model steps taken over all runs.</param>
/// <param name="ViolatingRuns">Runs that violated some property.</param>
/// <param name="ViolationsByProperty">Violating runs per property (a run counts for its first violation only).</param>
/// <param name="Findings">The first violating run of each property, shrunk, in the order found.</param>
public sealed record RandomRunSummary(
    TcpConfig Config,
    ulong Seed,
    int Runs,
    long Steps,
    int ViolatingRuns,
    IReadOnlyDictionary<string, int> ViolationsByProperty,
    IReadOnlyList<ScheduleFinding> Findings);

/// <summary>
/// Runs many random fault schedules from one seed: the fast path behind <c>tcpmc simulate</c> and the
/// throughput benchmark. Run i's schedule is drawn from its own seed, the i-th output of SplitMix64(seed), so a
/// single finding is reproduced by <see cref="Generate"/> with <see cref="ScheduleFinding.RunSeed"/> alone.
/// </summary>
public static class RandomSchedules
{
    /// <summary>The seed of run <paramref name="index"/> of the batch started from <paramref name="seed"/>.</summary>
    public static ulong RunSeed(ulong seed, int index) =>
        new SplitMix64(seed + (ulong)index * 0x9E3779B97F4A7C15UL).NextUInt64();

    /// <summary>The schedule of a run seed.</summary>
    public static Schedule Generate(ulong runSeed, ScheduleShape? shape = null)
    {
        var rng = new SplitMix64(runSeed);
        return (shape ?? ScheduleShape.Default).Draw(ref rng);
    }

    /// <summary>Runs <paramref name="count"/> random schedules of <paramref name="length"/> intents (null: the
    /// shape's length) on the model of <paramref name="config"/>, or fewer when
    /// <see cref="RandomRunOptions.StopAfterFindings"/> is reached (<see cref="RandomRunSummary.Runs"/> says how
    /// many). Throws <see cref="ArgumentException"/> for an invalid configuration, shape or property name, or a
    /// negative count.</summary>
    public static RandomRunSummary Run(TcpConfig config, ulong seed, int count, int? length = null, RandomRunOptions? options = null)
    {
        options ??= RandomRunOptions.Default;
        if (count < 0) throw new ArgumentException($"count: {count} is negative");
        var shape = length is { } l ? options.Shape with { Length = l } : options.Shape;
        var problems = shape.Validate();
        if (problems.Count > 0) throw new ArgumentException(string.Join(Environment.NewLine, problems));
        var model = new TcpModel(config);
        var interpreter = ScheduleRunner.Interpreter(model, options.Properties);
        var master = new SplitMix64(seed);
        var byProperty = new Dictionary<string, int>();
        var findings = new List<ScheduleFinding>();
        long steps = 0;
        var violating = 0;
        var runs = 0;
        for (var i = 0; i < count && findings.Count < (options.StopAfterFindings ?? int.MaxValue); i++, runs++)
        {
            var runSeed = master.NextUInt64();
            var rng = new SplitMix64(runSeed);
            var schedule = shape.Draw(ref rng);
            var outcome = interpreter.Execute(schedule);
            steps += outcome.Steps;
            if (outcome.Violation is not { } v) continue;
            violating++;
            byProperty[v.Property] = byProperty.GetValueOrDefault(v.Property) + 1;
            if (byProperty[v.Property] == 1) findings.Add(Finding(interpreter, i, runSeed, schedule, v.Property, options));
        }
        return new RandomRunSummary(config, seed, runs, steps, violating, byProperty, findings);
    }

    private static ScheduleFinding Finding(ScheduleInterpreter<TcpState, TcpAction> interpreter, int run, ulong runSeed,
        Schedule schedule, string property, RandomRunOptions options)
    {
        var shrink = options.Shrink
            ? ScheduleShrinker.Minimize(schedule, s => interpreter.Execute(s).Violation?.Property == property,
                interpreter.Canonical, options.MaxShrinkRuns)
            : new ShrinkResult(schedule, 0, 0, false);
        return new ScheduleFinding(run, runSeed, schedule, shrink, interpreter.Run(shrink.Schedule, "random-schedule"));
    }
}
