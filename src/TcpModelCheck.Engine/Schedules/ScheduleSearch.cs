using TcpModelCheck.Engine.Model;
using TcpModelCheck.Engine.Simulation;

namespace TcpModelCheck.Engine.Schedules;

/// <summary>Settings of a batch of random schedules beyond the seed and count.</summary>
public sealed record ScheduleSearchOptions
{
    /// <summary>How each run is chosen (uniform unless set: the suites' batches; <c>tcpmc simulate</c> defaults to
    /// <see cref="ScheduleStrategies.Default"/>).</summary>
    public ScheduleStrategy Strategy { get; init; } = ScheduleStrategy.Uniform;

    /// <summary>Shrink the first violating schedule of each property to a minimal one.</summary>
    public bool Shrink { get; init; } = true;

    /// <summary>Stop the batch once this many properties have a finding (null: run every schedule).</summary>
    public int? StopAfterFindings { get; init; }

    /// <summary>Candidate runs the shrinker may spend on one finding.</summary>
    public int MaxShrinkRuns { get; init; } = 200_000;

    /// <summary>Called about once a second with the runs done and the model steps taken so far (a front end's progress
    /// line); never called on a batch shorter than a second.</summary>
    public Action<int, long>? Progress { get; init; }

    public static ScheduleSearchOptions Default { get; } = new();
}

/// <summary>The first violation of one property found in a batch.</summary>
/// <param name="Run">0-based index of the run in the batch.</param>
/// <param name="RunSeed">The seed that regenerates this run's schedule (<see cref="ScheduleSearch.Generate"/>).</param>
/// <param name="Original">The schedule as drawn.</param>
/// <param name="Shrink">The shrinking outcome (its schedule equals <paramref name="Original"/> when shrinking is off).</param>
/// <param name="Result">The run of the (shrunk) schedule as a trace, ending at the violation.</param>
public sealed record ScheduleFinding<TKind>(int Run, ulong RunSeed, Schedule<TKind> Original, ShrinkResult<TKind> Shrink,
    ScheduleResult<TKind> Result) where TKind : struct, Enum
{
    public string Property => Result.Violation!.Property;
}

/// <summary>What a batch of random schedules found.</summary>
/// <param name="Seed">The batch's seed.</param>
/// <param name="Runs">Schedules executed.</param>
/// <param name="Steps">Model steps taken over all runs.</param>
/// <param name="ViolatingRuns">Runs that violated some property.</param>
/// <param name="ViolationsByProperty">Violating runs per property (a run counts for its first violation only).</param>
/// <param name="Findings">The first violating run of each property, shrunk, in the order found.</param>
public sealed record ScheduleSearchSummary<TKind>(
    ulong Seed,
    int Runs,
    long Steps,
    int ViolatingRuns,
    IReadOnlyDictionary<string, int> ViolationsByProperty,
    IReadOnlyList<ScheduleFinding<TKind>> Findings) where TKind : struct, Enum;

/// <summary>
/// Runs many random fault schedules from one seed. The seed convention, the same in <c>tcpmc simulate</c>, the
/// property suites and the benchmarks: run i of seed S is drawn from its own run seed <see cref="RunSeed"/>(S, i) —
/// the i-th output (from 0) of SplitMix64(S) — so with the uniform, swarm, hold and priority strategies a finding is
/// reproduced from its run seed alone (for uniform with <see cref="Generate"/>); the coverage strategy's run i also
/// depends on the corpus of runs 0..i−1, so it is reproduced by the batch from its start. Either way the finding's
/// schedule and trace are written out, and replay needs nothing else.
/// </summary>
public static class ScheduleSearch
{
    /// <summary>The seed of run <paramref name="index"/> of the batch started from <paramref name="seed"/>: the
    /// <paramref name="index"/>-th output (from 0) of SplitMix64(<paramref name="seed"/>).</summary>
    public static ulong RunSeed(ulong seed, int index) =>
        new SplitMix64(seed + (ulong)index * 0x9E3779B97F4A7C15UL).NextUInt64();

    /// <summary>The schedule of a run seed.</summary>
    public static Schedule<TKind> Generate<TKind>(ScheduleKinds<TKind> kinds, ulong runSeed, ScheduleShape shape) where TKind : struct, Enum
    {
        var rng = new SplitMix64(runSeed);
        return shape.Draw(kinds, ref rng);
    }

    /// <summary>Runs <paramref name="count"/> random schedules of at most <paramref name="shape"/>'s length with
    /// <paramref name="interpreter"/>, chosen by <see cref="ScheduleSearchOptions.Strategy"/>, or fewer when
    /// <see cref="ScheduleSearchOptions.StopAfterFindings"/> is reached or <paramref name="cancel"/> is signalled
    /// (<see cref="ScheduleSearchSummary{TKind}.Runs"/> says how many). <paramref name="stateKind"/> is the model's
    /// abstraction of a state for the coverage strategy. Throws <see cref="ArgumentException"/> for an unusable shape,
    /// a negative count, or the coverage strategy without <paramref name="stateKind"/>.</summary>
    public static ScheduleSearchSummary<TKind> Run<TState, TAction, TKind>(ScheduleInterpreter<TState, TAction, TKind> interpreter,
        ScheduleShape shape, ulong seed, int count, ScheduleSearchOptions? options = null, Func<TState, int>? stateKind = null,
        CancellationToken cancel = default) where TState : IEquatable<TState> where TKind : struct, Enum
    {
        options ??= ScheduleSearchOptions.Default;
        if (count < 0) throw new ArgumentException($"count: {count} is negative");
        var problems = shape.Validate(interpreter.Kinds.Count);
        if (problems.Count > 0) throw new ArgumentException(string.Join(Environment.NewLine, problems));
        IRunSource<TKind> source = options.Strategy switch
        {
            ScheduleStrategy.Uniform => new DrawnRuns<TState, TAction, TKind>(interpreter, shape, swarm: false),
            ScheduleStrategy.Swarm => new DrawnRuns<TState, TAction, TKind>(interpreter, shape, swarm: true),
            ScheduleStrategy.Coverage => new CoverageRuns<TState, TAction, TKind>(interpreter, shape,
                stateKind ?? throw new ArgumentException("the coverage strategy needs the model's state kinds")),
            ScheduleStrategy.Hold => new HeldRuns<TState, TAction, TKind>(interpreter, shape, priorities: false),
            ScheduleStrategy.Priority => new HeldRuns<TState, TAction, TKind>(interpreter, shape, priorities: true),
            _ => throw new ArgumentOutOfRangeException(nameof(options), $"unknown strategy {options.Strategy}"),
        };
        var master = new SplitMix64(seed);
        var byProperty = new Dictionary<string, int>();
        var findings = new List<ScheduleFinding<TKind>>();
        long steps = 0;
        var violating = 0;
        var runs = 0;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var next = TimeSpan.FromSeconds(1);
        for (var i = 0; i < count && findings.Count < (options.StopAfterFindings ?? int.MaxValue) && !cancel.IsCancellationRequested; i++, runs++)
        {
            var runSeed = master.NextUInt64();   // = RunSeed(seed, i)
            var (schedule, outcome) = source.Next(i, runSeed);
            steps += outcome.Steps;
            if (options.Progress is { } progress && clock.Elapsed >= next)
            {
                progress(runs + 1, steps);
                next = clock.Elapsed + TimeSpan.FromSeconds(1);
            }
            if (outcome.Violation is not { } v) continue;
            violating++;
            byProperty[v.Property] = byProperty.GetValueOrDefault(v.Property) + 1;
            if (byProperty[v.Property] == 1) findings.Add(Finding(interpreter, i, runSeed, schedule, v.Property, options));
        }
        return new(seed, runs, steps, violating, byProperty, findings);
    }

    /// <summary>Shrinks a violating schedule (when asked) and records its run as a trace.</summary>
    public static ScheduleFinding<TKind> Finding<TState, TAction, TKind>(ScheduleInterpreter<TState, TAction, TKind> interpreter,
        int run, ulong runSeed, Schedule<TKind> schedule, string property, ScheduleSearchOptions options)
        where TState : IEquatable<TState> where TKind : struct, Enum
    {
        var shrink = options.Shrink
            ? ScheduleShrinker.Minimize(schedule, s => interpreter.Execute(s).Violation?.Property == property,
                interpreter.Canonical, options.MaxShrinkRuns)
            : new ShrinkResult<TKind>(schedule, 0, 0, false);
        var result = interpreter.Run(shrink.Schedule, "random-schedule");
        return new(run, runSeed, schedule, shrink, result with { Trace = result.Trace with { Seed = runSeed } });
    }
}
