using System.CommandLine;
using Spectre.Console;
using TcpModelCheck.Cli.Backend;
using TcpModelCheck.Cli.Options;
using TcpModelCheck.Cli.Output;
using TcpModelCheck.Engine.Checking;

namespace TcpModelCheck.Cli.Commands;

/// <summary><c>tcpmc check</c>: one configuration, selected properties, exhaustive search. Exit 1 when any
/// property is violated (check has no expectations: a violation is a failure), 2 when a limit cut it short.</summary>
internal static class CheckCommand
{
    private sealed record Document(string Command, int ExitCode, IReadOnlyDictionary<string, string> Settings,
        IReadOnlyList<ResultRow> Results, StatisticsDocument Statistics, IReadOnlyList<string> Skipped, string? TraceFile);

    public static Command Create(CliContext context, IBackend backend)
    {
        var command = new Command("check", "Exhaustively check one configuration against the selected properties");
        var config = new ConfigOptionSet(backend);
        var properties = PropertyOption.Create();
        var search = new SearchOptionSet();
        var output = new OutputOptionSet();
        var html = HtmlReportFile.CreateOption();
        config.AddTo(command);
        command.Add(properties);
        search.AddTo(command);
        output.AddTo(command);
        command.Add(html);
        command.SetAction(parse =>
        {
            var session = backend.Open(config.Given(parse));
            var options = search.ToCheckOptions(parse, PropertyOption.Read(parse, properties));
            var settings = output.Read(parse);
            var target = settings.Mermaid ? context.ForMermaid() : context;
            Action<CheckReport>? report = parse.GetValue(html) is { } file
                ? r => HtmlReportFile.WriteCheck(target, parse, file, session, r, settings.Timings, settings.Json)
                : null;
            return (int)Run(target, session, options, settings, report);
        });
        return command;
    }

    private static ExitCode Run(CliContext context, IModelSession session, CheckOptions options, OutputSettings output, Action<CheckReport>? html)
    {
        var report = Search.Run(context, session, options, output, "");
        var code = Verdicts.ExitCodeOf(report.Outcomes.Select(o => o.Verdict));
        // --out writes the first counterexample; when nothing is violated, the path to the first witness found
        // (the trace of a reached state, e.g. TIME-WAIT, for replay or the explorer).
        var first = report.Outcomes.FirstOrDefault(o => o.Counterexample is not null)?.Counterexample
            ?? report.Outcomes.FirstOrDefault(o => o.Witness is not null)?.Witness;
        var failed = output.OutFile is { } path && first is not null ? TraceOutput.TryWrite(first.Trace, path) : null;
        if (failed is not null) code = ExitCode.BadInput;
        var traceFile = first is not null && failed is null ? output.OutFile : null;
        if (output.Json)
        {
            var rows = report.Outcomes.Select(o => ResultRow.Of(session, o, report.Statistics, output.Timings)).ToList();
            JsonOutput.Write(context.Out, new Document("check", (int)code, session.Settings, rows,
                StatisticsDocument.Of(report.Statistics, output.Timings), report.Skipped, traceFile));
            return Finish(context, report, html, failed, code);
        }
        PrintText(context, session, options, output, report);
        var what = report.Outcomes.Any(o => o.Counterexample is not null) ? "trace" : "witness path";
        if (traceFile is not null) context.Out.WriteLine($"{what} of {first!.Trace.Property} written to {traceFile}");
        else if (output.OutFile is not null && failed is null)
            context.Out.WriteLine($"no counterexample or witness, so nothing was written to {output.OutFile}");
        return Finish(context, report, html, failed, code);
    }

    /// <summary>The HTML report, then the one error line of a failed write (after the report, which is never lost).</summary>
    private static ExitCode Finish(CliContext context, CheckReport report, Action<CheckReport>? html, string? failed, ExitCode code)
    {
        try { html?.Invoke(report); }
        catch (BadInputException e) { failed ??= e.Message; code = ExitCode.BadInput; }
        if (failed is not null) Tcpmc.Error(context, failed);
        return code;
    }

    private static void PrintText(CliContext context, IModelSession session, CheckOptions options, OutputSettings output, CheckReport report)
    {
        context.Out.WriteLine($"check: {session.Name}");
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("property", "kind", "verdict", "length", "note");
        foreach (var o in report.Outcomes)
            table.AddRow(Markup.Escape(o.Property.Name), Words.Kind(o.Property.Kind), Words.Verdict(o.Verdict),
                o.Counterexample?.Trace.Length.ToString() ?? "", Markup.Escape(o.Reason ?? ""));
        context.Console.Write(table);
        context.Out.WriteLine(Words.Statistics(report.Statistics, output.Timings));
        if (output.Timings) context.Out.WriteLine(Words.Memory(report.Statistics));
        foreach (var line in Words.Ending(report.Statistics, options).Concat(report.Skipped)) context.Out.WriteLine(line);
        foreach (var o in report.Outcomes)
            if (o.Counterexample is { } trace) TraceOutput.Print(context, trace, output);
        // A witness is drawn when the user asked for its property by name: that is how to see a reached state's path.
        if (options.Properties is { Count: > 0 })
            foreach (var o in report.Outcomes)
                if (o.Witness is { } path) TraceOutput.Print(context, path, output);
    }
}
