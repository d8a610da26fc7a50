using TcpModelCheck.Engine.Paths;
using TcpModelCheck.Engine.Schedules;
using TcpModelCheck.Engine.Simulation;
using TcpModelCheck.Engine.Traces;
using TcpModelCheck.Tcp.Schedules;

namespace TcpModelCheck.Tcp.Tests.Schedules;

/// <summary>Schedules on the TCP model: every one is a valid run, runs are reproducible, and the public API
/// the CLI uses reports bad input in one line.</summary>
public sealed class TcpScheduleTests
{
    public static TheoryData<string, string, bool> Configurations()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var v in Variants.All)
            foreach (var w in new[] { Workloads.ClientClosesFirst, Workloads.Reconnect })
                foreach (var deep in new[] { false, true })
                    data.Add(v.Name, w, deep);
        return data;
    }

    private static TcpConfig Config(string variant, string workload, bool deep) =>
        deep ? DeepConfigs.For(variant, workload) : TcpConfig.ForVariant(variant) with { Workload = workload };

    [Theory]
    [MemberData(nameof(Configurations))]
    public void Every_generated_schedule_is_a_valid_run_that_replays_from_json_to_the_same_violation(string variant, string workload, bool deep)
    {
        var model = new TcpModel(Config(variant, workload, deep));
        var interpreter = TcpSchedules.Interpreter(model);
        for (var i = 0; i < 40; i++)
        {
            var result = interpreter.Run(TcpSchedules.Generate(ScheduleSearch.RunSeed(5, i)));
            var back = TraceJson.Deserialize(TraceJson.Serialize(result.Trace));
            var rebuilt = TcpModel.FromSettings(back.Settings);
            var reproduction = Reproducer.Reproduce(rebuilt, back);
            Assert.True(reproduction.Divergence is null, reproduction.Reason);
            Assert.Equal(result.Violation, reproduction.Violation);
            Assert.Equal(result.Violation is not null, reproduction.Reproduced);
            Assert.Equal(result.Outcome.Steps, back.Length);
        }
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void A_random_walk_converted_to_a_schedule_makes_the_same_choices(string variant, string workload, bool deep)
    {
        var model = new TcpModel(Config(variant, workload, deep));
        var interpreter = TcpSchedules.Interpreter(model);
        for (ulong seed = 0; seed < 25; seed++)
        {
            var (walk, violation) = Simulator.RandomWalk(model, seed, 120);
            var schedule = TcpSchedules.FromTrace(model, walk);
            Assert.Equal(walk.Length, schedule.Length);
            var run = interpreter.Run(schedule);
            Assert.Equal(walk.ChoicePath, run.Trace.ChoicePath);
            Assert.Equal(violation, run.Violation);
            Assert.Equal(schedule, interpreter.Canonical(schedule)); // a converted trace is already canonical
        }
    }

    [Fact]
    public void Every_action_kind_has_an_intent_kind()
    {
        var kinds = Enum.GetValues<TcpActionKind>().Select(k => $"{k}:{TcpSchedules.Classify(new TcpAction(k, Side.Client))}");
        Assert.Equal(["Open:App", "Send:App", "Close:App", "Abort:App", "Deliver:Deliver", "Lose:Lose", "Duplicate:Duplicate",
            "Timeout:Timeout", "Tick:Tick", "Crash:Crash", "Delay:Delay"], kinds);
    }

    [Fact]
    public void The_text_form_names_every_kind_and_round_trips()
    {
        var text = "app deliver3 lose dup12 tick timeout1 crash delay2";
        var schedule = TcpSchedules.Parse(text);
        Assert.Equal(text, schedule.ToString());
        Assert.Equal(Enum.GetValues<IntentKind>(), schedule.Intents.Select(i => i.Kind).Order());
        Assert.Equal(4, schedule.Faults);   // lose, dup, crash, delay
    }

    [Fact]
    public void A_batch_is_reproducible_from_its_seed_and_each_finding_from_its_run_seed()
    {
        var config = DeepConfigs.For(Variants.NaiveFin, Workloads.ClientClosesFirst);
        var a = TcpSchedules.Search(config, 3, 300);
        var b = TcpSchedules.Search(config, 3, 300);
        Assert.Equal(a.Steps, b.Steps);
        Assert.Equal(a.ViolationsByProperty, b.ViolationsByProperty);
        Assert.Equal(a.Findings.Select(f => f.Result.Trace.ChoicePath), b.Findings.Select(f => f.Result.Trace.ChoicePath));
        Assert.NotEmpty(a.Findings);
        foreach (var f in a.Findings)
        {
            Assert.Equal(f.Original, TcpSchedules.Generate(f.RunSeed));
            Assert.Equal(f.RunSeed, ScheduleSearch.RunSeed(3, f.Run));
            Assert.True(f.Shrink.LocalMinimum);
            Assert.True(f.Shrink.Schedule.Length <= f.Original.Length);
            var reproduction = Reproducer.Reproduce(new TcpModel(config), f.Result.Trace);
            Assert.True(reproduction.Reproduced, reproduction.Reason);
            Assert.Equal(f.Property, reproduction.Violation?.Property);
        }
    }

    [Fact]
    public void Deep_configurations_are_valid_and_go_beyond_the_explorer_defaults()
    {
        foreach (var v in Variants.All)
        {
            var deep = DeepConfigs.For(v.Name, Workloads.Reconnect);
            Assert.Empty(deep.Validate());
            Assert.Equal(DeepConfigs.Incarnations, deep.Incarnations);
            // The budgets asked for are granted in full (the model accepts up to 31 losses and 15 duplications).
            Assert.Equal(DeepConfigs.Losses, deep.LossBudget);
            Assert.Equal(DeepConfigs.Duplications, deep.DuplicationBudget);
            Assert.True(deep.LossBudget > TcpConfig.Default.LossBudget && deep.DuplicationBudget > TcpConfig.Default.DuplicationBudget);
            Assert.True(deep.SequenceSpace < TcpConfig.Default.SequenceSpace);
        }
    }

    [Fact]
    public void Unknown_and_liveness_property_names_are_refused_in_one_line()
    {
        var model = new TcpModel();
        var unknown = Assert.Throws<ArgumentException>(() => TcpSchedules.Run(model, TcpSchedules.Kinds.Empty, ["no-such"]));
        Assert.StartsWith("unknown property 'no-such'; safety properties: no-stale-data, ", unknown.Message);
        Assert.DoesNotContain('\n', unknown.Message);
        var liveness = Assert.Throws<ArgumentException>(() => TcpSchedules.Run(model, TcpSchedules.Kinds.Empty, [TcpProperties.EventuallyClosed]));
        Assert.Equal("property 'eventually-closed' is not a safety property (Eventually): a finite run cannot refute it; use the explorer (tcpmc check)", liveness.Message);
    }
}
