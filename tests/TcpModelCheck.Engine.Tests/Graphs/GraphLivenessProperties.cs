using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Engine.Tests.Reference;

namespace TcpModelCheck.Engine.Tests.Graphs;

/// <summary>
/// Liveness on random graphs (which have cycles, self-loops and dead ends) against the definition evaluated
/// naively (<see cref="NaiveSearch{TState,TAction}.LivenessFails"/>): same verdict, and every violation is a
/// lasso that truly avoids the goal forever and replays from JSON.
/// </summary>
public class GraphLivenessProperties
{
    [Fact]
    public void Liveness_verdicts_match_the_reference_and_violations_are_real_lassos() => GraphCheck.ForAll(g =>
    {
        var model = new GraphModel(g);
        var naive = new NaiveSearch<int, int>(model);
        var result = ModelChecker.Check(model, CheckOptions.Default with { Properties = GraphModel.Liveness });
        foreach (var name in GraphModel.Liveness)
        {
            var property = model.Properties.Single(p => p.Name == name);
            if (naive.LivenessFails(property)) Expect.LivenessViolation(model, result, name);
            else Expect.Verdict(result, name, Verdict.Holds);
        }
    });

    [Fact]
    public void Eventually_is_leads_to_from_the_initial_states()
    {
        // Cross-check of the two kinds on one graph family: with exactly the initial states as triggers,
        // "trigger leads to goal" and "eventually goal" must agree.
        GraphCheck.ForAll(g =>
        {
            var initial = g.Initial.ToHashSet();
            var marks = g.Marks.Select((m, i) => initial.Contains(i) ? m | NodeMark.Trigger : m & ~NodeMark.Trigger);
            var model = new GraphModel(g with { Marks = [.. marks] });
            var result = ModelChecker.Check(model, CheckOptions.Default with { Properties = GraphModel.Liveness });
            Assert.Equal(result[GraphModel.EventuallyGoal].Verdict, result[GraphModel.TriggerLeadsToGoal].Verdict);
        });
    }
}
