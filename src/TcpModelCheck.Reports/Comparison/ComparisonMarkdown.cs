using System.Text;
using TcpModelCheck.Engine.Checking;

namespace TcpModelCheck.Reports.Comparison;

/// <summary>
/// A comparison as a Markdown matrix (configurations × properties) for README files — what
/// <c>tcpmc compare --markdown</c> prints: each cell shows the verdict and counterexample length; a cell that
/// differs from the expected table says so; a configuration cut short says why.
/// </summary>
public static class ComparisonMarkdown
{
    public static string Render(ComparisonReport report, bool timings = true)
    {
        var props = report.Properties;
        var sb = new StringBuilder();
        sb.AppendLine("| configuration | states | " + (timings ? "seconds | " : "") + string.Join(" | ", props.Select(p => $"`{p}`")) + " |");
        sb.AppendLine("|---|---:|" + (timings ? "---:|" : "") + string.Concat(props.Select(_ => "---|")));
        foreach (var r in report.Rows)
        {
            var cells = props.Select(p => r.Cell(p) is { } c ? Cell(c) : "");
            var seconds = timings ? $"{r.Statistics.Elapsed.TotalSeconds.ToString("0.00", Invariant)} | " : "";
            sb.AppendLine($"| {r.Configuration}{(r.CutShort ? $" ⚠ {r.Ending}" : "")} | {r.Statistics.DistinctStates.ToString("N0", Invariant)} | " +
                $"{seconds}{string.Join(" | ", cells)} |");
        }
        sb.AppendLine();
        sb.AppendLine("Cells: the verdict and, for a violation, the length of the shortest counterexample (for a lasso,");
        sb.AppendLine("also the step its loop starts from). The reason for every cell expected not to hold:");
        sb.AppendLine();
        foreach (var (row, cell) in report.Cells.Where(x => x.Cell.Why is not null))
            sb.AppendLine($"- **{row.Configuration}** × `{cell.Property}`: {cell.Why}");
        var mismatches = report.Mismatches.ToList();
        if (mismatches.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine($"**{mismatches.Count} verdict(s) differ from the expected table:**");
            foreach (var (row, cell) in mismatches)
                sb.AppendLine($"- {row.Configuration} × `{cell.Property}`: expected {Word(cell.Expected)}, found {Word(cell.Found)}");
        }
        if (report.Inconclusive > 0)
        {
            sb.AppendLine();
            sb.AppendLine($"**{report.Inconclusive} verdict(s) inconclusive:** " +
                string.Join("; ", report.CutShort.Select(r => $"{r.Configuration}: {r.Ending}")));
        }
        return sb.ToString();
    }

    private static readonly IFormatProvider Invariant = System.Globalization.CultureInfo.InvariantCulture;

    private static string Word(Verdict v) => v switch
    {
        Verdict.Holds => "holds",
        Verdict.Violated => "VIOLATED",
        _ => "inconclusive",
    };

    private static string Cell(ComparisonCell c)
    {
        var text = c.Found switch
        {
            Verdict.Holds => "holds",
            Verdict.Violated => "**violated**",
            _ => "inconclusive",
        };
        if (c.Found == Verdict.Violated && c.Counterexample is { } cx)
            text += cx.LoopStart is { } l ? $" ({cx.Length}, loop from {l})" : $" ({cx.Length})";
        return c.Mismatch ? $"⚠ {text}, expected {Word(c.Expected)}" : text;
    }
}
