using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Engine.Model;
using TcpModelCheck.Engine.Traces;

namespace TcpModelCheck.Explorer.Report;

/// <summary>One property's verdict in one configuration, as the HTML report shows it.</summary>
/// <param name="Kind">The kind as the text reports name it (invariant, step, witness, eventually, leads-to, no-deadlock).</param>
/// <param name="Expected">The expected verdict (compare), or null when there is no expectation (check).</param>
/// <param name="Why">Why that verdict is expected (the expectation table's reason), or null.</param>
/// <param name="Reason">Why it is inconclusive, or why a witness is missing, or null.</param>
/// <param name="Trace">The counterexample (or, for a witness asked for by name, the path to it), drawn as a chart.</param>
public sealed record ReportCell(string Property, string Kind, PropertyKind? PropertyKind, Verdict Found, Verdict? Expected,
    string? Why, string? Reason, Trace? Trace)
{
    /// <summary>A settled verdict that differs from the expected one. An inconclusive cell is not a mismatch: it is
    /// unsettled, and says so (the same rule as the text and Markdown reports' <c>ComparisonCell.Mismatch</c>).</summary>
    public bool Mismatch => Found != Verdict.Inconclusive && Expected is { } e && e != Found;
}

/// <summary>One configuration checked: its settings, the numbers of its search, and its verdicts.</summary>
/// <param name="Count">The number in the matrix's count column (<see cref="ReportDocument.CountColumn"/>): distinct
/// states of an exhaustive search, model steps of a batch of random schedules.</param>
/// <param name="Effort">The search's numbers in words, e.g. "162,372 states, 1,204,551 transitions, max depth 40".</param>
/// <param name="Seconds">The search's wall-clock time, or null when timings are left out.</param>
public sealed record ReportRow(string Configuration, IReadOnlyDictionary<string, string> Settings, long Count, string Effort,
    double? Seconds, string? CutShort, IReadOnlyList<ReportCell> Cells);

/// <summary>Everything one HTML report shows.</summary>
/// <param name="Command">The command line that made it (shown so the report can be reproduced).</param>
/// <param name="Summary">The verdict in one line, e.g. "every verdict as expected".</param>
/// <param name="Good">Whether that verdict is the good one (the summary's colour).</param>
/// <param name="CountColumn">What <see cref="ReportRow.Count"/> counts ("states", "steps"): the matrix column's heading.</param>
public sealed record ReportDocument(string Title, string Command, string Summary, bool Good, IReadOnlyList<ReportRow> Rows,
    IReadOnlyList<string> Notes, string CountColumn = "states");
