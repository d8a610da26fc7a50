using System.CommandLine;
using TcpModelCheck.Cli.Backend;
using TcpModelCheck.Cli.Options;
using TcpModelCheck.Cli.Output;
using TcpModelCheck.Engine.Checking;

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
            Description = "Which counterexample to draw: PROPERTY, VARIANT:PROPERTY, or none (default: the shortest one found)",
            HelpName = "choice",
        };
        var search = new SearchOptionSet();
        var output = new OutputOptionSet();
        config.AddTo(command);
        command.Add(properties);
        command.Add(trace);
        search.AddTo(command);
        output.AddTo(command);
        command.SetAction(parse =>
        {
            var cells = ComparisonPlan.Cells(backend, config.Given(parse));
            var sessions = cells.Select(c => (c, backend.Open(c.Settings))).ToList();
            var options = search.ToCheckOptions(parse, PropertyOption.Read(parse, properties));
            var choice = TraceChoice.Parse(parse.GetValue(trace), backend);
            return (int)Run(context, sessions, options, choice, output.Read(parse));
        });
        return command;
    }

    private static ExitCode Run(CliContext context, List<(MatrixCell Cell, IModelSession Session)> sessions,
        CheckOptions options, TraceChoice choice, OutputSettings output)
    {
        var results = new List<ComparisonResult>();
        foreach (var (cell, session) in sessions)
        {
            if (context.Cancel.IsCancellationRequested) break;
            results.Add(new ComparisonResult(cell, session, Search.Run(context, session, options, output, $"{cell.Variant}/{cell.Workload}: ")));
        }
        var code = results.Count < sessions.Count
            ? ExitCode.Inconclusive
            : Verdicts.ExitCodeOf(results.SelectMany(r => r.Report.Outcomes.Select(o => (o.Verdict, r.Cell.ExpectedFor(o.Property.Name)))));
        var shown = choice.Pick(results);
        if (output.OutFile is { } path && shown is not null) TraceOutput.Write(shown.Value.Trace.Trace, path);
        if (output.Json) ComparisonOutput.WriteJson(context, results, shown, code, output);
        else ComparisonOutput.WriteText(context, results, shown, output, choice);
        return code;
    }
}

/// <summary>The check of one matrix cell.</summary>
internal sealed record ComparisonResult(MatrixCell Cell, IModelSession Session, CheckReport Report);
