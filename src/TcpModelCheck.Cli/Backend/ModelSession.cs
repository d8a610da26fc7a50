using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Engine.Model;
using TcpModelCheck.Engine.Simulation;
using TcpModelCheck.Engine.Traces;

namespace TcpModelCheck.Cli.Backend;

/// <summary>Draws traces of one built model for people: a text chart and a Mermaid diagram. The traces it is
/// given always replay on that model without divergence.</summary>
internal interface ITraceRenderer
{
    string Chart(Trace trace, IReadOnlyList<string> header);
    string Mermaid(Trace trace, IReadOnlyList<string> header);
}

/// <summary>
/// The engine side of every verb, written once for any model: exhaustive check, random walk and replay, with
/// results turned into the type-free reports of <see cref="IModelSession"/>. The backend supplies the model
/// and its renderer; nothing here knows about TCP.
/// </summary>
internal sealed class ModelSession<TState, TAction>(
    IModel<TState, TAction> model,
    ITraceRenderer renderer,
    string variant,
    string workload) : IModelSession where TState : IEquatable<TState>
{
    public IReadOnlyDictionary<string, string> Settings => model.Settings;
    public string Variant => variant;
    public string Workload => workload;

    public IReadOnlyList<PropertyInfo> Properties =>
        model.Properties.Select(p => new PropertyInfo(p.Name, p.Kind, p.Description)).ToList();

    public CheckReport Check(CheckOptions options, Action<SearchProgress>? progress, CancellationToken cancel)
    {
        var (selected, skipped) = PropertySelection.ForSearch(model.Properties, options);
        var result = RunChecker(options with { Properties = selected.Select(p => p.Name).ToList() }, progress, cancel);
        var outcomes = result.Properties.Select(p => new PropertyOutcome(
            Info(p.Property), p.Verdict, p.Reason,
            p.Counterexample is { } c ? Render(c.Trace, ViolationHeader(p.Name, c.Length, c.LoopStart)) : null)).ToList();
        return new CheckReport(outcomes, result.Statistics, skipped);
    }

    private CheckResult<TState, TAction> RunChecker(CheckOptions options, Action<SearchProgress>? progress, CancellationToken cancel)
    {
        try
        {
            return ModelChecker.Check(model, options, progress, cancel);
        }
        catch (NotSupportedException e) when (options.Strategy != SearchStrategy.BreadthFirst)
        {
            // Depth-first and parallel search arrive with the engine-core work; until then say so plainly.
            throw new BadInputException($"--strategy {StrategyName(options.Strategy)} is not available in this build ({e.Message})");
        }
    }

    public WalkReport Walk(ulong seed, int maxSteps, IReadOnlyList<string>? properties)
    {
        var selected = PropertySelection.Resolve(model.Properties, properties).Where(p => p.IsSafety).ToList();
        var (trace, violation) = Simulator.RandomWalk(model, seed, maxSteps, selected);
        var header = violation is null
            ? new[] { Context(), $"random walk, seed {seed}: {trace.Length} steps, no violation" }
            : ViolationHeader(violation.Property, trace.Length, null).Append($"seed: {seed}").ToArray();
        return new WalkReport(Render(trace, header), violation?.Property, violation?.Step ?? 0);
    }

    public ReplayReport Replay(Trace trace)
    {
        var replay = Replayer.Replay(model, trace);
        var matched = trace with { Steps = trace.Steps[..replay.Steps.Count] };
        if (replay.Divergence is { } d)
            return new ReplayReport(Render(matched, [Context(), $"replay of {trace.Length} steps stopped: {d}"]), d, null, null, null);
        var property = trace.Property is null ? null : PropertySelection.Resolve(model.Properties, [trace.Property])[0];
        var loopCloses = trace.LoopStart is { } k ? Equals(StateAfter(replay, k), StateAfter(replay, replay.Steps.Count)) : (bool?)null;
        var (violated, step) = property is { IsLiveness: true }
            ? (LassoViolates(property, replay, trace.LoopStart) ? property.Name : null, (int?)trace.Length)
            : SafetyViolation(trace, property);
        var header = violated is null
            ? new[] { Context(), $"replayed {trace.Length} steps: no property violated" }
            : ViolationHeader(violated, step ?? trace.Length, trace.LoopStart);
        return new ReplayReport(Render(matched, header), null, violated, step, loopCloses);
    }

    private (string?, int?) SafetyViolation(Trace trace, Property<TState, TAction>? property)
    {
        var props = property is null ? model.Properties.Where(p => p.IsSafety).ToList() : [property];
        var v = Simulator.FirstViolation(model, trace, props);
        return (v?.Property, v?.Step);
    }

    /// <summary>A lasso shows "eventually Q" violated when its loop closes (or, without a loop, it ends where no
    /// action is enabled) and no state on that loop satisfies Q. That Q is unreachable from the loop altogether
    /// — the rest of the counterexample's claim — needs a search; replay checks what one path can show.</summary>
    private bool LassoViolates(Property<TState, TAction> p, ReplayResult<TState, TAction> replay, int? loopStart)
    {
        var states = replay.Steps.Select(s => s.State).Prepend(replay.Initial!).ToList();
        int from;
        if (loopStart is { } k)
        {
            if (!states[k].Equals(states[^1])) return false;
            from = k;
        }
        else
        {
            var actions = new List<TAction>();
            model.Actions(states[^1], actions);
            if (actions.Count > 0) return false;
            from = states.Count - 1;
        }
        return states.Skip(from).All(s => !p.Goal!(s));
    }

    private static TState StateAfter(ReplayResult<TState, TAction> replay, int steps) =>
        steps == 0 ? replay.Initial! : replay.Steps[steps - 1].State;

    private RenderedTrace Render(Trace trace, IReadOnlyList<string> header) =>
        new(trace, () => renderer.Chart(trace, header), () => renderer.Mermaid(trace, header));

    private string Context() => $"variant {variant}, workload {workload}";

    private string[] ViolationHeader(string property, int length, int? loopStart) =>
    [
        Context(),
        loopStart is { } k
            ? $"{property} violated: a run of {length} steps that loops back to the state after step {k}"
            : $"{property} violated at step {length}",
    ];

    private static PropertyInfo Info(Property<TState, TAction> p) => new(p.Name, p.Kind, p.Description);

    internal static string StrategyName(SearchStrategy s) => s switch
    {
        SearchStrategy.DepthFirst => "dfs",
        SearchStrategy.ParallelBreadthFirst => "parallel",
        _ => "bfs",
    };
}
