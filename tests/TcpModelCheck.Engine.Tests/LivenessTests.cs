using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Engine.Tests.Graphs;
using TcpModelCheck.Engine.Tests.Models;
using TcpModelCheck.Engine.Tests.Reference;

namespace TcpModelCheck.Engine.Tests;

/// <summary>
/// Liveness on cyclic graphs: a livelock (busy forever, never succeeding) must be reported as a lasso whose
/// cycle really returns to the state at <c>LoopStart</c>; a retry cycle that can always still succeed must
/// not be reported.
/// </summary>
public class LivenessTests
{
    [Fact]
    public void A_retry_loop_that_can_always_still_succeed_satisfies_liveness()
    {
        var model = new VersionedRetryModel(adoptVersion: true);
        var naive = new NaiveSearch<RetryState, RetryAction>(model);
        Assert.Contains(naive.Reachable, s => naive.Explore(naive.Successors(s), _ => true).Contains(s));   // cycles exist
        var result = ModelChecker.Check(model);
        Expect.Verdict(result, "eventually-accepted", Verdict.Holds);
        Expect.Verdict(result, "request-leads-to-accept", Verdict.Holds);
        Expect.Verdict(result, "no-deadlock", Verdict.Holds);
    }

    [Fact]
    public void A_livelock_is_reported_as_a_lasso_that_loops_back()
    {
        var model = new VersionedRetryModel(adoptVersion: false);
        var result = ModelChecker.Check(model);
        Expect.Verdict(result, "no-deadlock", Verdict.Holds);   // never stuck: always busy
        Expect.Verdict(result, "accepted-reachable", Verdict.Holds);
        var cx = Expect.LivenessViolation(model, result, "eventually-accepted");
        // derived in VersionedRetryModel's remarks: Upgrade, then Send, Nack, ignore — back to after the Upgrade
        Assert.Equal("1/0/0/0", cx.Trace.ChoicePath);
        Assert.Equal(1, cx.LoopStart);
        Assert.Equal(new RetryState(0, 1, Wire.Empty, 0, false), cx.States.ElementAt(1));
        Assert.Equal(cx.States.ElementAt(1), cx.Final);
    }

    [Fact]
    public void A_leads_to_violation_starts_its_lasso_at_a_trigger_state()
    {
        // The nearest request that can never be accepted: Send (choice 0) then Upgrade (choice 2, after Receive
        // and Lose) — the state (client v0, server v1, Request v0). From there the first choices cycle through
        // Receive (Nack), Receive (ignored), Send — back to it after 3 steps.
        var model = new VersionedRetryModel(adoptVersion: false);
        var cx = Expect.LivenessViolation(model, ModelChecker.Check(model), "request-leads-to-accept");
        Assert.Equal("0/2/0/0/0", cx.Trace.ChoicePath);
        Assert.Equal(2, cx.LoopStart);
        Assert.Equal(new RetryState(0, 1, Wire.Request, 0, false), cx.Final);
    }

    [Fact]
    public void A_run_trapped_in_a_deadlock_is_a_lasso_without_a_loop()
    {
        // Set-then-check mutex: both flags up (p0 then p1 raise: choices 0/1) and process 0 can never enter.
        var model = new NaiveMutexModel(FlagOrder.SetThenCheck);
        var cx = Expect.LivenessViolation(model, ModelChecker.Check(model), "p0-eventually-critical");
        Assert.Null(cx.LoopStart);
        Assert.Equal("0/1", cx.Trace.ChoicePath);
        Assert.Equal(new MutexState(1, 1), cx.Final);
    }

    [Fact]
    public void Without_a_deadlock_process_zero_always_can_still_enter()
    {
        var model = new NaiveMutexModel(FlagOrder.CheckThenSet);
        Expect.Verdict(ModelChecker.Check(model), "p0-eventually-critical", Verdict.Holds);
    }

    [Fact]
    public void Liveness_holds_on_a_graph_where_every_state_lies_on_a_cycle()
    {
        var result = ModelChecker.Check(new TorusModel(5), CheckOptions.Default with { Properties = ["eventually-back-on-x-axis"] });
        Expect.Verdict(result, "eventually-back-on-x-axis", Verdict.Holds);
        Assert.Equal(25, result.Statistics.DistinctStates);
    }

    [Theory]
    [InlineData(SearchStrategy.BreadthFirst)]
    [InlineData(SearchStrategy.DepthFirst)]
    [InlineData(SearchStrategy.ParallelBreadthFirst)]
    public void Every_initial_state_is_a_start_of_eventually_even_if_another_initial_state_reaches_it(SearchStrategy strategy)
    {
        // Initial states 0 and 1; 0 is a goal with an edge to 1, a dead end. The run that starts in 1 never meets
        // the goal. (Found by GraphAgreementProperties: depth-first search reaches 1 from 0 before taking it as
        // an initial state, so 1 gets a parent, and the liveness check took only parentless states as starts.)
        var model = new GraphModel(new GraphSpec([[new Edge(1, false)], []], [0, 1], [NodeMark.Goal, NodeMark.None]));
        var result = ModelChecker.Check(model, CheckOptions.Default with { Strategy = strategy, Properties = [GraphModel.EventuallyGoal] });
        var cx = Expect.LivenessViolation(model, result, GraphModel.EventuallyGoal);
        Assert.Equal("i1:", cx.Trace.ChoicePath);
        Assert.Null(cx.LoopStart);
    }
}
