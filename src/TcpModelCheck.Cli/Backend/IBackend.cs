using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Engine.Model;
using TcpModelCheck.Engine.Traces;
using TcpModelCheck.Reports.Comparison;

namespace TcpModelCheck.Cli.Backend;

/// <summary>A named choice the user can make (a variant, a workload), with one line saying what it is.</summary>
internal sealed record NamedItem(string Name, string Description);

/// <summary>A named property as the CLI lists it.</summary>
internal sealed record PropertyInfo(string Name, PropertyKind Kind, string Description);

/// <summary>
/// One configuration field exposed as a command-line option. <paramref name="Key"/> is the model's settings key
/// (the same key a trace file stores), <paramref name="Option"/> the option name (e.g. <c>--loss-budget</c>).
/// </summary>
internal sealed record ConfigField(string Key, string Option, string Description, string HelpName, string Default);

/// <summary>One configuration of a comparison: its name as reports show it (e.g. "no-time-wait/reconnect"), variant,
/// workload, full settings, and its expected verdicts — those of the matrix entry with exactly these settings, or
/// "every property holds" for a configuration that is no entry.</summary>
internal sealed record MatrixCell(string Name, string Variant, string Workload, IReadOnlyDictionary<string, string> Settings,
    Func<string, (Verdict Verdict, string? Why)> Expected);

/// <summary>
/// Everything the CLI needs from a model family, and the only place it learns about TCP. The verbs talk to
/// this interface alone, so pointing the tool at another model (or a test double) means one new class.
/// </summary>
internal interface IBackend
{
    /// <summary>The model name stored in traces (<c>IModel.Name</c>).</summary>
    string ModelName { get; }

    IReadOnlyList<NamedItem> Variants { get; }
    IReadOnlyList<NamedItem> Workloads { get; }

    /// <summary>Every configuration field, in help order. The CLI offers one option per field.</summary>
    IReadOnlyList<ConfigField> Fields { get; }

    /// <summary>Every named property (independent of the configuration).</summary>
    IReadOnlyList<PropertyInfo> Properties { get; }

    /// <summary>The configurations <c>compare</c> runs by default.</summary>
    IReadOnlyList<MatrixCell> DefaultMatrix { get; }

    /// <summary>The configurations <c>compare --full</c> runs: the default matrix and the rows too big for it.</summary>
    IReadOnlyList<MatrixCell> FullMatrix { get; }

    /// <summary>The comparison cell of the configuration the settings describe (bad input if invalid).</summary>
    MatrixCell Cell(IReadOnlyDictionary<string, string> settings);

    /// <summary>
    /// Builds a model from settings (keys of <see cref="Fields"/>; absent keys take their defaults). Throws
    /// <see cref="BadInputException"/> with one line naming the problem when a value is unknown or invalid.
    /// </summary>
    IModelSession Open(IReadOnlyDictionary<string, string> settings);

    /// <summary>
    /// The settings a recorded trace is re-run with when the user adds <paramref name="overrides"/>: the model's
    /// own resolution, so that a preset the overrides change (e.g. the variant) re-resolves every field it
    /// governs and the label names the rules that run. Bad input when the result is invalid.
    /// </summary>
    IReadOnlyDictionary<string, string> ReplaySettings(IReadOnlyDictionary<string, string> recorded, IReadOnlyDictionary<string, string> overrides);

    /// <summary>The configuration the settings describe (its variant, workload and every field in effect) and
    /// properties, explained in words.</summary>
    string Explain(IReadOnlyDictionary<string, string> settings, IReadOnlyList<string> properties);
}

/// <summary>One built model, hiding its state and action types behind reports the verbs can print.</summary>
internal interface IModelSession
{
    /// <summary>The settings of the built model (what a trace records).</summary>
    IReadOnlyDictionary<string, string> Settings { get; }

    /// <summary>The configuration's name: "variant/workload" plus the settings that differ from the variant's
    /// defaults (the key of the expected-verdict table).</summary>
    string Name { get; }

    string Variant { get; }
    string Workload { get; }

    IReadOnlyList<PropertyInfo> Properties { get; }

    CheckReport Check(CheckOptions options, Action<SearchProgress>? progress, CancellationToken cancel);

    /// <summary>The one search of a comparison's configuration, as a row of the comparison (Reports'
    /// <see cref="ComparisonRow.Of"/>): the same property selection as <see cref="Check"/>.</summary>
    ComparisonRow Compare(ComparisonCase configuration, CheckOptions options, Action<SearchProgress>? progress, CancellationToken cancel);

    /// <summary>A counterexample (or witness path) of this model, drawn as <see cref="Check"/> draws them.</summary>
    RenderedTrace Draw(Trace trace, Verdict verdict);

    /// <summary>A batch of fault schedules (the engine's schedule search), checking the safety properties named
    /// (all when null; a liveness property is bad input), each finding shrunk and drawn.</summary>
    SimulationReport Simulate(SimulationPlan plan, IReadOnlyList<string>? properties, CancellationToken cancel);

    ReplayReport Replay(Trace trace);

    /// <summary>Follows <paramref name="path"/> from its initial state and lists the actions enabled at its end,
    /// labelled as in the chart. A path that leaves the model is bad input naming the step.</summary>
    PathActions ActionsAfter(ChoicePath path);
}

/// <summary>One enabled action: its choice index (what a path or trace records) and its chart label.</summary>
internal sealed record EnabledAction(int Index, string Label);

/// <summary>The end of a choice path: the steps taken (labelled), the state reached, what is enabled there.</summary>
/// <param name="Terminal">No action is enabled and the model calls the state a proper end (not a deadlock).</param>
internal sealed record PathActions(ChoicePath Path, IReadOnlyList<EnabledAction> Taken, string State,
    IReadOnlyList<EnabledAction> Enabled, bool Terminal);

/// <summary>A trace with its two human renderings. Rendering is lazy: most traces are never printed.</summary>
internal sealed class RenderedTrace(Trace trace, Func<(string Chart, string Mermaid)> render)
{
    private readonly Lazy<(string Chart, string Mermaid)> _drawn = new(render);

    public Trace Trace { get; } = trace;
    public string Chart => _drawn.Value.Chart;
    public string Mermaid => _drawn.Value.Mermaid;
}

/// <summary>The verdict on one property, with its counterexample when violated.</summary>
/// <param name="Witness">For a reachability property that holds: the path to the first witness state found.</param>
internal sealed record PropertyOutcome(PropertyInfo Property, Verdict Verdict, string? Reason, RenderedTrace? Counterexample,
    RenderedTrace? Witness = null);

/// <summary>The outcome of one exhaustive check.</summary>
/// <param name="Skipped">Properties left out, with why (e.g. liveness under fingerprint storage).</param>
internal sealed record CheckReport(
    IReadOnlyList<PropertyOutcome> Outcomes,
    SearchStatistics Statistics,
    IReadOnlyList<string> Skipped);

/// <summary>A batch of fault schedules: runs executed, model steps, and per violated property its shrunk finding
/// with the chart of its run, in the order found.</summary>
/// <summary>What a batch of schedules did: runs executed, model steps taken, the safety properties checked on every
/// step, and one finding per property violated.</summary>
internal sealed record SimulationReport(int Runs, long Steps, IReadOnlyList<(string Name, PropertyKind Kind)> Checked,
    IReadOnlyList<(ScheduleFindingReport Finding, RenderedTrace Trace)> Findings);

/// <summary>A trace re-executed: where it diverged, or which property it violates (or neither).</summary>
/// <param name="Partial">The chart of the steps that did replay (all of them when it matched); null when not even
/// the initial state could be rebuilt.</param>
/// <param name="LoopCloses">For a lasso: whether the state after the last step equals the state the loop starts at.</param>
/// <param name="WitnessStep">For the path of a reachability witness: the first step after which its state is
/// reached (0 = the initial state), or null when the path never reaches it.</param>
/// <param name="Reproduced">The trace shows what it claims (the engine's <c>Reproducer</c>): a safety property violated
/// at its last step and not before, a lasso the liveness property fails on, a witness reached.</param>
/// <param name="Reason">One line: why it is or is not reproduced.</param>
internal sealed record ReplayReport(
    RenderedTrace? Partial,
    Divergence? Divergence,
    string? Violated,
    int? ViolationStep,
    bool? LoopCloses,
    int? WitnessStep = null,
    bool Reproduced = false,
    string Reason = "");
