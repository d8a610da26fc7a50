using System.Text;
using TcpModelCheck.Engine.Checking;

namespace TcpModelCheck.Reports.Comparison;

/// <summary>
/// A comparison as a plain-text table for a 100-column terminal: one block per configuration (its distinct
/// states and time), one line per property with expected and found verdicts, counterexample length, and a
/// MISMATCH flag; then the reason for every expected cell that is not "holds".
/// </summary>
public static class ComparisonText
{
    private const string Row = "{0,-34} {1,-9} {2,-13} {3,-16} {4}";

    public static string Render(ComparisonReport report, string? title = null)
    {
        var sb = new StringBuilder();
        if (title is not null) sb.AppendLine(title).AppendLine();
        sb.AppendLine(string.Format(Row, "configuration / property", "expected", "found", "steps", "").TrimEnd());
        sb.AppendLine(new string('-', 99));
        foreach (var r in report.Rows)
        {
            sb.AppendLine($"{r.Configuration}   {ComparisonFormat.States(r.DistinctStates)} states, " +
                $"{ComparisonFormat.States(r.Transitions)} transitions, depth {r.MaxDepth}, {ComparisonFormat.Seconds(r.Seconds)}");
            if (ComparisonFormat.Stop(r) is { Length: > 0 } stop) sb.AppendLine($"  ({stop})");
            foreach (var c in r.Cells)
                sb.AppendLine(string.Format(Row, "  " + c.Property, Expected(c), ComparisonFormat.Verdict(c.Found),
                    ComparisonFormat.Steps(c), c.Mismatch ? "<-- MISMATCH" : "").TrimEnd());
        }
        sb.AppendLine(new string('-', 99));
        AppendSummary(sb, report);
        return sb.ToString();
    }

    private static string Expected(ComparisonCell c) => c.Expected switch
    {
        Verdict.Holds => "holds",
        Verdict.Violated => "violated",
        _ => "inconcl.",
    };

    internal static void AppendSummary(StringBuilder sb, ComparisonReport report)
    {
        var cells = report.Rows.Sum(r => r.Cells.Count);
        var mismatches = report.Mismatches.ToList();
        sb.AppendLine(mismatches.Count == 0
            ? $"all {cells} verdicts as expected"
            : $"{mismatches.Count} of {cells} verdicts DIFFER from the expected table:");
        foreach (var (row, cell) in mismatches)
            Wrapped(sb, $"  {row.Configuration} × {cell.Property}: expected {Expected(cell)}, found {ComparisonFormat.Verdict(cell.Found)}" +
                (cell.Reason is { } reason ? $" ({reason})" : ""));
        var explained = report.Rows.SelectMany(r => r.Cells.Where(c => c.Why is not null).Select(c => (r, c))).ToList();
        if (explained.Count == 0) return;
        sb.AppendLine().AppendLine("why these cells are not expected to hold:");
        foreach (var (row, cell) in explained)
            Wrapped(sb, $"  {row.Configuration} × {cell.Property}: {cell.Why}");
    }

    private static void Wrapped(StringBuilder sb, string line)
    {
        foreach (var piece in TextWrap.Lines(line, indent: 6)) sb.AppendLine(piece);
    }
}
