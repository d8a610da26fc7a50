using System.CommandLine;
using TcpModelCheck.Cli.Backend;
using TcpModelCheck.Cli.Options;
using TcpModelCheck.Cli.Output;
using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Reports.Comparison;

namespace TcpModelCheck.Cli.Commands;

/// <summary>
/// <c>tcpmc compare</c>: checks every configuration of the comparison (by default the variant matrix; <c>--full</c>
/// the full one) through the comparison pipeline the property suite also runs (<see cref="ComparisonRunner"/>),
/// prints one table of verdicts against the expected ones, then one counterexample chart. The search limits apply
/// to each configuration's search; a configuration cut short (a limit, or a cancellation) stays in the table with
/// its unsettled verdicts inconclusive and the reason. Exit 0 when every verdict is the expected one, 1 when one
/// differs, 2 when a limit left one inconclusive or the run was cancelled.
/// </summary>
internal static class CompareCommand
{
    public static Command Create(CliContext context, IBackend backend)
    {
        var command = new Command("compare", "Check the variant matrix and print the comparison table and one counterexample " +
            "(the search limits apply to each configuration; progress goes to stderr)");
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
        var full = new Option<bool>("--full")
        {
            Description = "Check the full matrix: the default one and the configurations too big for it (see README)",
        };
        var search = new SearchOptionSet();
        var output = new OutputOptionSet();
        var html = HtmlReportFile.CreateOption();
        config.AddTo(command);
        command.Add(properties);
        command.Add(full);
        command.Add(trace);
        command.Add(markdown);
        command.Add(html);
        search.AddTo(command);
        output.AddTo(command);
        command.SetAction(parse =>
        {
            var cells = ComparisonPlan.Cells(backend, config.Given(parse), parse.GetValue(full));
            var cases = cells.Select(c => new SessionCase(c, backend.Open(c.Settings))).ToList();
            var options = search.ToCheckOptions(parse, PropertyOption.Read(parse, properties));
            var choice = TraceChoice.Parse(parse.GetValue(trace), backend);
            var settings = output.Read(parse);
            var quiet = settings.Json || parse.GetValue(markdown);
            Action<ComparisonReport>? report = parse.GetValue(html) is { } file
                ? r => HtmlReportFile.WriteComparison(context, parse, file, r, settings.Timings, quiet)
                : null;
            return (int)Run(context, cases, options, choice, settings, parse.GetValue(markdown), report);
        });
        return command;
    }

    private static ExitCode Run(CliContext context, List<SessionCase> cases, CheckOptions options, TraceChoice choice,
        OutputSettings output, bool markdown, Action<ComparisonReport>? html)
    {
        var progress = new ComparisonProgress(context.Err, ComparisonProgress.IsTerminal(context.Err), cases.Count);
        ComparisonReport report;
        try
        {
            report = ComparisonRunner.Run(cases, options, progress.For, progress.Done, context.Cancel);
        }
        finally
        {
            progress.Clear();
        }
        var code = ExitCodeOf(report);
        var shown = choice.Pick(report) is { } pick ? (report.Rows[pick.Row], cases[pick.Row].Session.Draw(pick.Trace, Verdict.Violated)) : ((ComparisonRow, RenderedTrace)?)null;
        if (output.OutFile is { } path && shown is not null) TraceOutput.Write(shown.Value.Item2.Trace, path);
        if (output.Json) ComparisonOutput.WriteJson(context, report, shown, code, output);
        else if (markdown) ComparisonOutput.WriteMarkdown(context, report, shown, output);
        else ComparisonOutput.WriteText(context, report, shown, output, choice);
        html?.Invoke(report);
        return code;
    }

    /// <summary>1 when a settled verdict differs from the expected one; 2 when one is inconclusive (a limit) or the run
    /// was cancelled (a cancelled comparison never reads as finished, whatever it found before); else 0.</summary>
    internal static ExitCode ExitCodeOf(ComparisonReport report) => report.Ending == ComparisonEnding.Cancelled
        ? ExitCode.Inconclusive
        : Verdicts.ExitCodeOf(report.Cells.Select(x => (x.Cell.Found, x.Cell.Expected)));
}

/// <summary>A configuration of <c>compare</c>: the matrix cell and the session that checks it.</summary>
internal sealed class SessionCase(MatrixCell cell, IModelSession session)
    : ComparisonCase(cell.Name, cell.Variant, cell.Workload, session.Settings, cell.Expected)
{
    public IModelSession Session { get; } = session;

    public override ComparisonRow Check(CheckOptions options, Action<SearchProgress>? progress, CancellationToken cancel) =>
        Session.Compare(this, options, progress, cancel);
}
