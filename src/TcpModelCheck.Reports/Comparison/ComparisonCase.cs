using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Engine.Model;

namespace TcpModelCheck.Reports.Comparison;

/// <summary>
/// One configuration of a comparison: its names and settings, its expected verdicts (looked up by the
/// configuration itself, so a configuration outside the matrix expects every property to hold), and the one
/// search that checks it. The property suite builds cases straight from models (<see cref="ModelCase{TState,TAction}"/>);
/// <c>tcpmc compare</c> builds them from its sessions; both run through <see cref="ComparisonRunner"/>.
/// </summary>
public abstract class ComparisonCase(string configuration, string variant, string workload, IReadOnlyDictionary<string, string> settings,
    Func<string, (Verdict Verdict, string? Why)> expected)
{
    public string Configuration { get; } = configuration;
    public string Variant { get; } = variant;
    public string Workload { get; } = workload;
    public IReadOnlyDictionary<string, string> Settings { get; } = settings;

    /// <summary>The expected verdict of a property in this configuration, and why when it is not <c>holds</c>.</summary>
    public (Verdict Verdict, string? Why) Expected(string property) => expected(property);

    /// <summary>Runs the configuration's one search with <paramref name="options"/> (its limits apply to this search
    /// alone). A cancelled token gives a row whose unsettled verdicts are inconclusive, never an exception.</summary>
    public abstract ComparisonRow Check(CheckOptions options, Action<SearchProgress>? progress, CancellationToken cancel);
}

/// <summary>A case over a model built on demand (a long list of cases does not hold every model at once).</summary>
public sealed class ModelCase<TState, TAction>(string configuration, string variant, string workload, IReadOnlyDictionary<string, string> settings,
    Func<string, (Verdict Verdict, string? Why)> expected, Func<IModel<TState, TAction>> model)
    : ComparisonCase(configuration, variant, workload, settings, expected) where TState : IEquatable<TState>
{
    public override ComparisonRow Check(CheckOptions options, Action<SearchProgress>? progress, CancellationToken cancel) =>
        CheckModel(options, progress, cancel).Row;

    /// <summary>The check with its engine result kept beside the row (the property suite replays counterexamples and
    /// pins state counts from it; the row is judged exactly as <see cref="Check"/> judges it).</summary>
    public (IModel<TState, TAction> Model, CheckResult<TState, TAction> Result, ComparisonRow Row) CheckModel(CheckOptions options,
        Action<SearchProgress>? progress = null, CancellationToken cancel = default)
    {
        var built = model();
        var result = ModelChecker.Check(built, options, progress, cancel);
        return (built, result, ComparisonRow.Of(this, result, options, []));
    }
}
