using System.Text;
using TcpModelCheck.Engine.Checking;

namespace TcpModelCheck.Reports.Comparison;

/// <summary>
/// A comparison as a Markdown matrix (configurations × properties) for README files: each cell shows the
/// verdict and counterexample length; a cell that differs from the expected table says so.
/// </summary>
public static class ComparisonMarkdown
{
    public static string Render(ComparisonReport report)
    {
        var props = report.Properties;
        var sb = new StringBuilder();
        sb.AppendLine("| configuration | states | seconds | " + string.Join(" | ", props.Select(p => $"`{p}`")) + " |");
        sb.AppendLine("|---|---:|---:|" + string.Concat(props.Select(_ => "---|")));
        foreach (var r in report.Rows)
        {
            var cells = props.Select(p => r.Cells.FirstOrDefault(c => c.Property == p) is { } c ? Cell(c) : "");
            sb.AppendLine($"| {r.Configuration}{(r.Complete ? "" : " ⚠ " + r.StopReason)} | {ComparisonFormat.States(r.DistinctStates)} | " +
                $"{r.Seconds:0.00} | {string.Join(" | ", cells)} |");
        }
        sb.AppendLine();
        sb.AppendLine("Cells: the verdict and, for a violation, the length of the shortest counterexample (for a lasso,");
        sb.AppendLine("also the step its loop starts from). The reason for every cell expected not to hold:");
        sb.AppendLine();
        foreach (var (row, cell) in report.Rows.SelectMany(r => r.Cells.Where(c => c.Why is not null).Select(c => (r, c))))
            sb.AppendLine($"- **{row.Configuration}** × `{cell.Property}`: {cell.Why}");
        var mismatches = report.Mismatches.ToList();
        if (mismatches.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine($"**{mismatches.Count} verdict(s) differ from the expected table:**");
            foreach (var (row, cell) in mismatches)
                sb.AppendLine($"- {row.Configuration} × `{cell.Property}`: expected {ComparisonFormat.Verdict(cell.Expected)}, " +
                    $"found {ComparisonFormat.Verdict(cell.Found)}");
        }
        return sb.ToString();
    }

    private static string Cell(ComparisonCell c)
    {
        var steps = ComparisonFormat.Steps(c);
        var text = c.Found switch
        {
            Verdict.Holds => "holds",
            Verdict.Violated => "**violated**",
            _ => "inconclusive",
        };
        if (steps != "" && c.Found == Verdict.Violated) text += $" ({steps})";
        return c.Mismatch ? $"⚠ {text}, expected {ComparisonFormat.Verdict(c.Expected)}" : text;
    }
}
