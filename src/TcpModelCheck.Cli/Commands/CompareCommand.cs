using System.CommandLine;
using TcpModelCheck.Cli.Backend;
using TcpModelCheck.Cli.Options;
using TcpModelCheck.Cli.Output;
using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Reports.Comparison;

namespace TcpModelCheck.Cli.Commands;

/// <summary>
/// <c>tcpmc compare</c>: checks every configuration of the comparison (by default the variant matrix), prints one
/// table of verdicts against the expected ones, then one counterexample chart. Exit 0 when every verdict is the
/// expected one, 1 when one differs, 2 when a limit left one inconclusive.
/// </summary>
internal static class CompareCommand
{
    public static Command Create(CliContext context, IBackend backend)
    {
        var command = new Command("compare", "Check the variant matrix and print the comparison table and one counterexample");
        var config = new ConfigOptionSet(backend);
        var properties = PropertyOption.Create();
        var trace = new Option<string>("--trace")
        {
            Description = "Which counterexample to draw: PROPERTY, VARIANT:PROPERTY, or none (default: no-time-wait:graceful-close if in the matrix, else the shortest found)",
            HelpName = "choice",
        };
        var markdown = new Option<bool>("--markdown")
        {
            Description = "Print the table as a Markdown matrix (configurations × properties) and the trace in a code block, for a README",
        };
        var search = new SearchOptionSet();
        var output = new OutputOptionSet();
        var html = HtmlReportFile.CreateOption();
        config.AddTo(command);
        command.Add(properties);
        command.Add(trace);
        command.Add(markdown);
        command.Add(html);
        search.AddTo(command);
        output.AddTo(command);
        command.SetAction(parse =>
        {
            var cells = ComparisonPlan.Cells(backend, config.Given(parse));
            var sessions = cells.Select(c => (c, backend.Open(c.Settings))).ToList();
            var options = search.ToCheckOptions(parse, PropertyOption.Read(parse, properties));
            var choice = TraceChoice.Parse(parse.GetValue(trace), backend);
            var settings = output.Read(parse);
            var quiet = settings.Json || parse.GetValue(markdown);
            Action<IReadOnlyList<ComparisonResult>>? report = parse.GetValue(html) is { } file
                ? results => HtmlReportFile.WriteComparison(context, parse, file, results, settings.Timings, quiet)
                : null;
            return (int)Run(context, backend.Expectations, sessions, options, choice, settings, parse.GetValue(markdown), report);
        });
        return command;
    }

    private static ExitCode Run(CliContext context, ExpectationTable expectations, List<(MatrixCell Cell, IModelSession Session)> sessions,
        CheckOptions options, TraceChoice choice, OutputSettings output, bool markdown, Action<IReadOnlyList<ComparisonResult>>? html)
    {
        var results = new List<ComparisonResult>();
        foreach (var (cell, session) in sessions)
        {
            if (context.Cancel.IsCancellationRequested) break;
            var report = Search.Run(context, session, options, output with { Json = output.Json || markdown }, $"{cell.Name}: ");
            results.Add(new ComparisonResult(cell, session, report, expectations));
        }
        var code = Verdicts.ExitCodeOf(results.SelectMany(r => r.Report.Outcomes.Select(o => (o.Verdict, r.ExpectedFor(o.Property.Name).Verdict))));
        if (code == ExitCode.Ok && results.Count < sessions.Count) code = ExitCode.Inconclusive;   // cancelled before the end
        var shown = choice.Pick(results);
        if (output.OutFile is { } path && shown is not null) TraceOutput.Write(shown.Value.Trace.Trace, path);
        if (output.Json) ComparisonOutput.WriteJson(context, results, shown, code, output);
        else if (markdown) ComparisonOutput.WriteMarkdown(context, results, shown, output);
        else ComparisonOutput.WriteText(context, results, shown, output, choice);
        html?.Invoke(results);
        return code;
    }
}

/// <summary>The check of one configuration of the comparison, with the table its verdicts are judged by.</summary>
internal sealed record ComparisonResult(MatrixCell Cell, IModelSession Session, CheckReport Report, ExpectationTable Expectations)
{
    public (Verdict Verdict, string? Why) ExpectedFor(string property) => Expectations.For(Cell.Name, property);
}
