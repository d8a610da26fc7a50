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
            var target = settings.Mermaid && !parse.GetValue(markdown) ? context.ForMermaid() : context;
            Action<ComparisonReport>? report = parse.GetValue(html) is { } file
                ? r => HtmlReportFile.WriteComparison(target, parse, file, r, settings.Timings, quiet)
                : null;
            return (int)Run(context, target, cases, options, choice, settings, parse.GetValue(markdown), report);
        });
        return command;
    }

    /// <param name="target">Where the report goes: <paramref name="context"/>, or under <c>--mermaid</c> its
    /// <see cref="CliContext.ForMermaid"/> (stdout carries the diagram alone).</param>
    private static ExitCode Run(CliContext context, CliContext target, List<SessionCase> cases, CheckOptions options, TraceChoice choice,
        OutputSettings output, bool markdown, Action<ComparisonReport>? html)
    {
        var progress = new ComparisonProgress(context.Err, context.Terminal.Progress, cases.Count);
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
        // The --out target was checked before the search; a write that still fails is reported after the report.
        var failed = output.OutFile is { } path && shown is not null ? TraceOutput.TryWrite(shown.Value.Item2.Trace, path) : null;
        if (failed is not null) code = ExitCode.BadInput;
        var written = failed is null ? output : output with { OutFile = null };
        if (output.Json) ComparisonOutput.WriteJson(target, report, shown, code, written);
        else if (markdown) ComparisonOutput.WriteMarkdown(target, report, shown, written);
        else ComparisonOutput.WriteText(target, report, shown, written, choice);
        try { html?.Invoke(report); }
        catch (BadInputException e) { failed ??= e.Message; code = ExitCode.BadInput; }
        if (failed is not null) Tcpmc.Error(context, failed);
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
