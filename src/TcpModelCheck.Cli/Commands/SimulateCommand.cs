using System.CommandLine;
using System.Diagnostics;
using Spectre.Console;
using TcpModelCheck.Cli.Backend;
using TcpModelCheck.Cli.Options;
using TcpModelCheck.Cli.Output;
using TcpModelCheck.Engine.Simulation;

namespace TcpModelCheck.Cli.Commands;

/// <summary>
/// <c>tcpmc simulate</c>: N seeded random schedules (the engine's random walks), each checking the safety
/// properties on every step. Reaches deeper than the exhaustive search but proves nothing when it finds no
/// violation; liveness is not checked on single random paths. Exit 1 when any walk violates a property.
/// </summary>
internal static class SimulateCommand
{
    private sealed record Violation(string Property, int Count, int ShortestLength, ulong Seed, string ChoicePath);

    private sealed record Document(string Command, int ExitCode, IReadOnlyDictionary<string, string> Settings, ulong Seed,
        int Runs, int MaxSteps, long TotalSteps, double? Seconds, IReadOnlyList<Violation> Violations, string? TraceFile);

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
        command.SetAction(parse => (int)Run(context, backend.Open(config.Given(parse)), PropertyOption.Read(parse, properties),
            new Plan(parse.GetValue(seed), parse.GetValue(runs), parse.GetValue(steps)), output.Read(parse)));
        return command;
    }

    private sealed record Plan(ulong Seed, int Runs, int MaxSteps);

    private static ExitCode Run(CliContext context, IModelSession session, IReadOnlyList<string>? properties, Plan plan, OutputSettings output)
    {
        var clock = Stopwatch.StartNew();
        var seeds = new SplitMix64(plan.Seed);
        var found = new Dictionary<string, (int Count, WalkReport Shortest)>();
        long totalSteps = 0;
        var runs = 0;
        // Run i uses the i-th output of SplitMix64(seed) (run 0 uses the seed itself), so any one run can be
        // repeated alone from the seed stored in its trace.
        for (; runs < plan.Runs && !context.Cancel.IsCancellationRequested; runs++)
        {
            var walk = session.Walk(runs == 0 ? plan.Seed : seeds.NextUInt64(), plan.MaxSteps, properties);
            totalSteps += walk.Trace.Trace.Length;
            if (walk.Violated is not { } p) continue;
            found[p] = found.TryGetValue(p, out var f)
                ? (f.Count + 1, walk.Trace.Trace.Length < f.Shortest.Trace.Trace.Length ? walk : f.Shortest)
                : (1, walk);
        }
        var shortest = found.Values.Select(v => v.Shortest).OrderBy(w => w.Trace.Trace.Length).FirstOrDefault();
        if (output.OutFile is { } path && shortest is not null) TraceOutput.Write(shortest.Trace.Trace, path);
        var code = found.Count > 0 ? ExitCode.Violated : runs < plan.Runs ? ExitCode.Inconclusive : ExitCode.Ok;
        var violations = found.Select(kv => new Violation(kv.Key, kv.Value.Count, kv.Value.Shortest.Trace.Trace.Length,
            kv.Value.Shortest.Trace.Trace.Seed ?? 0, TraceOutput.ChoicePath(kv.Value.Shortest.Trace.Trace))).OrderBy(v => v.Property, StringComparer.Ordinal).ToList();
        var traceFile = shortest is not null ? output.OutFile : null;
        if (output.Json)
        {
            JsonOutput.Write(context.Out, new Document("simulate", (int)code, session.Settings, plan.Seed, runs, plan.MaxSteps,
                totalSteps, output.Timings ? Words.JsonSeconds(clock.Elapsed) : null, violations, traceFile));
            return code;
        }
        context.Out.WriteLine($"simulate: variant {session.Variant}, workload {session.Workload}");
        var timing = output.Timings ? $" in {Words.Seconds(clock.Elapsed)} s" : "";
        context.Out.WriteLine($"{Words.Count(runs)} random schedules from seed {plan.Seed} (at most {plan.MaxSteps} steps each, " +
                              $"{Words.Count(totalSteps)} steps in all){timing}: " +
                              (violations.Count == 0 ? "no safety property violated" : $"{violations.Count} propert{(violations.Count == 1 ? "y" : "ies")} violated"));
        if (runs < plan.Runs) context.Out.WriteLine($"cancelled after {Words.Count(runs)} of {Words.Count(plan.Runs)} schedules");
        if (violations.Count > 0)
        {
            var table = new Table().Border(TableBorder.Rounded).AddColumns("property", "schedules", "shortest", "seed");
            foreach (var v in violations) table.AddRow(Markup.Escape(v.Property), Words.Count(v.Count), v.ShortestLength.ToString(), v.Seed.ToString());
            context.Console.Write(table);
            TraceOutput.Print(context.Out, shortest!.Trace, output);
        }
        if (traceFile is not null) context.Out.WriteLine($"trace of {shortest!.Violated} written to {traceFile}");
        return code;
    }
}
