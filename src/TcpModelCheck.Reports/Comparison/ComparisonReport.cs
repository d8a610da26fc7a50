using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Engine.Model;
using TcpModelCheck.Engine.Traces;

namespace TcpModelCheck.Reports.Comparison;

/// <summary>One cell of a comparison: a property's verdict in one configuration, against the expected one.</summary>
/// <param name="Why">Why the expected verdict is not <c>holds</c> (the expected-verdict table's reason), else null.</param>
/// <param name="Reason">Why the verdict is inconclusive (the limit that cut the search short, or "cancelled"), or
/// why a reachability property is violated; else null.</param>
/// <param name="Counterexample">The shortest counterexample found when violated (a lasso for liveness).</param>
/// <param name="Witness">For a reachability property that holds: the path to the first witness state found.</param>
public sealed record ComparisonCell(
    string Property,
    PropertyKind Kind,
    Verdict Expected,
    string? Why,
    Verdict Found,
    string? Reason,
    Trace? Counterexample,
    Trace? Witness)
{
    /// <summary>The verdict differs from the expected one. An inconclusive verdict is never a mismatch (nor as
    /// expected): a search cut short proves nothing either way.</summary>
    public bool Mismatch => Found != Verdict.Inconclusive && Found != Expected;

    /// <summary>True or false when settled; null when inconclusive.</summary>
    public bool? AsExpected => Found == Verdict.Inconclusive ? null : Found == Expected;

    /// <summary>Counterexample length when violated (a lasso's stem and cycle together); for a reachability witness,
    /// the length of the path to it; else null.</summary>
    public int? Steps => (Counterexample ?? Witness)?.Length;

    /// <summary>For a lasso, the step after which its cycle starts.</summary>
    public int? LoopStart => Counterexample?.LoopStart;
}

/// <summary>One configuration of a comparison: its verdicts and the numbers of the one search that gave them.</summary>
/// <param name="Configuration">The configuration's name as reports show it (variant/workload and the settings that
/// differ from the variant's defaults).</param>
/// <param name="Settings">Every setting of the configuration (what a trace records).</param>
/// <param name="Ending">How the search ended when not complete: the limit that cut it short, "cancelled", or that it
/// stopped once every property was settled; null when the state space was explored completely.</param>
/// <param name="Skipped">Properties left out, with why (e.g. liveness under fingerprint storage).</param>
public sealed record ComparisonRow(
    string Configuration,
    string Variant,
    string Workload,
    IReadOnlyDictionary<string, string> Settings,
    SearchStatistics Statistics,
    string? Ending,
    IReadOnlyList<string> Skipped,
    IReadOnlyList<ComparisonCell> Cells)
{
    /// <summary>A limit or a cancellation cut the search short: every unsettled verdict is inconclusive.</summary>
    public bool CutShort => Statistics.CutShort;

    public bool Cancelled => Statistics.StopReason == StopReason.Cancelled;

    public ComparisonCell? Cell(string property) => Cells.FirstOrDefault(c => c.Property == property);

    /// <summary>The row of one configuration's check: every property's verdict judged against the case's expected
    /// verdicts. One search checks every selected property, so the statistics are those of that search.</summary>
    public static ComparisonRow Of<TState, TAction>(ComparisonCase c, CheckResult<TState, TAction> result, CheckOptions options,
        IReadOnlyList<string> skipped)
    {
        var cells = result.Properties.Select(p =>
        {
            var (expected, why) = c.Expected(p.Name);
            return new ComparisonCell(p.Name, p.Property.Kind, expected, why, p.Verdict, p.Reason, p.Counterexample?.Trace, p.Witness?.Trace);
        }).ToList();
        var s = result.Statistics;
        var ending = s.CutShort ? ModelChecker.Describe(s.StopReason, options.Limits)
            : s.StopReason == StopReason.AllPropertiesSettled ? "stopped once every property was settled (state counts are partial)"
            : null;
        return new ComparisonRow(c.Configuration, c.Variant, c.Workload, c.Settings, s, ending, skipped, cells);
    }

    /// <summary>Kebab-case kind names as the reports and JSON show them.</summary>
    public static string KindName(PropertyKind kind) => kind switch
    {
        PropertyKind.Invariant => "invariant",
        PropertyKind.ActionProperty => "step",
        PropertyKind.Reachable => "witness",
        PropertyKind.Eventually => "eventually",
        PropertyKind.LeadsTo => "leads-to",
        PropertyKind.NoDeadlock => "no-deadlock",
        _ => kind.ToString(),
    };
}

/// <summary>How a whole comparison ended.</summary>
public enum ComparisonEnding
{
    /// <summary>Every configuration was explored completely (or stopped once all its verdicts were settled).</summary>
    Complete,
    /// <summary>A limit cut at least one configuration short; its unsettled verdicts are inconclusive.</summary>
    Limit,
    /// <summary>The run was cancelled: the configuration running then and every later one are inconclusive.</summary>
    Cancelled,
}

/// <summary>A comparison of configurations (variant × workload) over a list of properties.</summary>
public sealed record ComparisonReport(IReadOnlyList<ComparisonRow> Rows)
{
    /// <summary>Every property that appears in some row, in first-seen order.</summary>
    public IReadOnlyList<string> Properties => Rows.SelectMany(r => r.Cells.Select(c => c.Property)).Distinct().ToList();

    public IEnumerable<(ComparisonRow Row, ComparisonCell Cell)> Cells => Rows.SelectMany(r => r.Cells.Select(c => (r, c)));

    public IEnumerable<(ComparisonRow Row, ComparisonCell Cell)> Mismatches => Cells.Where(x => x.Cell.Mismatch);

    public int Inconclusive => Cells.Count(x => x.Cell.Found == Verdict.Inconclusive);

    /// <summary>The configurations a limit or the cancellation cut short.</summary>
    public IEnumerable<ComparisonRow> CutShort => Rows.Where(r => r.CutShort);

    public ComparisonEnding Ending => Rows.Any(r => r.Cancelled) ? ComparisonEnding.Cancelled
        : Rows.Any(r => r.CutShort) ? ComparisonEnding.Limit : ComparisonEnding.Complete;

    /// <summary>Every verdict settled and as expected.</summary>
    public bool AsExpected => Cells.All(x => x.Cell.AsExpected == true);
}
