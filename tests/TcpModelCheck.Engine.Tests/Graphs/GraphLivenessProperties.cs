using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Engine.Tests.Reference;

namespace TcpModelCheck.Engine.Tests.Graphs;

/// <summary>
/// Liveness on random graphs (which have cycles, self-loops and dead ends) against the definition evaluated
/// naively (<see cref="NaiveSearch{TState,TAction}.LivenessFails"/>), under strong fairness and under time
/// progress (tick edges): same verdict, and every violation is a lasso that truly avoids the goal forever (under
/// time progress, in a bottom component through a tick) and replays from JSON.
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
    public void Under_time_progress_a_verdict_that_holds_names_exactly_the_timelocks_it_excluded() => GraphCheck.ForAll(g =>
    {
        var model = new GraphModel(g);
        var naive = new NaiveSearch<int, int>(model);
        var result = ModelChecker.Check(model, CheckOptions.Default with { Properties = GraphModel.Liveness });
        foreach (var name in new[] { GraphModel.EventuallyGoalTimed, GraphModel.TriggerLeadsToGoalTimed })
        {
            var property = model.Properties.Single(p => p.Name == name);
            if (result[name].Verdict != Verdict.Holds) continue;
            var timelocks = naive.TimelocksMet(property);
            if (timelocks.Count == 0) Assert.Null(result[name].Reason);
            else Assert.Contains($"excluded {(timelocks.Count == 1 ? "1 timelock" : $"{timelocks.Count} timelocks")} "
                + $"({timelocks.Sum(b => b.Count)} states)", result[name].Reason);
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
            Assert.Equal(result[GraphModel.EventuallyGoalTimed].Verdict, result[GraphModel.TriggerLeadsToGoalTimed].Verdict);
        });
    }
}
