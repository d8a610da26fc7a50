using System.CommandLine;
using TcpModelCheck.Cli.Backend;
using TcpModelCheck.Cli.Options;
using TcpModelCheck.Cli.Output;
using TcpModelCheck.Engine.Traces;

namespace TcpModelCheck.Cli.Commands;

/// <summary>
/// <c>tcpmc actions [config options] --path 0/0/1</c>: follows a choice path and lists the actions enabled at its
/// end with their choice indices, labelled as in the chart. This is how a trace is written by hand (the trace of an
/// RFC figure, say): extend the path one index at a time instead of guessing indices from divergence messages.
/// Exit 0; a malformed path or one that leaves the model is bad input (exit 3, one line naming the step).
/// </summary>
internal static class ActionsCommand
{
    private sealed record Document(string Command, int ExitCode, IReadOnlyDictionary<string, string> Settings, string Path,
        IReadOnlyList<EnabledAction> Taken, string State, IReadOnlyList<EnabledAction> Enabled, bool Terminal);

    public static Command Create(CliContext context, IBackend backend)
    {
        var command = new Command("actions", "List the actions enabled after a choice path, with their indices, labelled as in the chart");
        var config = new ConfigOptionSet(backend);
        var path = new Option<string>("--path")
        {
            Description = "The choice path to follow, e.g. 0/0/1 (default: the initial state); 'i1:0/2' starts from initial state 1",
            HelpName = "choices",
        };
        var json = new Option<bool>("--json") { Description = "Print one JSON document instead of text" };
        config.AddTo(command);
        command.Add(path);
        command.Add(json);
        command.SetAction(parse =>
        {
            var session = backend.Open(config.Given(parse));
            var report = session.ActionsAfter(Parse(parse.GetValue(path)));
            if (parse.GetValue(json))
                JsonOutput.Write(context.Out, new Document("actions", 0, session.Settings, report.Path.ToString(),
                    report.Taken, report.State, report.Enabled, report.Terminal));
            else Print(context.Out, session, report);
            return (int)ExitCode.Ok;
        });
        return command;
    }

    private static ChoicePath Parse(string? text)
    {
        try
        {
            return ChoicePath.Parse(text);
        }
        catch (FormatException e)
        {
            throw new BadInputException($"--path: {e.Message}");
        }
    }

    private static void Print(TextWriter output, IModelSession session, PathActions report)
    {
        var shown = report.Path.ToString();
        output.WriteLine($"actions: {session.Name} after {(shown == "" ? "no step (the initial state)" : $"{shown} ({report.Taken.Count} steps)")}");
        for (var i = 0; i < report.Taken.Count; i++) output.WriteLine($"  {i + 1,3}. [{report.Taken[i].Index}] {report.Taken[i].Label}");
        output.WriteLine($"state: {report.State}");
        if (report.Enabled.Count == 0)
        {
            output.WriteLine(report.Terminal ? "no action is enabled: the run is over" : "no action is enabled: a deadlock");
            return;
        }
        var next = shown == "" ? "" : shown + "/";
        output.WriteLine($"enabled actions (extend the path with --path {next}<index>):");
        foreach (var a in report.Enabled) output.WriteLine($"  {a.Index,3}  {a.Label}");
    }
}
