using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Engine.Model;
using TcpModelCheck.Engine.Paths;
using TcpModelCheck.Engine.Tests.Paths;
using TcpModelCheck.Engine.Tests.Reference;

namespace TcpModelCheck.Engine.Tests;

/// <summary>
/// Liveness under time progress (<see cref="Fairness.TimeProgress"/>) on hand-drawn graphs with answers derived by
/// hand (<see cref="TinyGraph"/>: node 0 is initial, an action is the node it leads to). A tick is an edge named in
/// the test; a loop without one is Zeno — a run in which time never advances — and counts only under strong
/// fairness alone.
/// </summary>
public sealed class TimeProgressTests
{
    private const string Name = "eventually-q";

    /// <summary>"Eventually node <paramref name="goal"/>", strong fairness alone or with the given tick edges.</summary>
    private static Property<int, int> Eventually(int goal, params (int From, int To)[] ticks)
    {
        var p = Property<int, int>.Eventually(Name, s => s == goal);
        return ticks.Length == 0 ? p : p.AssumingTimeProgress((s, a) => ticks.Contains((s, a)));
    }

    private static Property<int, int> Strong(int goal) => Eventually(goal);

    // 0 → 1 ⇄ 2, and 0 → 3 (the goal). Tick: 0 → 1 only, so the cycle 1 ⇄ 2 takes no time.
    private static readonly int[][] ZenoWar = [[1, 3], [2], [1], []];

    [Fact]
    public void Under_strong_fairness_alone_a_zeno_loop_is_a_counterexample_and_replays()
    {
        var model = new TinyGraph(ZenoWar, Strong(goal: 3));
        var cx = Expect.LivenessViolation(model, ModelChecker.Check(model), Name);
        Assert.Equal("0/0/0", cx.Trace.ChoicePath);   // 0 → 1 → 2 → 1
        Assert.Equal(1, cx.LoopStart);
    }

    [Fact]
    public void Under_time_progress_a_zeno_loop_is_no_counterexample_and_the_exclusion_is_reported()
    {
        var model = new TinyGraph(ZenoWar, Eventually(goal: 3, ticks: (0, 1)));
        var r = Expect.Verdict(ModelChecker.Check(model), Name, Verdict.Holds);
        Assert.Equal("holds when time progresses; excluded 1 timelock (2 states) reachable without the goal: cycles in "
            + "which time can never advance (strong fairness alone reports them as violations)", r.Reason);
    }

    [Fact]
    public void Under_time_progress_a_loop_that_ticks_is_a_counterexample()
    {
        var model = new TinyGraph(ZenoWar, Eventually(goal: 3, ticks: (2, 1)));
        var cx = Expect.LivenessViolation(model, ModelChecker.Check(model), Name);
        Assert.Equal("0/0/0", cx.Trace.ChoicePath);
        Assert.Equal(1, cx.LoopStart);
    }

    [Fact]
    public void The_strong_lasso_of_a_zeno_loop_is_not_reproduced_under_time_progress()
    {
        var strong = new TinyGraph(ZenoWar, Strong(goal: 3));
        var trace = ModelChecker.Check(strong)[Name].Counterexample!.Trace;
        Assert.True(Reproducer.Reproduce(strong, trace).Reproduced);
        var timed = new TinyGraph(ZenoWar, Eventually(goal: 3, ticks: (0, 1)));
        var r = Reproducer.Reproduce(timed, trace);
        Assert.False(r.Reproduced);
        Assert.Equal("the cycle (steps 2-3) takes no time-progress action: under time progress a loop in which time "
            + "never advances is not an execution", r.Reason);
    }

    [Fact]
    public void A_zeno_cycle_that_can_leave_for_a_ticking_one_gives_a_lasso_through_the_tick()
    {
        // 0 → 1 ⇄ 2 (Zeno), 1 → 3 ⇄ 4 with the tick 3 → 4; no goal (node 9 does not exist). Strong fairness makes
        // every run leave 1 ⇄ 2, so the fair runs end in 3 ⇄ 4, which ticks: violated, and the lasso is the
        // shortest stem to that bottom component (0 → 1 → 3, choices 0/1) and its cycle through the tick (0/0).
        int[][] graph = [[1], [2, 3], [1], [4], [3]];
        var timed = new TinyGraph(graph, Eventually(goal: 9, ticks: (3, 4)));
        var cx = Expect.LivenessViolation(timed, ModelChecker.Check(timed), Name);
        Assert.Equal("0/1/0/0", cx.Trace.ChoicePath);
        Assert.Equal(2, cx.LoopStart);
        // strong fairness alone stops at the first state that cannot reach the goal (0) and follows first choices
        var strong = new TinyGraph(graph, Strong(goal: 9));
        Assert.Equal("0/0/0", Expect.LivenessViolation(strong, ModelChecker.Check(strong), Name).Trace.ChoicePath);
    }

    [Fact]
    public void A_ticking_cycle_that_fairness_forces_into_a_timelock_has_no_admissible_run()
    {
        // 0 ⟲ tick, 0 → 1 ⟲ (no tick). Staying in 0 forever ticks but is not strongly fair (0 → 1 stays enabled),
        // and every run that reaches 1 is Zeno: no admissible infinite run at all, so eventually-q holds — and the
        // timelock {1} is reported.
        var model = new TinyGraph([[0, 1], [1]], Eventually(goal: 9, ticks: (0, 0)));
        var r = Expect.Verdict(ModelChecker.Check(model), Name, Verdict.Holds);
        Assert.Contains("excluded 1 timelock (1 states)", r.Reason);
    }

    [Fact]
    public void A_dead_end_is_a_counterexample_under_time_progress_too()
    {
        var model = new TinyGraph([[1], []], Eventually(goal: 9, ticks: (0, 1)));
        var cx = Expect.LivenessViolation(model, ModelChecker.Check(model), Name);
        Assert.Equal("0", cx.Trace.ChoicePath);
        Assert.Null(cx.LoopStart);
    }

    [Fact]
    public void The_cycle_is_the_shortest_one_back_to_the_entry_that_takes_a_tick()
    {
        // bottom component {1, 2, 3}: 1 → 2, 2 → 1, 2 → 3 (tick), 3 → 1. Entered at 1; 1 → 2 → 1 takes no tick, so
        // the cycle is 1 → 2 → 3 → 1: choices 0, 1, 0 after the stem 0.
        var model = new TinyGraph([[1], [2], [1, 3], [1]], Eventually(goal: 9, ticks: (2, 3)));
        var cx = Expect.LivenessViolation(model, ModelChecker.Check(model), Name);
        Assert.Equal("0/0/1/0", cx.Trace.ChoicePath);
        Assert.Equal(1, cx.LoopStart);
    }

    [Fact]
    public void A_leads_to_lasso_under_time_progress_starts_at_a_trigger_and_loops_through_a_tick()
    {
        // 0 → 1 (trigger), 1 → 0 (the goal) or 1 → 2 ⟲ tick: after the trigger, the run can tick forever in 2.
        var p = Property<int, int>.LeadsTo("p-leads-to-q", s => s == 1, s => s == 0).AssumingTimeProgress((s, a) => s == 2 && a == 2);
        var model = new TinyGraph([[1], [0, 2], [2]], p);
        var cx = Expect.LivenessViolation(model, ModelChecker.Check(model), "p-leads-to-q");
        Assert.Equal("0/1/0", cx.Trace.ChoicePath);
        Assert.Equal(2, cx.LoopStart);
    }

    [Fact]
    public void Time_progress_is_refused_for_a_safety_property()
    {
        var e = Assert.Throws<InvalidOperationException>(() =>
            Property<int, int>.Always("ok", _ => true).AssumingTimeProgress((_, _) => true));
        Assert.Contains("not a liveness property", e.Message);
    }
}
