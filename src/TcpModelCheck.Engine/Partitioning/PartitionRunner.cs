using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Engine.Model;
using TcpModelCheck.Engine.Storage;
using TcpModelCheck.Engine.Storage.Frontier;
using TcpModelCheck.Engine.Strategies;

namespace TcpModelCheck.Engine.Partitioning;

/// <summary>
/// Runs this process's partition of a partitioned search (<see cref="CheckOptions.Partition"/>) and builds the merged
/// result, which every partition reports alike: verdicts from the findings all partitions agreed on, counterexamples
/// rebuilt across the partitions' logs, statistics summed.
/// </summary>
internal static class PartitionRunner
{
    public const string LivenessReason = "liveness needs the whole graph: not checked in a partitioned search";

    public static CheckResult<TState, TAction> Check<TState, TAction>(IModel<TState, TAction> model, CheckOptions options,
        Action<SearchProgress>? progress, CancellationToken cancel) where TState : IEquatable<TState>
    {
        var spec = options.Partition!;
        spec.Validate();
        if (options.Strategy != SearchStrategy.BreadthFirst)
            throw new ArgumentException("a partitioned search is breadth-first (one thread per partition): use the bfs strategy");
        if (options.Limits.MaxStates is not null)
            throw new ArgumentException("a partitioned search takes no state limit (each partition sees only its own states): use a time or memory limit");
        var codec = FrontierCodec<TState>.For(model)
            ?? throw new ArgumentException($"model '{model.Name}' cannot be partitioned: its states neither decode nor are plain values");
        var props = new PropertyTracker<TState, TAction>(model, options.Properties);
        var ctx = new SearchContext<TState, TAction>(model, options with { SpillDirectory = null }, props, progress, cancel);
        var exchange = new Exchange(spec);
        var decision = new PartitionDecision<TState, TAction>(props, options, spec, Configuration(model, options, props));
        try
        {
            using var logs = Search(ctx, exchange, codec, decision);
            var result = Build(model, options, props, decision, logs);
            exchange.Publish("merged", new PartitionStatus());
            exchange.Await("merged");   // every peer has rebuilt its paths: the logs may go
            File.Delete(exchange.LogPath(spec.Index));
            exchange.Forget("final");
            return result;
        }
        catch (Exception e)
        {
            exchange.Fail(e.Message);
            throw;
        }
    }

    private static PartitionLogs Search<TState, TAction>(SearchContext<TState, TAction> ctx, Exchange exchange,
        FrontierCodec<TState> codec, PartitionDecision<TState, TAction> decision) where TState : IEquatable<TState>
    {
        var expected = ctx.Options.ExpectedStates / exchange.Spec.Count;
        return ctx.Options.Storage == StorageMode.Fingerprint
            ? new PartitionSearch<TState, TAction, FingerprintStore<TState>>(ctx, new(expected), exchange, codec, decision).Run()
            : new PartitionSearch<TState, TAction, ExactStore<TState>>(ctx, new(expected), exchange, codec, decision).Run();
    }

    /// <summary>What every partition must agree on: the model and its settings, the properties, the storage, the
    /// partition count and the bounds that change what is explored.</summary>
    private static string Configuration<TState, TAction>(IModel<TState, TAction> model, CheckOptions options,
        PropertyTracker<TState, TAction> props) where TState : IEquatable<TState> =>
        $"{model.Name} [{string.Join(" ", model.Settings.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}"))}]" +
        $" properties [{string.Join(",", props.Selected.Select(p => p.Name))}] {options.Storage}" +
        $" partitions {options.Partition!.Count} depth {options.Limits.MaxDepth?.ToString() ?? "-"} settle {options.StopWhenAllSettled}";

    private static CheckResult<TState, TAction> Build<TState, TAction>(IModel<TState, TAction> model, CheckOptions options,
        PropertyTracker<TState, TAction> props, PartitionDecision<TState, TAction> decision, PartitionLogs logs)
        where TState : IEquatable<TState>
    {
        var stats = logs.Statistics(decision.Stop, decision.MaxDepth);
        var reason = stats.CutShort ? ModelChecker.Describe(stats.StopReason, options.Limits) : null;
        var results = new List<PropertyResult<TState, TAction>>();
        foreach (var p in props.Selected)
        {
            if (p.IsLiveness)
            {
                results.Add(new(p, Verdict.Inconclusive, Reason: LivenessReason));
                continue;
            }
            Counterexample<TState, TAction>? path = null;
            if (decision.Found.TryGetValue(p, out var f))
            {
                var (initial, choices) = logs.PathTo(f.Partition, f.StateId);
                if (f.Choice >= 0) choices.Add(f.Choice);
                path = ModelChecker.Counterexample(model, initial, choices, SearchStrategies.PartitionedOrigin, p.Name, null);
            }
            if (p.Kind == PropertyKind.Reachable)
                results.Add(path is not null ? new(p, Verdict.Holds, Witness: path)
                    : reason is not null ? new(p, Verdict.Inconclusive, Reason: reason)
                    : new(p, Verdict.Violated, Reason: "no reachable state satisfies it"));
            else
                results.Add(path is not null ? new(p, Verdict.Violated, path)
                    : reason is not null ? new(p, Verdict.Inconclusive, Reason: reason) : new(p, Verdict.Holds));
        }
        return new CheckResult<TState, TAction>(results, stats);
    }
}
