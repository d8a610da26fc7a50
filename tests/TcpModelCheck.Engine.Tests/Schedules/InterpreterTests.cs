using TcpModelCheck.Engine.Simulation;
using TcpModelCheck.Engine.Traces;
using TcpModelCheck.Engine.Schedules;

namespace TcpModelCheck.Engine.Tests.Schedules;

/// <summary>The schedule interpreter on the toy channel, whose answers are known by hand.</summary>
public sealed class InterpreterTests
{
    private static readonly ScheduleShape Shape = ToyChannel.Shape with { Length = 30, MaxSelector = 4 };

    private static IEnumerable<Schedule<ToyKind>> RandomSchedules(int count) =>
        Enumerable.Range(0, count).Select(i => ScheduleSearch.Generate(ToyChannel.Kinds, ScheduleSearch.RunSeed(7, i), Shape));

    [Fact]
    public void Every_generated_schedule_runs_to_a_trace_that_replays_to_the_same_violation()
    {
        var interpreter = ToyChannel.Interpreter(null);
        var violations = 0;
        foreach (var schedule in RandomSchedules(2000))
        {
            var result = interpreter.Run(schedule);
            var replay = Replayer.Replay(interpreter.Model, TraceJson.Deserialize(TraceJson.Serialize(result.Trace)));
            Assert.True(replay.Matches, replay.Divergence?.ToString());
            Assert.Equal(result.Outcome.Steps, result.Trace.Length);
            Assert.Equal(result.Violation, Simulator.FirstViolation(interpreter.Model, result.Trace));
            if (result.Violation is not null) violations++;
        }
        Assert.InRange(violations, 1, 1999); // both outcomes occur, so the check above compares real violations
    }

    [Fact]
    public void Running_a_schedule_twice_makes_the_same_choices()
    {
        var a = ToyChannel.Interpreter(null);
        var b = ToyChannel.Interpreter(null);
        foreach (var schedule in RandomSchedules(200))
        {
            var first = a.Run(schedule);
            a.Execute(ToyChannel.Kinds.Parse("app tick app")); // an unrelated run in between must not leak state
            Assert.Equal(first.Trace.Steps.ToArray(), a.Run(schedule).Trace.Steps.ToArray());
            Assert.Equal(first.Trace.ChoicePath, b.Run(schedule).Trace.ChoicePath);
        }
    }

    [Fact]
    public void An_intent_picks_the_kth_enabled_action_of_its_kind_modulo_their_number()
    {
        // After three sends, three messages are in flight: delivers are m0, m1, m2 in the model's order.
        var run = ToyChannel.Interpreter([]).Run(ToyChannel.Kinds.Parse("app app app deliver4"));
        Assert.Equal(["app", "app", "app", "deliver m1"], run.Trace.Steps.Select(s => s.Action));
    }

    [Fact]
    public void A_fault_whose_budget_is_spent_falls_back_to_the_kth_non_fault_action()
    {
        // The second loss finds the loss budget (1) spent: non-fault actions are [app, deliver m1, tick]; 4 mod 3 = 1.
        var run = ToyChannel.Interpreter([]).Run(ToyChannel.Kinds.Parse("app app lose lose4"));
        Assert.Equal(["app", "app", "lose m0", "deliver m1"], run.Trace.Steps.Select(s => s.Action));
    }

    [Fact]
    public void An_intent_with_neither_its_kind_nor_a_non_fault_action_enabled_is_skipped()
    {
        var interpreter = new ScheduleInterpreter<ToyState, ToyAction, ToyKind>(new OnlyFaultsModel(), ToyChannel.Kinds, a => a.Kind, []);
        // app; tick: only a loss is enabled, so it is skipped; lose; then nothing is enabled and the run ends.
        var outcome = interpreter.Execute(ToyChannel.Kinds.Parse("app tick lose tick"));
        Assert.Equal(new ScheduleOutcome(2, 3, null, RunEnd.NoAction), outcome);
        Assert.Equal([0, 0], interpreter.LastChoices);
    }

    [Fact]
    public void The_run_ends_when_no_action_is_enabled_and_the_rest_is_unused()
    {
        var outcome = ToyChannel.Interpreter(null).Execute(ToyChannel.Kinds.Parse("app app app deliver deliver deliver app app tick"));
        Assert.Equal(new ScheduleOutcome(7, 7, null, RunEnd.NoAction), outcome);
    }

    [Fact]
    public void The_run_stops_at_the_first_violation()
    {
        var outcome = ToyChannel.Interpreter(null).Execute(ToyChannel.Kinds.Parse("app app deliver1 deliver tick app"));
        Assert.Equal(new ScheduleOutcome(3, 3, new PathViolation("in-order", 3), RunEnd.Violation), outcome);
    }

    [Fact]
    public void A_random_walk_converted_to_a_schedule_makes_the_same_choices()
    {
        var interpreter = ToyChannel.Interpreter(null);
        for (ulong seed = 0; seed < 300; seed++)
        {
            var (walk, violation) = Simulator.RandomWalk(interpreter.Model, seed, 25);
            var run = interpreter.Run(interpreter.FromTrace(walk));
            Assert.Equal(walk.ChoicePath, run.Trace.ChoicePath);
            Assert.Equal(violation, run.Violation);
        }
    }

    [Fact]
    public void A_trace_that_does_not_replay_is_refused_with_the_divergence()
    {
        var interpreter = ToyChannel.Interpreter(null);
        var bad = new Trace { Model = "toy-channel", Steps = [new TraceStep(5, "")] };
        var e = Assert.Throws<InvalidOperationException>(() => interpreter.FromTrace(bad));
        Assert.Equal("trace does not replay: diverges at step 1: expected choice 5 (), found only 1 enabled action(s)", e.Message);
    }

    /// <summary>Only a loss is ever enabled after the first step: exercises the skip rule.</summary>
    private sealed class OnlyFaultsModel : Engine.Model.IModel<ToyState, ToyAction>
    {
        public string Name => "only-faults";
        public IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();
        public IReadOnlyList<ToyState> InitialStates { get; } = [default];
        public void Actions(in ToyState s, List<ToyAction> actions)
        {
            if (s.Sent == 0) actions.Add(new(ToyKind.App));
            else if (s.Losses == 0) actions.Add(new(ToyKind.Lose, 0));
        }
        public ToyState Next(in ToyState s, ToyAction a) => a.Kind == ToyKind.App ? s with { Sent = 1 } : s with { Losses = 1 };
        public bool IsTerminal(in ToyState s) => true;
        public IReadOnlyList<Engine.Model.Property<ToyState, ToyAction>> Properties { get; } = [];
        public int MaxEncodedLength => 2;
        public int Encode(in ToyState s, Span<byte> d) { d[0] = (byte)s.Sent; d[1] = (byte)s.Losses; return 2; }
    }
}
