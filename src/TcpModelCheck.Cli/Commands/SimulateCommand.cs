using System.CommandLine;
using Spectre.Console;
using TcpModelCheck.Cli.Backend;
using TcpModelCheck.Cli.Options;
using TcpModelCheck.Cli.Output;

namespace TcpModelCheck.Cli.Commands;

/// <summary>
/// <c>tcpmc simulate</c>: N seeded random schedules (the engine's random walks), each checking the safety
/// properties on every step. Reaches deeper than the exhaustive search but proves nothing when it finds no
/// violation; liveness is not checked on single random paths. Exit 1 when any schedule violates a property,
/// 2 when Ctrl+C stopped the batch early without a violation.
/// </summary>
internal static class SimulateCommand
{
    private sealed record ViolationDocument(string Property, int Count, int ShortestLength, ulong Seed, string ChoicePath);

    private sealed record Document(string Command, int ExitCode, IReadOnlyDictionary<string, string> Settings, ulong Seed,
        int Runs, int MaxSteps, long TotalSteps, double? Seconds, IReadOnlyList<ViolationDocument> Violations, string? TraceFile);

    public static Command Create(CliContext context, IBackend backend)
    {
        var command = new Command("simulate", "Run N random schedules from a seed and report safety violations");
        var config = new ConfigOptionSet(backend);
        var properties = PropertyOption.Create();
        var runs = new Option<int>("--runs", "-n")
        {
            Description = "Number of random schedules", DefaultValueFactory = _ => 1000, HelpName = "n",
            CustomParser = Bounds.Number("--runs", 1, 100_000_000),
        };
        var seed = new Option<ulong>("--seed")
        {
            Description = "Seed of the first schedule (each schedule's own seed is stored in its trace)", DefaultValueFactory = _ => 1,
            HelpName = "n", CustomParser = Bounds.Number("--seed", ulong.MinValue, ulong.MaxValue),
        };
        var steps = new Option<int>("--steps")
        {
            Description = "Maximum steps per schedule", DefaultValueFactory = _ => 200, HelpName = "n",
            CustomParser = Bounds.Number("--steps", 1, 1_000_000),
        };
        var output = new OutputOptionSet();
        config.AddTo(command);
        command.Add(properties);
        command.Add(runs);
        command.Add(seed);
        command.Add(steps);
        output.AddTo(command);
        command.SetAction(parse =>
        {
            var session = backend.Open(config.Given(parse));
            var plan = new SimulationPlan(parse.GetValue(seed), parse.GetValue(runs), parse.GetValue(steps));
            var outcome = Simulation.Run(session, plan, PropertyOption.Read(parse, properties), context.Cancel);
            return (int)Report(context, session, plan, outcome, output.Read(parse));
        });
        return command;
    }

    private static ExitCode Report(CliContext context, IModelSession session, SimulationPlan plan, SimulationOutcome outcome, OutputSettings output)
    {
        var shortest = outcome.Shortest;
        if (output.OutFile is { } path && shortest is not null) TraceOutput.Write(shortest.Trace.Trace, path);
        var traceFile = shortest is not null ? output.OutFile : null;
        var code = outcome.Violations.Count > 0 ? ExitCode.Violated : outcome.Runs < plan.Runs ? ExitCode.Inconclusive : ExitCode.Ok;
        if (output.Json)
        {
            var violations = outcome.Violations.Select(v => new ViolationDocument(v.Property, v.Count, v.Shortest.Trace.Trace.Length,
                v.Shortest.Trace.Trace.Seed ?? 0, TraceOutput.ChoicePath(v.Shortest.Trace.Trace))).ToList();
            JsonOutput.Write(context.Out, new Document("simulate", (int)code, session.Settings, plan.Seed, outcome.Runs, plan.MaxSteps,
                outcome.TotalSteps, output.Timings ? Words.JsonSeconds(outcome.Elapsed) : null, violations, traceFile));
            return code;
        }
        PrintText(context, session, plan, outcome, output);
        if (traceFile is not null) context.Out.WriteLine($"trace of {shortest!.Violated} written to {traceFile}");
        return code;
    }

    private static void PrintText(CliContext context, IModelSession session, SimulationPlan plan, SimulationOutcome outcome, OutputSettings output)
    {
        var count = outcome.Violations.Count;
        context.Out.WriteLine($"simulate: {session.Name}");
        context.Out.WriteLine($"{Words.Count(outcome.Runs)} random schedules from seed {plan.Seed} (at most {plan.MaxSteps} steps each, " +
            $"{Words.Count(outcome.TotalSteps)} steps in all){(output.Timings ? $" in {Words.Seconds(outcome.Elapsed)} s" : "")}: " +
            (count == 0 ? "no safety property violated" : $"{count} propert{(count == 1 ? "y" : "ies")} violated"));
        if (outcome.Runs < plan.Runs) context.Out.WriteLine($"cancelled after {Words.Count(outcome.Runs)} of {Words.Count(plan.Runs)} schedules");
        if (count == 0) return;
        var table = new Table().Border(TableBorder.Rounded).AddColumns("property", "schedules", "shortest", "seed");
        foreach (var v in outcome.Violations)
            table.AddRow(Markup.Escape(v.Property), Words.Count(v.Count), v.Shortest.Trace.Trace.Length.ToString(), (v.Shortest.Trace.Trace.Seed ?? 0).ToString());
        context.Console.Write(table);
        TraceOutput.Print(context.Out, outcome.Shortest!.Trace, output);
    }
}
