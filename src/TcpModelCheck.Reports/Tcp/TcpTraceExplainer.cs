using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Engine.Traces;
using TcpModelCheck.Reports.Charts;
using TcpModelCheck.Tcp;

namespace TcpModelCheck.Reports.Tcp;

/// <summary>
/// Turns a TCP trace into chart input: replays it on the model its settings describe, asks the model to
/// explain every step (<see cref="TcpModel.ExplainPath"/>, which also numbers the clock ticks), and writes a header naming the variant, workload,
/// property, origin and choice path. The only TCP-specific piece of the chart pipeline.
/// </summary>
public static class TcpTraceExplainer
{
    /// <summary>Builds chart input for <paramref name="trace"/> on <paramref name="model"/>.</summary>
    /// <param name="verdict">What the trace shows: violated (a counterexample), holds (a witness path), or
    /// null for a plain run.</param>
    /// <exception cref="InvalidOperationException">The trace does not replay on the model (the message names
    /// the diverging step).</exception>
    public static ChartInput Explain(TcpModel model, Trace trace, Verdict? verdict = null)
    {
        var replay = Replayer.Replay(model, trace);
        if (replay.Divergence is { } d) throw new InvalidOperationException($"trace does not replay: {d}");
        var initial = replay.Initial!;
        var explained = model.ExplainPath(initial, replay.Steps.Select(s => (s.Action, s.State)));
        var states = replay.Steps.Select(s => s.State).Prepend(initial).ToList();
        var steps = explained.Select((events, i) =>
            new ChartStep(trace.Steps[i].Action, TailDrops.Mark(events, states[i], states[i + 1]))).ToList();
        return new ChartInput(Header(model.Config, trace, verdict), "TCP Peer A (client)", "TCP Peer B (server)",
            initial.Client.State.RfcName(), initial.Server.State.RfcName(), steps, trace.LoopStart,
            Ending(trace, verdict));
    }

    /// <summary>Header lines: what was checked, how the trace was found, the choice path, and every
    /// setting that differs from the variant's defaults (so the run can be reproduced from the chart).</summary>
    internal static List<string> Header(TcpConfig config, Trace trace, Verdict? verdict)
    {
        var what = $"variant {config.Variant} · workload {config.Workload}";
        if (trace.Property is { } p) what += $" · property {p}" + (verdict is { } v ? $": {VerdictText(v)}" : "");
        var how = $"{trace.Length} steps" + (trace.LoopStart is { } l ? $" (a lasso: the loop starts after step {l})" : "")
            + (trace.Origin is { } o ? $" · found by {OriginText(o)}" : "") + (trace.Seed is { } s ? $" · seed {s}" : "");
        var lines = new List<string> { what, how, $"choice path: {trace.ChoicePath}" };
        var overrides = config.Overrides;
        if (overrides.Length > 0) lines.Add($"settings: {overrides}");
        return lines;
    }

    private static string OriginText(string origin) => SearchStrategies.Origins.TryParse(origin) switch
    {
        SearchStrategy.BreadthFirst => "breadth-first search (shortest)",
        SearchStrategy.ParallelBreadthFirst => "parallel breadth-first search (shortest)",
        SearchStrategy.DepthFirst => "depth-first search",
        _ when origin == SearchStrategies.PartitionedOrigin => "partitioned breadth-first search (shortest)",
        _ => origin,
    };

    private static string? Ending(Trace trace, Verdict? verdict) => (trace.Property, verdict, trace.LoopStart) switch
    {
        ({ } p, Verdict.Violated, null) => $"property {p} fails here (after step {trace.Length})",
        ({ } p, Verdict.Holds, _) => $"witness: {p} is reached here (after step {trace.Length})",
        _ => null,
    };

    /// <summary>For a liveness counterexample without a loop: the run ends because nothing is enabled.</summary>
    public static ChartInput WithDeadlockEnding(ChartInput input) =>
        input with { Ending = $"no action is enabled after step {input.Steps.Count}: the run stops here (deadlock)" };

    /// <summary>The verdict word for a header: "VIOLATED" for a counterexample, "witness found" for a
    /// reachability property that holds.</summary>
    public static string VerdictText(Verdict v) => v switch
    {
        Verdict.Violated => "VIOLATED",
        Verdict.Holds => "witness found",
        _ => "inconclusive",
    };
}
