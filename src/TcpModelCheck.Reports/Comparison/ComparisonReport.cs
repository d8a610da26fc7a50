using TcpModelCheck.Engine.Checking;
using System.Text.Json.Serialization;
using TcpModelCheck.Engine.Model;

namespace TcpModelCheck.Reports.Comparison;

/// <summary>One cell of a comparison: a property's verdict in one configuration, against the expectation.</summary>
/// <param name="Steps">Counterexample length when violated (a lasso's stem and cycle together); for a
/// reachability witness that holds, the length of the path to the witness; otherwise null.</param>
/// <param name="LoopStart">For a lasso, the step after which its cycle starts.</param>
/// <param name="Reason">Why a verdict is inconclusive, or why a witness is missing.</param>
public sealed record ComparisonCell(
    string Property,
    string Kind,
    Verdict Expected,
    Verdict Found,
    int? Steps,
    int? LoopStart,
    string? Why,
    string? Reason)
{
    public bool Mismatch => Expected != Found;
}

/// <summary>One configuration of a comparison: its verdicts and the numbers of the one search that gave them.</summary>
public sealed record ComparisonRow(
    string Configuration,
    string Variant,
    string Workload,
    long DistinctStates,
    long Transitions,
    int MaxDepth,
    double Seconds,
    string StopReason,
    IReadOnlyList<ComparisonCell> Cells)
{
    public bool Complete => StopReason == nameof(Engine.Checking.StopReason.None);

    /// <summary>Builds a row from the result of checking one configuration.</summary>
    public static ComparisonRow From<TState, TAction>(string configuration, string variant, string workload,
        CheckResult<TState, TAction> result, ExpectationTable expected)
    {
        var cells = result.Properties.Select(p =>
        {
            var (verdict, why) = expected.For(configuration, p.Name);
            var path = p.Counterexample ?? p.Witness;
            return new ComparisonCell(p.Name, KindName(p.Property.Kind), verdict, p.Verdict, path?.Length,
                p.Counterexample?.LoopStart, why, p.Reason);
        }).ToList();
        var s = result.Statistics;
        return new ComparisonRow(configuration, variant, workload, s.DistinctStates, s.Transitions, s.MaxDepth,
            Math.Round(s.Elapsed.TotalSeconds, 3), s.StopReason.ToString(), cells);
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

/// <summary>A comparison of configurations (variant × workload) over a list of properties.</summary>
public sealed record ComparisonReport(IReadOnlyList<ComparisonRow> Rows)
{
    /// <summary>Every property that appears in some row, in first-seen order.</summary>
    public IReadOnlyList<string> Properties => Rows.SelectMany(r => r.Cells.Select(c => c.Property)).Distinct().ToList();

    [JsonIgnore]
    public IEnumerable<(ComparisonRow Row, ComparisonCell Cell)> Mismatches =>
        Rows.SelectMany(r => r.Cells.Where(c => c.Mismatch).Select(c => (r, c)));

    public bool AsExpected => !Mismatches.Any();
}
