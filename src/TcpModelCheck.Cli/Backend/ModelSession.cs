using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Engine.Model;
using TcpModelCheck.Engine.Paths;
using TcpModelCheck.Engine.Schedules;
using TcpModelCheck.Engine.Traces;
using TcpModelCheck.Reports.Comparison;

namespace TcpModelCheck.Cli.Backend;

/// <summary>What a drawn trace shows: header lines (for renderers that do not write their own), and — when it is a
/// counterexample or witness — the verdict and the kind of the property.</summary>
internal sealed record TraceContext(IReadOnlyList<string> Header, Verdict? Verdict = null, PropertyKind? Kind = null);

/// <summary>Draws traces of one built model for people: a text chart and a Mermaid diagram. The traces it is
/// given always replay on that model without divergence.</summary>
internal interface ITraceRenderer
{
    (string Chart, string Mermaid) Render(Trace trace, TraceContext context);
}

/// <summary>
/// The engine side of every verb, written once for any model: exhaustive check, fault schedules and replay, with
/// results turned into the type-free reports of <see cref="IModelSession"/>. The backend supplies the model
/// and its renderer; nothing here knows about TCP.
/// </summary>
internal sealed class ModelSession<TState, TAction>(
    IModel<TState, TAction> model,
    ITraceRenderer renderer,
    string name,
    string variant,
    string workload,
    IScheduleBinding<TState, TAction>? schedules = null) : IModelSession where TState : IEquatable<TState>
{
    public IReadOnlyDictionary<string, string> Settings => model.Settings;
    public string Name => name;
    public string Variant => variant;
    public string Workload => workload;

    public IReadOnlyList<PropertyInfo> Properties =>
        model.Properties.Select(p => new PropertyInfo(p.Name, p.Kind, p.Description)).ToList();

    public CheckReport Check(CheckOptions options, Action<SearchProgress>? progress, CancellationToken cancel)
    {
        var (result, skipped) = Search(options, progress, cancel);
        var outcomes = result.Properties.Select(p => new PropertyOutcome(Info(p.Property), p.Verdict, p.Reason,
            p.Counterexample is { } c ? Draw(c.Trace, Verdict.Violated) : null,
            p.Witness is { } w ? Draw(w.Trace, Verdict.Holds) : null)).ToList();
        return new CheckReport(outcomes, result.Statistics, skipped);
    }

    public ComparisonRow Compare(ComparisonCase configuration, CheckOptions options, Action<SearchProgress>? progress, CancellationToken cancel)
    {
        var (result, skipped) = Search(options, progress, cancel);
        return ComparisonRow.Of(configuration, result, options, skipped);
    }

    /// <summary>The one search of <see cref="Check"/> and <see cref="Compare"/>: the properties selected for it (liveness
    /// left out under fingerprint storage, and said so) and the engine's check.</summary>
    private (CheckResult<TState, TAction> Result, IReadOnlyList<string> Skipped) Search(CheckOptions options, Action<SearchProgress>? progress,
        CancellationToken cancel)
    {
        var (selected, skipped) = PropertySelection.ForSearch(model.Properties, options);
        return (RunChecker(options with { Properties = selected.Select(p => p.Name).ToList() }, progress, cancel), skipped);
    }

    public RenderedTrace Draw(Trace trace, Verdict verdict)
    {
        var p = model.Properties.First(q => q.Name == trace.Property);
        return verdict == Verdict.Violated
            ? Render(trace, new TraceContext(ViolationHeader(p.Name, trace.Length, trace.LoopStart), Verdict.Violated, p.Kind))
            : Render(trace, new TraceContext([Context(), $"{p.Name} reached after {trace.Length} steps"], Verdict.Holds, p.Kind));
    }

    private CheckResult<TState, TAction> RunChecker(CheckOptions options, Action<SearchProgress>? progress, CancellationToken cancel)
    {
        try
        {
            return ModelChecker.Check(model, options, progress, cancel);
        }
        catch (NotSupportedException e) when (options.Strategy != SearchStrategy.BreadthFirst)
        {
            // A strategy the engine build does not offer is a choice the user can change, not a crash.
            throw new BadInputException($"--strategy {SearchStrategies.Names.Name(options.Strategy)} is not available in this build ({e.Message})");
        }
    }

    public SimulationReport Simulate(SimulationPlan plan, IReadOnlyList<string>? properties, CancellationToken cancel)
    {
        if (schedules is null) throw new BadInputException($"model '{model.Name}' offers no fault schedules");
        var selected = PropertySelection.Resolve(model.Properties, properties);
        if (properties is { Count: > 0 } && selected.FirstOrDefault(p => !p.IsSafety) is { } live)
            throw new BadInputException($"property '{live.Name}' is not a safety property ({live.Kind}): a finite run cannot refute it; use tcpmc check");
        var safety = selected.Where(p => p.IsSafety).ToList();
        var batch = schedules.Run(model, safety, plan, cancel);
        var findings = batch.Findings.Select(f => (f, Render(f.Trace, new TraceContext(
        [
            .. ViolationHeader(f.Property, f.Trace.Length, null),
            $"schedule ({f.Schedule.Split(' ').Length} intents, shrunk from {f.DrawnLength}{(f.Minimal ? "" : ", shrink budget spent")}): {f.Schedule}",
            $"found at run {f.Run} (run seed {f.RunSeed}) of seed {plan.Seed}, strategy {ScheduleStrategies.Names.Name(plan.Strategy)}",
        ], Verdict.Violated, model.Properties.First(p => p.Name == f.Property).Kind)))).ToList();
        return new SimulationReport(batch.Runs, batch.Steps, safety.Select(p => (p.Name, p.Kind)).ToList(), findings);
    }

    /// <summary>Replays <paramref name="trace"/> and judges its claim with the engine's one reproduce check
    /// (<see cref="Reproducer"/>), so the CLI and the test suites cannot disagree on a lasso.</summary>
    public ReplayReport Replay(Trace trace)
    {
        if (trace.Property is { } claimed) PropertySelection.Resolve(model.Properties, [claimed]);   // unknown: bad input
        var r = Reproducer.Reproduce(model, trace);
        var matched = trace with { Steps = trace.Steps[..r.Replay.Steps.Count] };
        if (r.Divergence is { } d)
            return new ReplayReport(d.Step == 0 ? null : Render(matched, new TraceContext([Context(), $"replay of {trace.Length} steps stopped: {d}"])),
                d, null, null, null, Reason: r.Reason);
        if (r.Property is { Kind: PropertyKind.Reachable } p)
        {
            var reached = new TraceContext([Context(), r.WitnessStep is { } at ? $"{p.Name} reached after step {at}"
                : $"replayed {trace.Length} steps: {p.Name} is not reached"], r.Reproduced ? Verdict.Holds : null, p.Kind);
            return new ReplayReport(Render(matched, reached), null, null, null, r.LoopCloses, r.WitnessStep, r.Reproduced, r.Reason);
        }
        var violation = r.Violation;
        var context = violation is null
            ? new TraceContext([Context(), $"replayed {trace.Length} steps: no property violated"])
            : new TraceContext(ViolationHeader(violation.Property, violation.Step, r.Property is { IsLiveness: true } ? trace.LoopStart : null),
                Verdict.Violated, model.Properties.First(q => q.Name == violation.Property).Kind);
        return new ReplayReport(Render(matched, context), null, violation?.Property, violation?.Step, r.LoopCloses, null, r.Reproduced, r.Reason);
    }

    public PathActions ActionsAfter(ChoicePath path)
    {
        var replay = path.Follow(model, out var error);
        if (error is not null) throw new BadInputException(error);
        var state = replay.Initial!;
        var taken = new List<EnabledAction>(replay.Steps.Count);
        foreach (var step in replay.Steps)
        {
            taken.Add(new EnabledAction(step.Choice, model.FormatAction(state, step.Action)));
            state = step.State;
        }
        var actions = new List<TAction>();
        model.Actions(state, actions);
        var enabled = actions.Select((a, i) => new EnabledAction(i, model.FormatAction(state, a))).ToList();
        return new PathActions(path, taken, model.FormatState(state), enabled, enabled.Count == 0 && model.IsTerminal(state));
    }

    private RenderedTrace Render(Trace trace, TraceContext context) =>
        new(trace, () => renderer.Render(trace, context with { Header = [.. context.Header, $"choice path: {trace.ChoicePath}"] }));

    private string Context() => $"variant {variant}, workload {workload}";

    private string[] ViolationHeader(string property, int length, int? loopStart) =>
    [
        Context(),
        loopStart is { } k
            ? $"{property} violated: a run of {length} steps that loops back to the state after step {k}"
            : $"{property} violated at step {length}",
    ];

    private static PropertyInfo Info(Property<TState, TAction> p) => new(p.Name, p.Kind, p.Description);
}
