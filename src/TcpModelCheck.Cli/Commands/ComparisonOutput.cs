using TcpModelCheck.Cli.Options;
using Spectre.Console;
using TcpModelCheck.Cli.Backend;
using TcpModelCheck.Cli.Output;
using TcpModelCheck.Engine.Checking;

namespace TcpModelCheck.Cli.Commands;

/// <summary>Prints a comparison: a Spectre table with one row per (configuration, property), or JSON.</summary>
internal static class ComparisonOutput
{
    private sealed record Configuration(string Variant, string Workload, IReadOnlyDictionary<string, string> Settings,
        StatisticsDocument Statistics);

    private sealed record ShownTrace(string Variant, string Workload, string? Property, int Length, string ChoicePath);

    private sealed record Document(string Command, int ExitCode, IReadOnlyList<ResultRow> Results,
        IReadOnlyList<Configuration> Configurations, ShownTrace? Trace, string? TraceFile);

    public static void WriteJson(CliContext context, IReadOnlyList<ComparisonResult> results,
        (ComparisonResult From, RenderedTrace Trace)? shown, ExitCode code, OutputSettings output)
    {
        var rows = results.SelectMany(r => r.Report.Outcomes.Select(o =>
            ResultRow.Judged(r.Session, o, r.Report.Statistics, output.Timings, r.Cell.ExpectedFor(o.Property.Name)))).ToList();
        var configurations = results.Select(r => new Configuration(r.Cell.Variant, r.Cell.Workload, r.Session.Settings,
            StatisticsDocument.Of(r.Report.Statistics, output.Timings))).ToList();
        var trace = shown is { } s
            ? new ShownTrace(s.From.Cell.Variant, s.From.Cell.Workload, s.Trace.Trace.Property, s.Trace.Trace.Length, TraceOutput.ChoicePath(s.Trace.Trace))
            : null;
        JsonOutput.Write(context.Out, new Document("compare", (int)code, rows, configurations, trace, shown is null ? null : output.OutFile));
    }

    public static void WriteText(CliContext context, IReadOnlyList<ComparisonResult> results,
        (ComparisonResult From, RenderedTrace Trace)? shown, OutputSettings output, TraceChoice choice)
    {
        context.Console.Write(Table(results, output.Timings));
        context.Out.WriteLine(Summary(results, output.Timings));
        foreach (var r in results)
            foreach (var line in r.Report.Skipped) context.Out.WriteLine($"{r.Cell.Variant}/{r.Cell.Workload}: {line}");
        if (shown is not { } s)
        {
            if (!choice.None) context.Out.WriteLine(choice.Describe());
            return;
        }
        context.Out.WriteLine();
        context.Out.WriteLine($"counterexample: {s.From.Cell.Variant} / {s.From.Cell.Workload} / {s.Trace.Trace.Property} ({s.Trace.Trace.Length} steps)");
        TraceOutput.Print(context.Out, s.Trace, output);
        if (output.OutFile is { } path) context.Out.WriteLine($"trace written to {path}");
    }

    private static Table Table(IReadOnlyList<ComparisonResult> results, bool timings)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("variant", "workload", "property", "verdict", "expected", "length")
            .AddColumn(new TableColumn("states").RightAligned());
        if (timings) table.AddColumn(new TableColumn("seconds").RightAligned());
        foreach (var r in results)
        {
            var first = true;
            foreach (var o in r.Report.Outcomes)
            {
                var expected = r.Cell.ExpectedFor(o.Property.Name);
                var cells = new List<string>
                {
                    first ? r.Cell.Variant : "", first ? r.Cell.Workload : "", o.Property.Name,
                    Mark(o.Verdict, expected), expected is { } e ? Words.Verdict(e) : "?",
                    o.Counterexample?.Trace.Length.ToString() ?? "",
                    first ? Words.Count(r.Report.Statistics.DistinctStates) : "",
                };
                if (timings) cells.Add(first ? Words.Seconds(r.Report.Statistics.Elapsed) : "");
                table.AddRow(cells.Select(Markup.Escape).ToArray());
                first = false;
            }
        }
        return table;
    }

    /// <summary>The verdict, flagged when it is not the expected one (so it stands out without colour). Outside
    /// the expected-verdict table ("?") every property is expected to hold.</summary>
    private static string Mark(Verdict found, Verdict? expected) =>
        found != Verdict.Inconclusive && found != (expected ?? Verdict.Holds)
            ? Words.Verdict(found).ToUpperInvariant() + " (!)"
            : Words.Verdict(found);

    private static string Summary(IReadOnlyList<ComparisonResult> results, bool timings)
    {
        var cells = results.SelectMany(r => r.Report.Outcomes.Select(o => (o.Verdict, Expected: r.Cell.ExpectedFor(o.Property.Name)))).ToList();
        var unexpected = cells.Count(c => c.Verdict != Verdict.Inconclusive && c.Verdict != (c.Expected ?? Verdict.Holds));
        var inconclusive = cells.Count(c => c.Verdict == Verdict.Inconclusive);
        var line = $"{results.Count} configurations, {cells.Count} verdicts: {cells.Count - unexpected - inconclusive} as expected, " +
                   $"{unexpected} unexpected (!), {inconclusive} inconclusive";
        if (timings) line += $"; {Words.Seconds(TimeSpan.FromTicks(results.Sum(r => r.Report.Statistics.Elapsed.Ticks)))} s of search";
        return line;
    }
}
