using System.CommandLine;
using Spectre.Console;
using TcpModelCheck.Cli.Backend;
using TcpModelCheck.Cli.Options;
using TcpModelCheck.Cli.Output;
using TcpModelCheck.Engine.Schedules;

namespace TcpModelCheck.Cli.Commands;

/// <summary>
/// <c>tcpmc simulate</c>: N seeded random fault schedules (the engine's schedule search, the same schedules the
/// property suites run), each checking the safety properties on every step; the first violation of each property is
/// shrunk to a minimal schedule and drawn, and <c>--out</c> writes the shortest as a trace <c>tcpmc replay</c> reads
/// (<c>-p</c> selects the properties).
/// Reaches deeper than the exhaustive search but proves nothing when it finds no violation; liveness is not checked
/// on single random paths. Exit 1 when any schedule violates a property, 2 when Ctrl+C stopped the batch early
/// without a violation.
/// </summary>
internal static class SimulateCommand
{
    private sealed record ViolationDocument(string Property, int Count, int FirstRun, ulong RunSeed, int DrawnLength,
        int ShortestLength, string Schedule, string ChoicePath);

    private sealed record Document(string Command, int ExitCode, IReadOnlyDictionary<string, string> Settings, ulong Seed,
        string Strategy, int Runs, int Length, long TotalSteps, double? Seconds, IReadOnlyList<ViolationDocument> Violations, string? TraceFile);

    public static Command Create(CliContext context, IBackend backend)
    {
        var command = new Command("simulate", "Run N random fault schedules from a seed, shrink each violation found and draw it");
        var config = new ConfigOptionSet(backend);
        var properties = PropertyOption.Create();
        var runs = new Option<int>("--runs", "-n")
        {
            Description = "Number of random schedules", DefaultValueFactory = _ => 1000, HelpName = "n",
            CustomParser = Bounds.Number("--runs", 1, 100_000_000),
        };
        var seed = new Option<ulong>("--seed")
        {
            Description = "Seed of the batch (run i uses the i-th output of SplitMix64(seed), as in the test suites)", DefaultValueFactory = _ => 1,
            HelpName = "n", CustomParser = Bounds.Number("--seed", ulong.MinValue, ulong.MaxValue),
        };
        var steps = new Option<int>("--steps")
        {
            Description = "Intents (steps) per schedule", DefaultValueFactory = _ => 100, HelpName = "n",
            CustomParser = Bounds.Number("--steps", 1, 1_000_000),
        };
        var names = ScheduleStrategies.Names.Names.ToArray();
        var strategy = new Option<string>("--strategy")
        {
            Description = "How schedules are chosen: uniform (kind weights), swarm (random kinds per run), coverage (mutate "
                + "schedules that reached new state/action kinds), hold (segments held back for random times), "
                + "priority (holds plus a fixed random priority per action in each run, as PCT)",
            DefaultValueFactory = _ => ScheduleStrategies.Names.Name(ScheduleStrategies.Default),
            CustomParser = Bounds.OneOf("--strategy", names)!, HelpName = string.Join('|', names),
        };
        var output = new OutputOptionSet();
        var html = HtmlReportFile.CreateOption();
        config.AddTo(command);
        command.Add(properties);
        command.Add(runs);
        command.Add(seed);
        command.Add(steps);
        command.Add(strategy);
        output.AddTo(command);
        command.Add(html);
        command.SetAction(parse =>
        {
            var session = backend.Open(config.Given(parse));
            var plan = new SimulationPlan(parse.GetValue(seed), parse.GetValue(runs), parse.GetValue(steps),
                ScheduleStrategies.Names.TryParse(parse.GetValue(strategy)!)!.Value);
            var settings = output.Read(parse);
            var display = new ProgressDisplay(context.Err, context.Terminal.Progress);
            SimulationOutcome outcome;
            try
            {
                outcome = Simulation.Run(session, plan with { Progress = display.ForBatch(plan.Runs) },
                    PropertyOption.Read(parse, properties), context.Cancel);
            }
            finally { display.Clear(); }
            var target = settings.Mermaid ? context.ForMermaid() : context;
            var (code, failed) = Report(target, session, plan, outcome, settings);
            try
            {
                if (parse.GetValue(html) is { } file)
                    HtmlReportFile.WriteSimulation(target, parse, file, session, plan, outcome, settings.Timings, settings.Json);
            }
            catch (BadInputException e) { failed ??= e.Message; code = ExitCode.BadInput; }
            if (failed is not null) Tcpmc.Error(context, failed);
            return (int)code;
        });
        return command;
    }

    /// <summary>Prints the batch's report; returns the exit code and the error of a failed trace write (printed by
    /// the caller after the report).</summary>
    private static (ExitCode, string?) Report(CliContext context, IModelSession session, SimulationPlan plan, SimulationOutcome outcome, OutputSettings output)
    {
        var shortest = outcome.Shortest;
        var failed = output.OutFile is { } path && shortest is { } s ? TraceOutput.TryWrite(s.Trace.Trace, path) : null;
        var traceFile = shortest is not null && failed is null ? output.OutFile : null;
        var findings = outcome.Report.Findings;
        var code = failed is not null ? ExitCode.BadInput
            : findings.Count > 0 ? ExitCode.Violated : outcome.Runs < plan.Runs ? ExitCode.Inconclusive : ExitCode.Ok;
        if (output.Json)
        {
            var violations = findings.Select(f => new ViolationDocument(f.Finding.Property, f.Finding.Count, f.Finding.Run, f.Finding.RunSeed,
                f.Finding.DrawnLength, f.Trace.Trace.Length, f.Finding.Schedule, TraceOutput.ChoicePath(f.Trace.Trace))).ToList();
            JsonOutput.Write(context.Out, new Document("simulate", (int)code, session.Settings, plan.Seed, ScheduleStrategies.Names.Name(plan.Strategy),
                outcome.Runs, plan.Length, outcome.Report.Steps, output.Timings ? Words.JsonSeconds(outcome.Elapsed) : null, violations, traceFile));
            return (code, failed);
        }
        PrintText(context, session, plan, outcome, output);
        if (traceFile is not null)
            context.Out.WriteLine($"trace of {shortest!.Value.Finding.Property} (the shortest) written to {traceFile}"
                + (findings.Count > 1 ? "; choose another property's with -p" : ""));
        return (code, failed);
    }

    private static void PrintText(CliContext context, IModelSession session, SimulationPlan plan, SimulationOutcome outcome, OutputSettings output)
    {
        var findings = outcome.Report.Findings;
        var count = findings.Count;
        context.Out.WriteLine($"simulate: {session.Name}");
        context.Out.WriteLine($"{Words.Count(outcome.Runs)} {ScheduleStrategies.Names.Name(plan.Strategy)} schedules from seed {plan.Seed} "
            + $"({plan.Length} intents each, {Words.Count(outcome.Report.Steps)} steps in all){(output.Timings ? $" in {Words.Seconds(outcome.Elapsed)} s" : "")}: "
            + (count == 0 ? "no safety property violated" : $"{count} propert{(count == 1 ? "y" : "ies")} violated"));
        if (outcome.Runs < plan.Runs) context.Out.WriteLine($"cancelled after {Words.Count(outcome.Runs)} of {Words.Count(plan.Runs)} schedules");
        if (count == 0) return;
        var table = new Table().Border(TableBorder.Rounded).AddColumns("property", "schedules", "first at run", "run seed", "shrunk steps");
        foreach (var (f, trace) in findings)
            table.AddRow(Markup.Escape(f.Property), Words.Count(f.Count), f.Run.ToString(), f.RunSeed.ToString(), trace.Trace.Length.ToString());
        context.Console.Write(table);
        foreach (var (f, trace) in findings)
        {
            TraceOutput.Print(context, trace, output);
            context.Out.WriteLine($"shrunk schedule of {f.Property} ({trace.Trace.Length} steps, drawn with {f.DrawnLength} intents"
                + $"{(f.Minimal ? "" : ", shrink budget spent")}): {f.Schedule}");
        }
    }
}
