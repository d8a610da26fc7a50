using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Engine.Tests.Models;
using TcpModelCheck.Engine.Tests.Reference;

namespace TcpModelCheck.Engine.Tests;

/// <summary>The Die Hard jugs puzzle: breadth-first search must find the known 6-step solution (see
/// <see cref="WaterJugsModel"/> for the derivation of every number pinned here).</summary>
public class WaterJugsTests
{
    private readonly WaterJugsModel _model = new();

    [Fact]
    public void Breadth_first_finds_the_known_six_step_solution()
    {
        var result = ModelChecker.Check(_model);
        var cx = Expect.SafetyViolation(_model, result, "no-target");
        Assert.Equal(6, cx.Length);
        Assert.Equal(new Jugs(3, 4), cx.Final);
        Assert.Equal(
            [JugAction.FillBig, JugAction.PourBigIntoSmall, JugAction.EmptySmall, JugAction.PourBigIntoSmall, JugAction.FillBig, JugAction.PourBigIntoSmall],
            cx.Steps.Select(s => s.Action));
    }

    [Fact]
    public void Explores_exactly_the_sixteen_states_with_a_jug_empty_or_full()
    {
        var result = ModelChecker.Check(_model);
        var naive = new NaiveSearch<Jugs, JugAction>(_model);
        Assert.Equal(16, result.Statistics.DistinctStates);
        Assert.Equal(naive.Distance.Count, result.Statistics.DistinctStates);
        Assert.Equal(naive.Transitions, result.Statistics.Transitions);
        Assert.Equal(7, result.Statistics.MaxDepth);
        Assert.All(naive.Reachable, s => Assert.True(s.Small is 0 or 3 || s.Big is 0 or 5, $"{s}"));
        Assert.Equal(StopReason.None, result.Statistics.StopReason);
    }

    [Fact]
    public void A_reachable_witness_holds_with_a_shortest_path_to_it()
    {
        var result = ModelChecker.Check(_model);
        var witness = Expect.Verdict(result, "target-reachable", Verdict.Holds).Witness;
        Assert.NotNull(witness);
        Expect.IsValidPath(_model, witness);
        Assert.Equal(6, witness.Length);
        Assert.Equal(4, witness.Final.Big);
    }

    [Fact]
    public void An_unreachable_witness_is_violated_with_a_reason_and_no_path()
    {
        var r = Expect.Verdict(ModelChecker.Check(_model), "two-and-two", Verdict.Violated);
        Assert.Null(r.Counterexample);
        Assert.False(string.IsNullOrWhiteSpace(r.Reason));
    }

    [Fact]
    public void Action_property_and_deadlock_freedom_hold()
    {
        var result = ModelChecker.Check(_model);
        Expect.Verdict(result, "pouring-keeps-water", Verdict.Holds);
        Expect.Verdict(result, "no-deadlock", Verdict.Holds);
    }

    [Fact]
    public void The_target_is_reachable_exactly_when_the_capacities_allow_it()
    {
        // With jugs of 2 and 6 litres every amount is even: 3 litres is unreachable and the invariant holds,
        // while 4 takes 2 steps (fill the big jug (0,6), pour it into the small one (2,4)).
        var odd = new WaterJugsModel(2, 6, 3);
        var result = ModelChecker.Check(odd);
        Expect.Verdict(result, "no-target", Verdict.Holds);
        Expect.Verdict(result, "target-reachable", Verdict.Violated);
        var even = new WaterJugsModel(2, 6, 4);
        Assert.Equal(2, Expect.SafetyViolation(even, ModelChecker.Check(even), "no-target").Length);
    }
}
