using Spectre.Console;
using TcpModelCheck.Cli.Backend;
using TcpModelCheck.Cli.Options;
using TcpModelCheck.Cli.Output;
using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Reports.Comparison;

namespace TcpModelCheck.Cli.Commands;

/// <summary>Prints a comparison report (<see cref="ComparisonRunner"/>'s, the one the property suite checks): a table
/// with one column per configuration, as Markdown (Reports' <see cref="ComparisonMarkdown"/>, for READMEs), or as
/// JSON. The golden files of the CLI tests pin all three.</summary>
internal static class ComparisonOutput
{
    private sealed record Configuration(string Name, string Variant, string Workload, IReadOnlyDictionary<string, string> Settings,
        StatisticsDocument Statistics, string? Ending);

    private sealed record ShownTrace(string Configuration, string Variant, string Workload, string? Property, int Length, string ChoicePath);

    /// <param name="StopReason">complete | limit (some configuration cut short) | cancelled.</param>
    /// <param name="CutShort">The configurations a limit or the cancellation cut short, in table order.</param>
    private sealed record Document(string Command, int ExitCode, string StopReason, IReadOnlyList<string> CutShort,
        IReadOnlyList<ResultRow> Results, IReadOnlyList<Configuration> Configurations, ShownTrace? Trace, string? TraceFile);

    public static void WriteJson(CliContext context, ComparisonReport report, (ComparisonRow From, RenderedTrace Trace)? shown,
        ExitCode code, OutputSettings output)
    {
        var rows = report.Cells.Select(x => Row(x.Row, x.Cell, output.Timings)).ToList();
        var configurations = report.Rows.Select(r => new Configuration(r.Configuration, r.Variant, r.Workload, r.Settings,
            StatisticsDocument.Of(r.Statistics, output.Timings), r.Ending)).ToList();
        var trace = shown is { } s
            ? new ShownTrace(s.From.Configuration, s.From.Variant, s.From.Workload, s.Trace.Trace.Property, s.Trace.Trace.Length,
                TraceOutput.ChoicePath(s.Trace.Trace))
            : null;
        JsonOutput.Write(context.Out, new Document("compare", (int)code, Ending(report.Ending), report.CutShort.Select(r => r.Configuration).ToList(),
            rows, configurations, trace, shown is null ? null : output.OutFile));
    }

    /// <summary>A verdict as <c>check</c>'s JSON row shape, judged: <c>asExpected</c> is null when inconclusive.</summary>
    private static ResultRow Row(ComparisonRow r, ComparisonCell c, bool timings) => new(
        r.Configuration, r.Variant, r.Workload, c.Property, Words.Kind(c.Kind), Words.Verdict(c.Found), Words.Verdict(c.Expected),
        c.AsExpected, c.Counterexample?.Length, c.Counterexample is { } t ? TraceOutput.ChoicePath(t) : null,
        r.Statistics.DistinctStates, r.Statistics.Transitions, r.Statistics.MaxDepth,
        timings ? Words.JsonSeconds(r.Statistics.Elapsed) : null, c.Reason);

    private static string Ending(ComparisonEnding e) => e switch
    {
        ComparisonEnding.Cancelled => "cancelled",
        ComparisonEnding.Limit => "limit",
        _ => "complete",
    };

    public static void WriteText(CliContext context, ComparisonReport report, (ComparisonRow From, RenderedTrace Trace)? shown,
        OutputSettings output, TraceChoice choice)
    {
        for (var i = 0; i < report.Rows.Count; i++) context.Out.WriteLine($"#{i + 1} {report.Rows[i].Configuration}");
        context.Console.Write(Table(report, output.Timings));
        context.Out.WriteLine(Summary(report, output.Timings));
        for (var i = 0; i < report.Rows.Count; i++)
            if (report.Rows[i] is { CutShort: true } r) context.Out.WriteLine(CutShortLine(i, r));
        foreach (var r in report.Rows)
            foreach (var line in r.Skipped) context.Out.WriteLine($"{r.Configuration}: {line}");
        var explained = report.Cells.Where(x => x.Cell.Why is not null).ToList();
        if (explained.Count > 0) context.Out.WriteLine("why these verdicts are expected:");
        foreach (var (row, cell) in explained) context.Out.WriteLine($"  {row.Configuration} × {cell.Property}: {cell.Why}");
        if (shown is not { } s)
        {
            if (!choice.None) context.Out.WriteLine(choice.Describe());
            return;
        }
        context.Out.WriteLine();
        context.Out.WriteLine($"counterexample: {s.From.Configuration} / {s.Trace.Trace.Property} ({s.Trace.Trace.Length} steps)");
        TraceOutput.Print(context, s.Trace, output);
        if (output.OutFile is { } path) context.Out.WriteLine($"trace written to {path}");
    }

    /// <summary>"#3 rfc9293/reconnect: cancelled after 1,234 states; 9 verdicts inconclusive".</summary>
    private static string CutShortLine(int index, ComparisonRow r)
    {
        var open = r.Cells.Count(c => c.Found == Verdict.Inconclusive);
        var what = r.Cancelled ? $"cancelled after {Words.Count(r.Statistics.DistinctStates)} states"
            : $"cut short after {Words.Count(r.Statistics.DistinctStates)} states: {r.Ending}";
        return $"#{index + 1} {r.Configuration}: {what}; {open} verdict{(open == 1 ? "" : "s")} inconclusive";
    }

    /// <summary>The Reports project's Markdown matrix, then the chosen trace in a fenced block.</summary>
    public static void WriteMarkdown(CliContext context, ComparisonReport report, (ComparisonRow From, RenderedTrace Trace)? shown,
        OutputSettings output)
    {
        context.Out.Write(ComparisonMarkdown.Render(report, output.Timings));
        if (shown is not { } s) return;
        context.Out.WriteLine();
        context.Out.WriteLine($"Counterexample: {s.From.Configuration} / `{s.Trace.Trace.Property}` ({s.Trace.Trace.Length} steps)");
        context.Out.WriteLine();
        context.Out.WriteLine(output.Mermaid ? "```mermaid" : "```text");
        context.Out.WriteLine((output.Mermaid ? s.Trace.Mermaid : s.Trace.Chart).TrimEnd());
        context.Out.WriteLine("```");
    }

    /// <summary>
    /// The variant table: one row per property, one column per configuration (numbered; the legend above the
    /// table names them), so a broken variant stands next to the correct one. A cell is the verdict, with the
    /// counterexample length; "!" marks a verdict that differs from the expected one.
    /// </summary>
    private static Table Table(ComparisonReport report, bool timings)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn(new TableColumn("property").NoWrap());
        for (var i = 0; i < report.Rows.Count; i++) table.AddColumn(new TableColumn($"#{i + 1}").NoWrap());
        foreach (var property in report.Properties)
            table.AddRow([Markup.Escape(property), .. report.Rows.Select(r => Markup.Escape(Cell(r.Cell(property))))]);
        table.AddRow(["distinct states", .. report.Rows.Select(r => Words.Count(r.Statistics.DistinctStates) + (r.CutShort ? " ?" : ""))]);
        if (timings) table.AddRow(["seconds", .. report.Rows.Select(r => Words.Seconds(r.Statistics.Elapsed))]);
        return table;
    }

    private static string Cell(ComparisonCell? c)
    {
        if (c is null) return "-";
        // Compact cells so that a 14-configuration matrix fits a 160-column line without wrapping words.
        var text = c.Found switch
        {
            Verdict.Holds => "ok",
            Verdict.Violated => c.Counterexample is { } t ? $"✗ {t.Length}" : "✗",
            _ => "?",
        };
        return c.Mismatch ? text + " !" : text;
    }

    private static string Summary(ComparisonReport report, bool timings)
    {
        var cells = report.Cells.Count();
        var unexpected = report.Mismatches.Count();
        var inconclusive = report.Inconclusive;
        var line = $"{report.Rows.Count} configurations, {cells} verdicts: {cells - unexpected - inconclusive} as expected, " +
                   $"{unexpected} unexpected (marked !), {inconclusive} inconclusive; ok = holds, ✗ n = violated " +
                   "(n = length of the shortest counterexample), ? = inconclusive";
        if (timings) line += $"; {Words.Seconds(TimeSpan.FromTicks(report.Rows.Sum(r => r.Statistics.Elapsed.Ticks)))} s of search";
        if (report.Ending == ComparisonEnding.Cancelled) line += "; CANCELLED: the report is partial";
        return line;
    }
}
