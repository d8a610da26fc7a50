using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Engine.Model;
using TcpModelCheck.Engine.Tests.Models;
using TcpModelCheck.Engine.Tests.Reference;

namespace TcpModelCheck.Engine.Tests;

/// <summary>
/// The liveness pass runs after a complete search (every edge is rebuilt, then each property is checked) and is held
/// to the same limits: a limit reached there makes the liveness verdicts inconclusive, with the reason, while the
/// safety verdicts the complete search settled stand.
/// </summary>
public class LivenessLimitTests
{
    [Fact]
    public void Cancelled_while_the_liveness_graph_is_built_the_liveness_verdict_is_inconclusive_and_says_so()
    {
        using var cancel = new CancellationTokenSource();
        // 10 000 states, each expanded once by the breadth-first search: the 10 001st expansion is the graph rebuild's
        var model = new Cancelling<(int X, int Y), int>(new TorusModel(100), cancel, expansions: 10_000);
        var result = ModelChecker.Check(model, CheckOptions.Default, cancel: cancel.Token);
        Assert.Equal(StopReason.None, result.Statistics.StopReason);
        Assert.Equal(10_000, result.Statistics.DistinctStates);
        Assert.Equal(3, Expect.SafetyViolation(model, result, "x-below-3").Length);
        Expect.Verdict(result, "far-corner-reachable", Verdict.Holds);
        Expect.Verdict(result, "no-deadlock", Verdict.Holds);
        var live = Expect.Verdict(result, "eventually-back-on-x-axis", Verdict.Inconclusive);
        Assert.Equal("cancelled while building the graph for the liveness check (the search itself completed)", live.Reason);
    }

    [Fact]
    public void Without_the_limit_the_same_check_settles_the_liveness_property()
    {
        using var cancel = new CancellationTokenSource();
        var model = new Cancelling<(int X, int Y), int>(new TorusModel(100), cancel);
        var result = ModelChecker.Check(model, CheckOptions.Default, cancel: cancel.Token);
        Expect.Verdict(result, "eventually-back-on-x-axis", Verdict.Holds);
    }

    [Fact]
    public void Cancelled_during_one_propertys_liveness_check_that_verdict_is_inconclusive_and_says_so()
    {
        using var cancel = new CancellationTokenSource();
        // The goal is evaluated once per state by the check itself (never by the search): cancelling at its 101st call
        // lands inside the check, after the graph was built; the check asks the limits every 4,096 states.
        var model = new Cancelling<(int X, int Y), int>(new TorusModel(100), cancel, goalOf: "eventually-back-on-x-axis", goalCalls: 100);
        var result = ModelChecker.Check(model, CheckOptions.Default, cancel: cancel.Token);
        Assert.Equal(StopReason.None, result.Statistics.StopReason);
        Assert.Equal(10_000, result.Statistics.DistinctStates);
        Assert.True(cancel.IsCancellationRequested);
        Expect.Verdict(result, "far-corner-reachable", Verdict.Holds);
        var live = Expect.Verdict(result, "eventually-back-on-x-axis", Verdict.Inconclusive);
        Assert.Equal("cancelled during the liveness check of this property (the search itself completed)", live.Reason);
    }

    [Fact]
    public void Without_the_cancel_the_wrapped_goal_gives_the_same_verdict_as_the_model()
    {
        using var cancel = new CancellationTokenSource();
        var model = new Cancelling<(int X, int Y), int>(new TorusModel(100), cancel, goalOf: "eventually-back-on-x-axis");
        var result = ModelChecker.Check(model, CheckOptions.Default, cancel: cancel.Token);
        Expect.Verdict(result, "eventually-back-on-x-axis", Verdict.Holds);
    }

    /// <summary>The model <paramref name="inner"/>, cancelling <paramref name="cancel"/> once it has listed the actions of more
    /// than <paramref name="expansions"/> states, or once the goal of the eventually-property <paramref name="goalOf"/> has
    /// been evaluated more than <paramref name="goalCalls"/> times; otherwise the same model.</summary>
    private sealed class Cancelling<TState, TAction>(IModel<TState, TAction> inner, CancellationTokenSource cancel,
        int expansions = int.MaxValue, string? goalOf = null, int goalCalls = int.MaxValue)
        : IModel<TState, TAction> where TState : IEquatable<TState>
    {
        private int _expansions, _goalCalls;
        private IReadOnlyList<Property<TState, TAction>>? _properties;

        public string Name => inner.Name;
        public IReadOnlyDictionary<string, string> Settings => inner.Settings;
        public IReadOnlyList<TState> InitialStates => inner.InitialStates;

        public void Actions(in TState state, List<TAction> actions)
        {
            if (++_expansions > expansions) cancel.Cancel();
            inner.Actions(state, actions);
        }

        public TState Next(in TState state, TAction action) => inner.Next(state, action);
        public bool IsTerminal(in TState state) => inner.IsTerminal(state);
        public int MaxEncodedLength => inner.MaxEncodedLength;
        public int Encode(in TState state, Span<byte> destination) => inner.Encode(state, destination);

        public IReadOnlyList<Property<TState, TAction>> Properties => _properties ??= [.. inner.Properties.Select(p => p.Name != goalOf ? p
            : Property<TState, TAction>.Eventually(p.Name, s => { if (++_goalCalls > goalCalls) cancel.Cancel(); return p.Goal!(s); }, p.Description))];
    }
}
