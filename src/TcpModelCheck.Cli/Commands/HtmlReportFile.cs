using System.CommandLine;
using TcpModelCheck.Cli.Backend;
using TcpModelCheck.Cli.Output;
using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Engine.Schedules;
using TcpModelCheck.Explorer.Report;
using TcpModelCheck.Reports.Comparison;

namespace TcpModelCheck.Cli.Commands;

/// <summary>
/// <c>--html FILE</c> of <c>compare</c>, <c>check</c> and <c>simulate</c>: the results as one self-contained HTML file (the verdict
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
    public static void WriteComparison(CliContext context, ParseResult parse, string path, ComparisonReport report, bool timings, bool quiet)
    {
        var rows = report.Rows.Select(r => new ReportRow(r.Configuration, r.Settings, r.Statistics.DistinctStates,
            $"{Words.Count(r.Statistics.DistinctStates)} states, {Words.Count(r.Statistics.Transitions)} transitions, max depth {r.Statistics.MaxDepth}",
            timings ? r.Statistics.Elapsed.TotalSeconds : null, r.CutShort ? r.Ending : null,
            r.Cells.Select(c => new ReportCell(c.Property, ComparisonRow.KindName(c.Kind), c.Kind, c.Found, c.Expected, c.Why, c.Reason,
                c.Counterexample)).ToList())).ToList();
        var cells = report.Cells.Count();
        var mismatches = report.Mismatches.Count();
        var inconclusive = report.Inconclusive;
        var summary = $"{rows.Count} configurations, {cells} verdicts: {cells - mismatches - inconclusive} as expected, " +
            $"{mismatches} unexpected, {inconclusive} inconclusive" + (report.Ending == ComparisonEnding.Cancelled ? " (cancelled: partial report)" : "");
        Write(context, path, new ReportDocument("tcpmc compare", CommandLine(parse), summary, mismatches == 0 && inconclusive == 0,
            rows, report.Rows.SelectMany(r => r.Skipped.Select(line => $"{r.Configuration}: {line}")).ToList()), quiet);
    }

    /// <summary>One configuration's report: its verdicts, with no expectation (a violation is a failure).</summary>
    public static void WriteCheck(CliContext context, ParseResult parse, string path, IModelSession session, CheckReport report,
        bool timings, bool quiet)
    {
        var row = Row(session.Name, session, report, timings);
        var failed = row.Cells.Count(c => c.Found != Verdict.Holds);
        var summary = failed == 0 ? $"all {row.Cells.Count} properties hold"
            : $"{row.Cells.Count(c => c.Found == Verdict.Violated)} of {row.Cells.Count} properties violated, " +
              $"{row.Cells.Count(c => c.Found == Verdict.Inconclusive)} inconclusive";
        Write(context, path, new ReportDocument($"tcpmc check: {session.Name}", CommandLine(parse), summary, failed == 0, [row],
            Notes([(session.Name, report)])), quiet);
    }

    /// <summary>A batch of random schedules: each violated property with its shrunk run drawn; a property no schedule
    /// violated is inconclusive, never "holds" (a random search proves nothing).</summary>
    public static void WriteSimulation(CliContext context, ParseResult parse, string path, IModelSession session, SimulationPlan plan,
        SimulationOutcome outcome, bool timings, bool quiet)
    {
        var report = outcome.Report;
        var found = report.Findings.ToDictionary(f => f.Finding.Property);
        var strategy = ScheduleStrategies.Names.Name(plan.Strategy);
        var cells = report.Checked.Select(p => found.TryGetValue(p.Name, out var f)
            ? new ReportCell(p.Name, ComparisonRow.KindName(p.Kind), p.Kind, Verdict.Violated, null, null,
                $"violated by {Words.Count(f.Finding.Count)} of {Words.Count(report.Runs)} schedules, first at run {f.Finding.Run} " +
                $"(run seed {f.Finding.RunSeed}); shrunk to {f.Trace.Trace.Length} steps: {f.Finding.Schedule}", f.Trace.Trace)
            : new ReportCell(p.Name, ComparisonRow.KindName(p.Kind), p.Kind, Verdict.Inconclusive, null, null,
                $"no violation in {Words.Count(report.Runs)} {strategy} schedules (a random search proves nothing; tcpmc check does)", null))
            .ToList();
        var cut = report.Runs < plan.Runs ? $"stopped after {Words.Count(report.Runs)} of {Words.Count(plan.Runs)} schedules" : null;
        var row = new ReportRow(session.Name, session.Settings, report.Steps,
            $"{Words.Count(report.Runs)} {strategy} schedules from seed {plan.Seed}, {plan.Length} intents each, {Words.Count(report.Steps)} steps",
            timings ? outcome.Elapsed.TotalSeconds : null, cut, cells);
        var violated = report.Findings.Count;
        var summary = violated == 0
            ? $"no schedule violated any of {cells.Count} safety properties in {Words.Count(report.Runs)} schedules (inconclusive: nothing is proved)"
            : $"{violated} of {cells.Count} safety properties violated in {Words.Count(report.Runs)} schedules";
        Write(context, path, new ReportDocument($"tcpmc simulate: {session.Name}", CommandLine(parse), summary, violated == 0, [row],
            [], CountColumn: "steps"), quiet);
    }

    private static ReportRow Row(string name, IModelSession session, CheckReport report, bool timings)
    {
        var s = report.Statistics;
        var cells = report.Outcomes.Select(o => new ReportCell(o.Property.Name, ComparisonRow.KindName(o.Property.Kind), o.Property.Kind,
            o.Verdict, null, null, o.Reason, o.Counterexample?.Trace)).ToList();
        return new ReportRow(name, session.Settings, s.DistinctStates,
            $"{Words.Count(s.DistinctStates)} states, {Words.Count(s.Transitions)} transitions, max depth {s.MaxDepth}",
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
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new BadInputException($"--html: cannot write '{path}': {Tcpmc.FirstLine(e.Message)}");
        }
        if (!quiet) context.Out.WriteLine($"HTML report written to {path} ({new FileInfo(path).Length / 1024.0:N0} KiB)");
    }
}
