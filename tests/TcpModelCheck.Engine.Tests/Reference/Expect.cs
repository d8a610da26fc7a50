using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Engine.Model;
using TcpModelCheck.Engine.Paths;
using TcpModelCheck.Engine.Simulation;
using TcpModelCheck.Engine.Traces;

namespace TcpModelCheck.Engine.Tests.Reference;

/// <summary>
/// Assertions shared by the tests. Every expected violation is checked three ways: the counterexample is a
/// real path of the model (re-executed here, not trusted), its end violates the property, and its trace,
/// written to JSON and read back, replays to the same violation.
/// </summary>
public static class Expect
{
    public static PropertyResult<TState, TAction> Verdict<TState, TAction>(CheckResult<TState, TAction> result,
        string property, Verdict verdict)
    {
        var r = result[property];
        Assert.True(r.Verdict == verdict, $"{property}: expected {verdict}, got {r.Verdict} ({r.Reason})");
        return r;
    }

    /// <summary>Asserts a safety violation (invariant, action property or deadlock) and returns its counterexample.</summary>
    public static Counterexample<TState, TAction> SafetyViolation<TState, TAction>(IModel<TState, TAction> model,
        CheckResult<TState, TAction> result, string property) where TState : IEquatable<TState>
    {
        var cx = Verdict(result, property, Checking.Verdict.Violated).Counterexample;
        Assert.NotNull(cx);
        Assert.Equal(property, cx.Trace.Property);
        IsValidPath(model, cx);
        var p = model.Properties.Single(x => x.Name == property);
        Assert.True(p.IsSafety, $"{property} is not a safety property");
        // replayed from JSON, the path violates the property at its last step and not before
        var back = TraceJson.Deserialize(TraceJson.Serialize(cx.Trace));
        var reproduction = Reproducer.Reproduce(model, back);
        Assert.True(reproduction.Reproduced, reproduction.Reason);
        Assert.Equal(new PathViolation(property, cx.Length), reproduction.Violation);
        return cx;
    }

    /// <summary>Asserts a liveness violation and that its counterexample is a lasso the property really fails on:
    /// a valid path that, from its trigger on, never meets the goal, ending in a cycle that returns to the state at
    /// <c>LoopStart</c> (or in a state with no enabled action) from which the goal is unreachable.</summary>
    public static Counterexample<TState, TAction> LivenessViolation<TState, TAction>(IModel<TState, TAction> model,
        CheckResult<TState, TAction> result, string property) where TState : IEquatable<TState>
    {
        var cx = Verdict(result, property, Checking.Verdict.Violated).Counterexample;
        Assert.NotNull(cx);
        Assert.Equal(property, cx.Trace.Property);
        var p = model.Properties.Single(x => x.Name == property);
        IsLasso(model, p, cx);
        var back = TraceJson.Deserialize(TraceJson.Serialize(cx.Trace));
        Assert.Equal(cx.LoopStart, back.LoopStart);
        IsLasso(model, p, Replayer.ToCounterexample(model, back));
        return cx;
    }

    public static void IsLasso<TState, TAction>(IModel<TState, TAction> model, Property<TState, TAction> p,
        Counterexample<TState, TAction> cx) where TState : IEquatable<TState>
    {
        IsValidPath(model, cx);
        Assert.Equal(p.Name, cx.Trace.Property);
        // the lasso closes (or dead-ends), no goal state on its cycle, some trigger never answered: the engine's check
        var reproduction = Reproducer.Reproduce(model, cx.Trace);
        Assert.True(reproduction.Reproduced, reproduction.Reason);
        // what one path cannot show: from the end of the lasso the goal is unreachable altogether
        var naive = new NaiveSearch<TState, TAction>(model);
        Assert.False(naive.CanReach(cx.Final, p.Goal!), "the goal is still reachable from the end of the lasso");
        // under time progress: the lasso ends a fair execution in which time advances (a dead end, or a cycle in
        // a bottom component with a progress edge)
        if (p.Fairness == Fairness.TimeProgress)
            Assert.True(naive.EndsFairTimedRun(cx.Final, p), "the lasso ends where no fair execution lets time progress");
    }

    /// <summary>Re-executes the counterexample on the model: each choice is enabled, names the recorded action
    /// and leads to the recorded state.</summary>
    public static void IsValidPath<TState, TAction>(IModel<TState, TAction> model, Counterexample<TState, TAction> cx)
        where TState : IEquatable<TState>
    {
        var state = model.InitialStates[cx.Trace.Initial];
        Assert.Equal(state, cx.Initial);
        Assert.Equal(cx.Length, cx.Trace.Length);
        var actions = new List<TAction>();
        for (var i = 0; i < cx.Steps.Count; i++)
        {
            actions.Clear();
            model.Actions(state, actions);
            var step = cx.Steps[i];
            Assert.InRange(step.Choice, 0, actions.Count - 1);
            Assert.Equal(actions[step.Choice], step.Action);
            Assert.Equal(model.FormatAction(state, step.Action), cx.Trace.Steps[i].Action);
            state = model.Next(state, step.Action);
            Assert.Equal(state, step.State);
        }
    }
}
