using System.CommandLine;
using TcpModelCheck.Cli.Backend;
using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Explorer.Report;

namespace TcpModelCheck.Cli.Commands;

/// <summary>
/// <c>--html FILE</c> of <c>compare</c> and <c>check</c>: the results as one self-contained HTML file (the verdict
/// matrix, each counterexample's SVG chart, state counts, timings, settings; see <see cref="HtmlReport"/>). The
/// text or JSON output is printed as without it; text output ends with one line naming the file and its size.
/// </summary>
internal static class HtmlReportFile
{
    public static Option<string> CreateOption() => new("--html")
    {
        Description = "Also write the results as one self-contained HTML file (matrix, counterexample charts, settings), readable offline",
        HelpName = "file",
    };

    /// <summary>The comparison's report: one row per configuration, judged against the expected verdicts.</summary>
    public static void WriteComparison(CliContext context, ParseResult parse, string path, IReadOnlyList<ComparisonResult> results,
        bool timings, bool quiet)
    {
        var rows = results.Select(r => Row(r.Cell.Name, r.Session, r.Report, timings, p => r.ExpectedFor(p))).ToList();
        var cells = rows.SelectMany(r => r.Cells).ToList();
        var mismatches = cells.Count(c => c.Mismatch && c.Found != Verdict.Inconclusive);
        var inconclusive = cells.Count(c => c.Found == Verdict.Inconclusive);
        var summary = $"{rows.Count} configurations, {cells.Count} verdicts: {cells.Count - mismatches - inconclusive} as expected, " +
            $"{mismatches} unexpected, {inconclusive} inconclusive";
        Write(context, path, new ReportDocument("tcpmc compare", CommandLine(parse), summary, mismatches == 0 && inconclusive == 0,
            rows, Notes(results.Select(r => (r.Cell.Name, r.Report)))), quiet);
    }

    /// <summary>One configuration's report: its verdicts, with no expectation (a violation is a failure).</summary>
    public static void WriteCheck(CliContext context, ParseResult parse, string path, IModelSession session, CheckReport report,
        bool timings, bool quiet)
    {
        var row = Row(session.Name, session, report, timings, null);
        var failed = row.Cells.Count(c => c.Found != Verdict.Holds);
        var summary = failed == 0 ? $"all {row.Cells.Count} properties hold"
            : $"{row.Cells.Count(c => c.Found == Verdict.Violated)} of {row.Cells.Count} properties violated, " +
              $"{row.Cells.Count(c => c.Found == Verdict.Inconclusive)} inconclusive";
        Write(context, path, new ReportDocument($"tcpmc check: {session.Name}", CommandLine(parse), summary, failed == 0, [row],
            Notes([(session.Name, report)])), quiet);
    }

    private static ReportRow Row(string name, IModelSession session, CheckReport report, bool timings,
        Func<string, (Verdict Verdict, string? Why)>? expected)
    {
        var s = report.Statistics;
        var cells = report.Outcomes.Select(o =>
        {
            var e = expected?.Invoke(o.Property.Name);
            return new ReportCell(o.Property.Name, Reports.Comparison.ComparisonRow.KindName(o.Property.Kind), o.Property.Kind, o.Verdict,
                e?.Verdict, e?.Why, o.Reason, o.Counterexample?.Trace);
        }).ToList();
        return new ReportRow(name, session.Settings, s.DistinctStates, s.Transitions, s.MaxDepth,
            timings ? s.Elapsed.TotalSeconds : null, s.CutShort ? s.StopReason.ToString() : null, cells);
    }

    private static List<string> Notes(IEnumerable<(string Name, CheckReport Report)> reports) =>
        reports.SelectMany(r => r.Report.Skipped.Select(line => $"{r.Name}: {line}")).ToList();

    private static string CommandLine(ParseResult parse) =>
        "tcpmc " + string.Join(' ', parse.Tokens.Select(t => t.Value.Contains(' ') ? $"'{t.Value}'" : t.Value));

    private static void Write(CliContext context, string path, ReportDocument doc, bool quiet)
    {
        var html = HtmlReport.Render(doc);
        try
        {
            File.WriteAllText(path, html);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BadInputException($"--html: cannot write '{path}': {Tcpmc.FirstLine(e.Message)}");
        }
        if (!quiet) context.Out.WriteLine($"HTML report written to {path} ({new FileInfo(path).Length / 1024.0:N0} KiB)");
    }
}
