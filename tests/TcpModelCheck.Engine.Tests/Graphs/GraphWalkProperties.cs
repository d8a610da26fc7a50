using TcpModelCheck.Engine.Model;
using TcpModelCheck.Engine.Simulation;
using TcpModelCheck.Engine.Tests.Reference;
using TcpModelCheck.Engine.Traces;

namespace TcpModelCheck.Engine.Tests.Graphs;

/// <summary>Seeded random walks on random graphs: a walk is a function of its seed, its trace replays, and it
/// stops exactly at the first safety violation — or at a proper end, or at the step bound.</summary>
public class GraphWalkProperties
{
    private const int MaxSteps = 30;

    [Fact]
    public void A_walk_replays_and_stops_at_its_first_violation() => GraphCheck.ForAll(g =>
    {
        var model = new GraphModel(g);
        var naive = new NaiveSearch<int, int>(model);
        IReadOnlyList<Property<int, int>> safety = model.Properties.Where(p => p.IsSafety).ToList();
        for (ulong seed = 0; seed < 5; seed++)
        {
            var (trace, violation) = Simulator.RandomWalk(model, seed, MaxSteps, safety);
            var again = Simulator.RandomWalk(model, seed, MaxSteps, safety);
            Assert.Equal(TraceJson.Serialize(trace), TraceJson.Serialize(again.Trace));

            var back = TraceJson.Deserialize(TraceJson.Serialize(trace));
            var replay = Replayer.Replay(model, back);
            Assert.True(replay.Matches, replay.Divergence?.ToString());
            Assert.Equal(violation, Simulator.FirstViolation(model, back, safety));
            var final = replay.Steps.Count == 0 ? replay.Initial : replay.Steps[^1].State;
            if (violation is not null) Assert.Equal(trace.Length, violation.Step);
            else Assert.True(trace.Length == MaxSteps || (naive.ActionsOf(final).Count == 0 && model.IsTerminal(final)),
                $"walk of seed {seed} stopped after {trace.Length} steps at {final} without a reason");
        }
    });
}
