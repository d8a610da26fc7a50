using TcpModelCheck.Engine.Model;
using TcpModelCheck.Engine.Schedules;
using TcpModelCheck.Engine.Traces;

namespace TcpModelCheck.Cli.Backend;

/// <summary>A batch of fault schedules to run: from which seed, how many, how many intents each, chosen how.</summary>
internal sealed record SimulationPlan(ulong Seed, int Runs, int Length, ScheduleStrategy Strategy)
{
    /// <summary>Called about once a second with the runs done and the steps taken (the progress line).</summary>
    public Action<int, long>? Progress { get; init; }
}

/// <summary>The first violation of one property in a batch, shrunk to a minimal schedule.</summary>
/// <param name="Count">Runs that violated the property (a run counts for its first violation only).</param>
/// <param name="Run">0-based index of the first run that did.</param>
/// <param name="RunSeed">That run's seed (the engine's seed convention: run i of seed S uses the i-th output of SplitMix64(S)).</param>
/// <param name="DrawnLength">Intents of the schedule as drawn.</param>
/// <param name="Schedule">The shrunk schedule in its text form.</param>
/// <param name="Minimal">Shrinking ended in a 1-minimal schedule (false: its budget ran out first).</param>
/// <param name="Trace">The shrunk schedule's run, ending at the violation.</param>
internal sealed record ScheduleFindingReport(string Property, int Count, int Run, ulong RunSeed, int DrawnLength, string Schedule,
    bool Minimal, Trace Trace);

/// <summary>What a batch found: runs executed (fewer than planned when cancelled), model steps, one finding per violated property.</summary>
internal sealed record ScheduleBatch(int Runs, long Steps, IReadOnlyList<ScheduleFindingReport> Findings);

/// <summary>A model's fault-schedule side, without its kind type: what <c>tcpmc simulate</c> runs.</summary>
internal interface IScheduleBinding<TState, TAction> where TState : IEquatable<TState>
{
    ScheduleBatch Run(IModel<TState, TAction> model, IReadOnlyList<Property<TState, TAction>> properties, SimulationPlan plan,
        CancellationToken cancel);
}

/// <summary>Binds the engine's schedule search to a model's action kinds, default shape and (for the coverage
/// strategy) state abstraction.</summary>
internal sealed class ScheduleBinding<TState, TAction, TKind>(ScheduleKinds<TKind> kinds, Func<TAction, TKind> classify,
    ScheduleShape shape, Func<TState, int> stateKind) : IScheduleBinding<TState, TAction>
    where TState : IEquatable<TState> where TKind : struct, Enum
{
    public ScheduleBatch Run(IModel<TState, TAction> model, IReadOnlyList<Property<TState, TAction>> properties, SimulationPlan plan,
        CancellationToken cancel)
    {
        var interpreter = new ScheduleInterpreter<TState, TAction, TKind>(model, kinds, classify, properties);
        var summary = ScheduleSearch.Run(interpreter, shape with { Length = plan.Length }, plan.Seed, plan.Runs,
            new ScheduleSearchOptions { Strategy = plan.Strategy, Progress = plan.Progress }, stateKind, cancel);
        var findings = summary.Findings.Select(f => new ScheduleFindingReport(f.Property, summary.ViolationsByProperty[f.Property], f.Run,
            f.RunSeed, f.Original.Length, f.Shrink.Schedule.ToString(), f.Shrink.LocalMinimum, f.Result.Trace)).ToList();
        return new ScheduleBatch(summary.Runs, summary.Steps, findings);
    }
}
