using TcpModelCheck.Engine.Liveness;
using TcpModelCheck.Engine.Model;
using TcpModelCheck.Engine.Storage;
using TcpModelCheck.Engine.Strategies;
using TcpModelCheck.Engine.Traces;

namespace TcpModelCheck.Engine.Checking;

/// <summary>The entry point: explores a model with the chosen strategy and returns a verdict per property.</summary>
public static class ModelChecker
{
    public static CheckResult<TState, TAction> Check<TState, TAction>(
        IModel<TState, TAction> model,
        CheckOptions? options = null,
        Action<SearchProgress>? progress = null,
        CancellationToken cancel = default) where TState : IEquatable<TState>
    {
        options ??= CheckOptions.Default;
        if (options.Partition is not null) return Partitioning.PartitionRunner.Check(model, options, progress, cancel);
        var props = new PropertyTracker<TState, TAction>(model, options.Properties);
        if (props.NeedsGraph && options.Storage == StorageMode.Fingerprint)
            throw new ArgumentException("liveness properties need the whole state graph: use exact storage");
        var outcome = SearchRunner.Run(new SearchContext<TState, TAction>(model, options, props, progress, cancel));
        try
        {
            return Build(model, options, props, outcome, cancel);
        }
        finally
        {
            outcome.Graph.Release();
        }
    }

    private static CheckResult<TState, TAction> Build<TState, TAction>(IModel<TState, TAction> model, CheckOptions options,
        PropertyTracker<TState, TAction> props, SearchOutcome<TState> outcome, CancellationToken cancel) where TState : IEquatable<TState>
    {
        var stats = outcome.Statistics;
        if (stats.Storage == StorageMode.Fingerprint)
            stats = stats with { MissProbability = StableHash.CollisionProbability(stats.DistinctStates) };
        var origin = SearchStrategies.Origins.Name(options.Strategy);
        var cutShort = stats.CutShort;
        var reason = cutShort ? Describe(stats.StopReason, options.Limits) : null;
        // The search is complete, but the liveness pass (rebuilding every edge, then each property's check) runs after it
        // and is held to the same limits: past one, the liveness verdicts are inconclusive and say why.
        var poll = new StopPoll(AfterSearch(options.Limits, stats.Elapsed, cancel));
        string? livenessCut = null;
        if (props.NeedsGraph && !cutShort)
        {
            try
            {
                GraphBuilder.AddEdges(model, outcome.Graph, outcome.States!, outcome.Encoded, poll);
            }
            catch (LivenessStoppedException e)
            {
                livenessCut = Describe(e.Reason, options.Limits) + " while building the graph for the liveness check (the search itself completed)";
            }
            stats = stats with { EdgeBytes = outcome.Graph.EdgeBytes };
        }
        var results = new List<PropertyResult<TState, TAction>>();
        foreach (var p in props.Selected)
        {
            if (p.IsLiveness)
            {
                if (cutShort) { results.Add(new(p, Verdict.Inconclusive, Reason: reason)); continue; }
                if (livenessCut is null && poll.Now() is var r && r != StopReason.None)
                    livenessCut = Describe(r, options.Limits) + " before the liveness check of this property (the search itself completed)";
                if (livenessCut is not null) { results.Add(new(p, Verdict.Inconclusive, Reason: livenessCut)); continue; }
                LivenessOutcome live;
                try
                {
                    live = LivenessChecker.Check(model, p, outcome.Graph, outcome.States!, poll);
                }
                catch (LivenessStoppedException e)
                {
                    // This property only: the next one asks the limits again before it starts.
                    results.Add(new(p, Verdict.Inconclusive, Reason: Describe(e.Reason, options.Limits)
                        + " during the liveness check of this property (the search itself completed)"));
                    continue;
                }
                results.Add(live.Lasso is { } lasso
                    ? new(p, Verdict.Violated, Counterexample(model, lasso.Initial, lasso.Choices, origin, p.Name, lasso.LoopStart))
                    : new(p, Verdict.Holds, Reason: TimelockNote(live)));
                continue;
            }
            var found = props.Found.TryGetValue(p, out var f);
            if (p.Kind == PropertyKind.Reachable)
            {
                results.Add(found
                    ? new(p, Verdict.Holds, Witness: PathTo(model, outcome.Graph, f, origin, p.Name))
                    : cutShort ? new(p, Verdict.Inconclusive, Reason: reason)
                    : new(p, Verdict.Violated, Reason: "no reachable state satisfies it"));
                continue;
            }
            results.Add(found
                ? new(p, Verdict.Violated, PathTo(model, outcome.Graph, f, origin, p.Name))
                : cutShort ? new(p, Verdict.Inconclusive, Reason: reason) : new(p, Verdict.Holds));
        }
        return new CheckResult<TState, TAction>(results, stats);
    }

    /// <summary>The limits of a check, asked after its search: the time limit counts from the search's start.</summary>
    private static Func<StopReason> AfterSearch(SearchLimits limits, TimeSpan searchTime, CancellationToken cancel)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        return () =>
        {
            if (cancel.IsCancellationRequested) return StopReason.Cancelled;
            if (limits.MaxTime is { } mt && searchTime + clock.Elapsed > mt) return StopReason.MaxTime;
            if (limits.MaxMemoryBytes is { } mm && Environment.WorkingSet > mm) return StopReason.MaxMemory;
            return StopReason.None;
        };
    }

    private static Counterexample<TState, TAction> PathTo<TState, TAction>(IModel<TState, TAction> model, SearchGraph graph,
        PropertyTracker<TState, TAction>.Finding f, string origin, string property) where TState : IEquatable<TState>
    {
        var (initial, choices) = graph.PathTo(f.StateId);
        if (f.EdgeChoice >= 0) choices.Add(f.EdgeChoice);
        return Counterexample(model, initial, choices, origin, property, null);
    }

    internal static Counterexample<TState, TAction> Counterexample<TState, TAction>(IModel<TState, TAction> model,
        int initial, List<int> choices, string origin, string property, int? loopStart) where TState : IEquatable<TState>
    {
        var trace = Replayer.Record(model, initial, choices, origin, property, loopStart);
        return Replayer.ToCounterexample(model, trace);
    }

    /// <summary>For a liveness property that holds under time progress: the timelocks it excluded, if any (they
    /// are violations under strong fairness alone, so the exclusion is said, never silent).</summary>
    private static string? TimelockNote(LivenessOutcome live) => live.Timelocks == 0 ? null
        : $"holds when time progresses; excluded {(live.Timelocks == 1 ? "1 timelock" : $"{live.Timelocks:N0} timelocks")} "
          + $"({live.TimelockStates:N0} states) reachable without the goal: cycles in which time can never advance "
          + "(strong fairness alone reports them as violations)";

    /// <summary>One line saying why a search was cut short.</summary>
    public static string Describe(StopReason reason, SearchLimits limits) => reason switch
    {
        StopReason.MaxStates => $"state limit reached ({limits.MaxStates:N0} states)",
        StopReason.MaxDepth => $"depth limit reached ({limits.MaxDepth} steps)",
        StopReason.MaxTime => $"time limit reached ({limits.MaxTime?.TotalSeconds:0.###} s)",
        StopReason.MaxMemory => $"memory limit reached ({(limits.MaxMemoryBytes ?? 0) / (1024 * 1024):N0} MiB)",
        StopReason.Cancelled => "cancelled",
        _ => reason.ToString(),
    };
}
