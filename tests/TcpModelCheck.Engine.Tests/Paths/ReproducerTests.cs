using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Engine.Model;
using TcpModelCheck.Engine.Paths;
using TcpModelCheck.Engine.Simulation;
using TcpModelCheck.Engine.Tests.Models;
using TcpModelCheck.Engine.Traces;

namespace TcpModelCheck.Engine.Tests.Paths;

/// <summary>
/// The one reproduce check on hand-drawn graphs whose answers are known, including the lassos the earlier
/// per-front-end checks judged wrongly: the CLI looked only at the cycle (so an answered trigger, or a goal met in
/// the stem, still "reproduced"), and the suites looked only after the last trigger (so a goal earlier on the cycle,
/// met again on every turn, went unseen).
/// </summary>
public sealed class ReproducerTests
{
    private static Property<int, int> LeadsTo(int trigger, int goal) => Property<int, int>.LeadsTo("p-leads-to-q", s => s == trigger, s => s == goal);

    private static Property<int, int> Eventually(int goal) => Property<int, int>.Eventually("eventually-q", s => s == goal);

    /// <summary>A trace of <paramref name="model"/> through the given nodes (each a successor of the one before).</summary>
    private static Trace Path(TinyGraph model, string property, int? loopStart, params int[] nodes)
    {
        var choices = new List<int>();
        for (var i = 1; i < nodes.Length; i++)
        {
            var actions = new List<int>();
            model.Actions(nodes[i - 1], actions);
            choices.Add(actions.IndexOf(nodes[i]));
        }
        return Replayer.Record(model, 0, choices, "test", property, loopStart);
    }

    [Fact]
    public void A_leads_to_lasso_whose_trigger_is_answered_in_the_stem_is_not_reproduced()
    {
        // 0 (trigger) -> 1 (goal) -> 2 -> 2: the cycle has no goal, but the only trigger was answered. The old CLI
        // check (no goal on the cycle) called this reproduced.
        var model = new TinyGraph([[1], [2], [2]], LeadsTo(trigger: 0, goal: 1));
        var r = Reproducer.Reproduce(model, Path(model, "p-leads-to-q", 2, 0, 1, 2, 2));
        Assert.False(r.Reproduced);
        Assert.True(r.LoopCloses);
        Assert.Equal("replaying all 3 steps does not violate p-leads-to-q: every trigger on the path is followed by a goal state", r.Reason);
    }

    [Fact]
    public void An_eventually_lasso_that_meets_the_goal_in_its_stem_is_not_reproduced()
    {
        var model = new TinyGraph([[1], [2], [2]], Eventually(goal: 1));
        var r = Reproducer.Reproduce(model, Path(model, "eventually-q", 2, 0, 1, 2, 2));
        Assert.False(r.Reproduced);
        Assert.Equal("replaying all 3 steps does not violate eventually-q: its goal holds on the path", r.Reason);
    }

    [Fact]
    public void A_goal_earlier_on_the_cycle_answers_a_trigger_later_on_it()
    {
        // cycle 0 -> 1 (goal) -> 2 (trigger) -> 3 -> 0: every turn meets the goal again. The old suite check (no goal
        // after the last trigger, read off the list of states) called this reproduced.
        var model = new TinyGraph([[1], [2], [3], [0]], LeadsTo(trigger: 2, goal: 1));
        var r = Reproducer.Reproduce(model, Path(model, "p-leads-to-q", 0, 0, 1, 2, 3, 0));
        Assert.False(r.Reproduced);
        Assert.Equal("replaying all 4 steps does not violate p-leads-to-q: its goal holds on the cycle, after step 1", r.Reason);
    }

    [Fact]
    public void A_trigger_with_no_goal_after_it_on_a_closed_cycle_is_reproduced()
    {
        // 0 -> 1 (goal) -> 2 (trigger) -> 3 -> 3: the goal came before the trigger, never after.
        var model = new TinyGraph([[1], [2], [3], [3]], LeadsTo(trigger: 2, goal: 1));
        var r = Reproducer.Reproduce(model, Path(model, "p-leads-to-q", 3, 0, 1, 2, 3, 3));
        Assert.True(r.Reproduced, r.Reason);
        Assert.Equal(new PathViolation("p-leads-to-q", 4), r.Violation);
    }

    [Fact]
    public void A_lasso_that_does_not_close_or_whose_loop_start_is_out_of_range_is_not_reproduced()
    {
        var model = new TinyGraph([[1], [2], [2]], Eventually(goal: 9));
        var open = Reproducer.Reproduce(model, Path(model, "eventually-q", 0, 0, 1, 2));
        Assert.False(open.Reproduced);
        Assert.False(open.LoopCloses);
        Assert.Equal("the loop does not close: the state after step 2 differs from the state after step 0", open.Reason);
        var outOfRange = Reproducer.Reproduce(model, Path(model, "eventually-q", 3, 0, 1, 2));
        Assert.False(outOfRange.Reproduced);
        Assert.Equal("the loop start 3 is not a state before the last (2 steps)", outOfRange.Reason);
        Assert.True(Reproducer.Reproduce(model, Path(model, "eventually-q", 2, 0, 1, 2, 2)).Reproduced);
    }

    [Fact]
    public void A_lasso_without_a_loop_must_end_where_no_action_is_enabled()
    {
        var model = new TinyGraph([[1], [2], []], Eventually(goal: 9));
        Assert.True(Reproducer.Reproduce(model, Path(model, "eventually-q", null, 0, 1, 2)).Reproduced);
        var early = Reproducer.Reproduce(model, Path(model, "eventually-q", null, 0, 1));
        Assert.False(early.Reproduced);
        Assert.Equal("the trace has no loop and its last state still has an enabled action", early.Reason);
    }

    [Fact]
    public void A_safety_trace_reproduces_only_when_violated_at_its_last_step()
    {
        var model = new TinyGraph([[1], [2], [3], [3]], Property<int, int>.Always("not-2", s => s != 2));
        var exact = Reproducer.Reproduce(model, Path(model, "not-2", null, 0, 1, 2));
        Assert.True(exact.Reproduced, exact.Reason);
        Assert.Equal(new PathViolation("not-2", 2), exact.Violation);
        var longer = Reproducer.Reproduce(model, Path(model, "not-2", null, 0, 1, 2, 3));
        Assert.False(longer.Reproduced);
        Assert.Equal(new PathViolation("not-2", 2), longer.Violation);
        Assert.Equal("not-2 is violated at step 2, before the trace's last step 3", longer.Reason);
        var shorter = Reproducer.Reproduce(model, Path(model, "not-2", null, 0, 1));
        Assert.False(shorter.Reproduced);
        Assert.Null(shorter.Violation);
    }

    [Fact]
    public void A_witness_reproduces_when_reached_and_an_unclaimed_trace_reports_its_first_violation()
    {
        var model = new TinyGraph([[1], [2], [2]], Property<int, int>.Sometimes("reach-2", s => s == 2),
            Property<int, int>.Always("not-1", s => s != 1));
        var witness = Reproducer.Reproduce(model, Path(model, "reach-2", null, 0, 1, 2, 2));
        Assert.True(witness.Reproduced);
        Assert.Equal(2, witness.WitnessStep);
        var unclaimed = Reproducer.Reproduce(model, Path(model, null!, null, 0, 1, 2) with { Property = null });
        Assert.False(unclaimed.Reproduced);
        Assert.Equal(new PathViolation("not-1", 1), unclaimed.Violation);
    }

    [Fact]
    public void A_diverging_trace_names_the_step_and_an_unknown_property_is_refused()
    {
        var model = new TinyGraph([[1], [2], [2]], Eventually(goal: 9));
        var trace = Path(model, "eventually-q", null, 0, 1, 2);
        var bad = trace with { Steps = [trace.Steps[0], new TraceStep(4, "")] };
        var r = Reproducer.Reproduce(model, bad);
        Assert.False(r.Reproduced);
        Assert.Equal("diverges at step 2: expected choice 4 (), found only 1 enabled action(s)", r.Divergence?.ToString());
        var e = Assert.Throws<ArgumentException>(() => Reproducer.Reproduce(model, trace with { Property = "nope" }));
        Assert.Equal("the trace claims property 'nope', which model 'tiny-graph' does not have; properties: eventually-q", e.Message);
    }

    [Fact]
    public void Every_explorer_lasso_of_the_toy_models_reproduces()
    {
        var retry = new VersionedRetryModel(adoptVersion: false);
        var result = ModelChecker.Check(retry);
        foreach (var name in new[] { "eventually-accepted", "request-leads-to-accept" })
        {
            var cx = result[name].Counterexample!;
            var r = Reproducer.Reproduce(retry, TraceJson.Deserialize(TraceJson.Serialize(cx.Trace)));
            Assert.True(r.Reproduced, r.Reason);
            Assert.True(r.LoopCloses);
        }
    }
}
