using Spectre.Console;
using TcpModelCheck.Cli.Backend;
using TcpModelCheck.Cli.Options;
using TcpModelCheck.Cli.Output;
using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Reports.Comparison;

namespace TcpModelCheck.Cli.Commands;

/// <summary>Prints a comparison: a Spectre table with one row per (configuration, property), as Markdown (the
/// Reports project's matrix, for READMEs), or as JSON.</summary>
internal static class ComparisonOutput
{
    private sealed record Configuration(string Name, string Variant, string Workload, IReadOnlyDictionary<string, string> Settings,
        StatisticsDocument Statistics);

    private sealed record ShownTrace(string Configuration, string Variant, string Workload, string? Property, int Length, string ChoicePath);

    private sealed record Document(string Command, int ExitCode, IReadOnlyList<ResultRow> Results,
        IReadOnlyList<Configuration> Configurations, ShownTrace? Trace, string? TraceFile);

    public static void WriteJson(CliContext context, IReadOnlyList<ComparisonResult> results,
        (ComparisonResult From, RenderedTrace Trace)? shown, ExitCode code, OutputSettings output)
    {
        var rows = results.SelectMany(r => r.Report.Outcomes.Select(o =>
            ResultRow.Judged(r.Session, o, r.Report.Statistics, output.Timings, r.ExpectedFor(o.Property.Name).Verdict))).ToList();
        var configurations = results.Select(r => new Configuration(r.Cell.Name, r.Cell.Variant, r.Cell.Workload, r.Session.Settings,
            StatisticsDocument.Of(r.Report.Statistics, output.Timings))).ToList();
        var trace = shown is { } s
            ? new ShownTrace(s.From.Cell.Name, s.From.Cell.Variant, s.From.Cell.Workload, s.Trace.Trace.Property, s.Trace.Trace.Length,
                TraceOutput.ChoicePath(s.Trace.Trace))
            : null;
        JsonOutput.Write(context.Out, new Document("compare", (int)code, rows, configurations, trace, shown is null ? null : output.OutFile));
    }

    public static void WriteText(CliContext context, IReadOnlyList<ComparisonResult> results,
        (ComparisonResult From, RenderedTrace Trace)? shown, OutputSettings output, TraceChoice choice)
    {
        foreach (var line in Legend(results)) context.Out.WriteLine(line);
        context.Console.Write(Table(results, output.Timings));
        context.Out.WriteLine(Summary(results, output.Timings));
        foreach (var r in results)
            foreach (var line in r.Report.Skipped) context.Out.WriteLine($"{r.Cell.Name}: {line}");
        var explained = Explained(results).ToList();
        if (explained.Count > 0) context.Out.WriteLine("why these verdicts are expected:");
        foreach (var line in explained) context.Out.WriteLine($"  {line}");
        if (shown is not { } s)
        {
            if (!choice.None) context.Out.WriteLine(choice.Describe());
            return;
        }
        context.Out.WriteLine();
        context.Out.WriteLine($"counterexample: {s.From.Cell.Name} / {s.Trace.Trace.Property} ({s.Trace.Trace.Length} steps)");
        TraceOutput.Print(context.Out, s.Trace, output);
        if (output.OutFile is { } path) context.Out.WriteLine($"trace written to {path}");
    }

    /// <summary>The Reports project's Markdown matrix, then the chosen trace in a fenced block.</summary>
    public static void WriteMarkdown(CliContext context, IReadOnlyList<ComparisonResult> results,
        (ComparisonResult From, RenderedTrace Trace)? shown, OutputSettings output)
    {
        context.Out.Write(ComparisonMarkdown.Render(ToReport(results, output.Timings)));
        if (shown is not { } s) return;
        context.Out.WriteLine();
        context.Out.WriteLine($"Counterexample: {s.From.Cell.Name} / `{s.Trace.Trace.Property}` ({s.Trace.Trace.Length} steps)");
        context.Out.WriteLine();
        context.Out.WriteLine(output.Mermaid ? "```mermaid" : "```text");
        context.Out.WriteLine((output.Mermaid ? s.Trace.Mermaid : s.Trace.Chart).TrimEnd());
        context.Out.WriteLine("```");
    }

    private static ComparisonReport ToReport(IReadOnlyList<ComparisonResult> results, bool timings) => new(results.Select(r =>
    {
        var stats = r.Report.Statistics;
        var cells = r.Report.Outcomes.Select(o =>
        {
            var (expected, why) = r.ExpectedFor(o.Property.Name);
            return new ComparisonCell(o.Property.Name, ComparisonRow.KindName(o.Property.Kind), expected, o.Verdict,
                o.Counterexample?.Trace.Length, o.Counterexample?.Trace.LoopStart, why, o.Reason);
        }).ToList();
        return new ComparisonRow(r.Cell.Name, r.Cell.Variant, r.Cell.Workload, stats.DistinctStates, stats.Transitions, stats.MaxDepth,
            timings ? Math.Round(stats.Elapsed.TotalSeconds, 3) : 0, stats.StopReason.ToString(), cells);
    }).ToList());

    /// <summary>
    /// The variant table: one row per property, one column per configuration (numbered; the legend above the
    /// table names them), so a broken variant stands next to the correct one. A cell is the verdict, with the
    /// counterexample length; "!" marks a verdict that differs from the expected one.
    /// </summary>
    private static Table Table(IReadOnlyList<ComparisonResult> results, bool timings)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn(new TableColumn("property").NoWrap());
        for (var i = 0; i < results.Count; i++) table.AddColumn(new TableColumn($"#{i + 1}").NoWrap());
        var properties = results.SelectMany(r => r.Report.Outcomes.Select(o => o.Property.Name)).Distinct().ToList();
        foreach (var property in properties)
            table.AddRow([Markup.Escape(property), .. results.Select(r => Markup.Escape(Cell(r, property)))]);
        table.AddRow(["distinct states", .. results.Select(r => Words.Count(r.Report.Statistics.DistinctStates))]);
        if (timings) table.AddRow(["seconds", .. results.Select(r => Words.Seconds(r.Report.Statistics.Elapsed))]);
        return table;
    }

    private static string Cell(ComparisonResult r, string property)
    {
        var o = r.Report.Outcomes.FirstOrDefault(x => x.Property.Name == property);
        if (o is null) return "-";
        // Compact cells so that a 14-configuration matrix fits a 160-column line without wrapping words.
        var text = o.Verdict switch
        {
            Verdict.Holds => "ok",
            Verdict.Violated => o.Counterexample is { } c ? $"✗ {c.Trace.Length}" : "✗",
            _ => "?",
        };
        var expected = r.ExpectedFor(property).Verdict;
        return o.Verdict != Verdict.Inconclusive && o.Verdict != expected ? text + " !" : text;
    }

    private static IEnumerable<string> Legend(IReadOnlyList<ComparisonResult> results) =>
        results.Select((r, i) => $"#{i + 1} {r.Cell.Name}");

    private static string Summary(IReadOnlyList<ComparisonResult> results, bool timings)
    {
        var cells = results.SelectMany(r => r.Report.Outcomes.Select(o => (o.Verdict, Expected: r.ExpectedFor(o.Property.Name).Verdict))).ToList();
        var unexpected = cells.Count(c => c.Verdict != Verdict.Inconclusive && c.Verdict != c.Expected);
        var inconclusive = cells.Count(c => c.Verdict == Verdict.Inconclusive);
        var line = $"{results.Count} configurations, {cells.Count} verdicts: {cells.Count - unexpected - inconclusive} as expected, " +
                   $"{unexpected} unexpected (marked !), {inconclusive} inconclusive; ok = holds, ✗ n = violated " +
                   "(n = length of the shortest counterexample), ? = inconclusive";
        if (timings) line += $"; {Words.Seconds(TimeSpan.FromTicks(results.Sum(r => r.Report.Statistics.Elapsed.Ticks)))} s of search";
        return line;
    }

    private static IEnumerable<string> Explained(IReadOnlyList<ComparisonResult> results) =>
        from r in results
        from o in r.Report.Outcomes
        let e = r.ExpectedFor(o.Property.Name)
        where e.Why is not null
        select $"{r.Cell.Name} × {o.Property.Name}: {e.Why}";
}
