using System.Collections.Immutable;
using System.CommandLine;
using TcpModelCheck.Cli.Backend;
using TcpModelCheck.Cli.Options;
using TcpModelCheck.Cli.Output;
using TcpModelCheck.Engine.Traces;

namespace TcpModelCheck.Cli.Commands;

/// <summary>
/// <c>tcpmc replay FILE</c>: rebuilds the model from the settings stored in a JSON trace (optionally overridden,
/// e.g. to replay a no-time-wait counterexample against rfc9293: the model re-resolves every field the new
/// variant governs, so the rules that run are the ones the label names), re-executes the choices and prints the
/// chart, after one line naming every setting that differs from the trace's.
/// Exit 1 when the replay reproduces a violation; 0 only when the complete, valid trace replays without its
/// violation (the regression check's "fixed"); 3 when the file is damaged or inconsistent (checked whole first:
/// <see cref="ReplayValidation"/>), a lasso's loop does not close, or the trace diverges from the model (the step
/// and what differed go to stderr; the chart of the steps that did replay still goes to stdout).
/// </summary>
internal static class ReplayCommand
{
    private sealed record DivergenceDocument(int Step, string Expected, string Found);

    private sealed record Document(string Command, int ExitCode, string File, IReadOnlyDictionary<string, string> Settings,
        int Steps, int ReplayedSteps, DivergenceDocument? Divergence, string? Property, string? Violated, int? ViolationStep,
        bool? LoopCloses, string ChoicePath, int? WitnessStep);

    public static Command Create(CliContext context, IBackend backend)
    {
        var command = new Command("replay", "Re-run a JSON trace file and print its chart, or say where it diverges");
        var file = new Argument<string>("trace") { Description = "A trace file written by check, compare or simulate (--out)" };
        var config = new ConfigOptionSet(backend);
        var output = new OutputOptionSet(traceFile: false);
        command.Add(file);
        config.AddTo(command);
        output.AddTo(command);
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            var recorded = ReplayValidation.Read(path, backend);
            var session = ReplayValidation.Open(backend, path, recorded, config.Given(parse));
            ReplayValidation.CheckEnding(path, recorded, session);
            // The model was built from the trace's own settings (with the user's overrides on top), so the
            // choices are re-run on exactly that model: the trace takes the model's full, normalised settings.
            var trace = recorded with { Settings = session.Settings.ToImmutableSortedDictionary() };
            var settings = output.Read(parse);
            var target = settings.Mermaid ? context.ForMermaid() : context;
            if (!settings.Json) PrintChanges(target, recorded, session);
            return (int)Run(target, path, trace, session.Replay(trace), session, settings);
        });
        return command;
    }

    /// <summary>"replayed with variant=rfc9293 (trace: naive-fin), naive-fin=false (trace: true)": every setting
    /// the run uses that the trace file records otherwise ("default" in a hand-written file is not a difference).
    /// Nothing when the trace runs as recorded.</summary>
    private static void PrintChanges(CliContext context, Trace recorded, IModelSession session)
    {
        var changes = session.Settings
            .Where(kv => recorded.Settings.TryGetValue(kv.Key, out var was) && was != kv.Value && was != "default")
            .Select(kv => $"{kv.Key}={kv.Value} (trace: {recorded.Settings[kv.Key]})")
            .ToList();
        if (changes.Count > 0) context.Out.WriteLine($"replayed with {string.Join(", ", changes)}");
    }

    private static ExitCode Run(CliContext context, string path, Trace trace, ReplayReport report, IModelSession session, OutputSettings output)
    {
        var broken = ReplayValidation.BrokenLoop(path, trace, report);
        var code = report.Divergence is not null || broken is not null ? ExitCode.BadInput
            : report.Violated is not null ? ExitCode.Violated : ExitCode.Ok;
        if (output.Json)
        {
            var d = report.Divergence;
            JsonOutput.Write(context.Out, new Document("replay", (int)code, path, session.Settings, trace.Length,
                report.Partial?.Trace.Length ?? 0, d is null ? null : new DivergenceDocument(d.Step, d.Expected, d.Found),
                trace.Property, report.Violated, report.ViolationStep, report.LoopCloses, TraceOutput.ChoicePath(trace), report.WitnessStep));
        }
        else PrintText(context, trace, report with { Violated = broken is null ? report.Violated : null }, output, broken is not null);
        if (report.Divergence is { } divergence)
            Tcpmc.Error(context, $"trace file '{path}' does not replay: {divergence}");
        if (broken is not null) Tcpmc.Error(context, broken);
        return code;
    }

    private static void PrintText(CliContext context, Trace trace, ReplayReport report, OutputSettings output, bool invalid)
    {
        // a loop that does not close is not drawn: the chart would show it closing
        if (report.Partial is { } partial && !invalid) TraceOutput.Print(context, partial, output);
        if (report.Divergence is not null || invalid) return;
        if (report.LoopCloses is { } closes)
            context.Out.WriteLine(closes
                ? $"the loop closes: the state after step {trace.Length} is the state after step {trace.LoopStart}"
                : $"the loop does not close: the state after step {trace.Length} differs from the state after step {trace.LoopStart}");
        if (trace.Property is { } witness && report.WitnessStep is { } at)
            context.Out.WriteLine($"reached: witness {witness} holds after step {at}");
        else if (report.Violated is { } v && (report.Reproduced || trace.Property is null))
            context.Out.WriteLine($"reproduced: {v} violated at step {report.ViolationStep}");
        else if (trace.Property is not null)
            context.Out.WriteLine($"not reproduced: {report.Reason}");
        else
            context.Out.WriteLine($"replayed all {trace.Length} steps: no safety property violated");
    }
}
