using TcpModelCheck.Engine.Model;
using TcpModelCheck.Engine.Paths;
using TcpModelCheck.Engine.Simulation;
using TcpModelCheck.Engine.Traces;

namespace TcpModelCheck.Engine.Tests.Paths;

/// <summary>The one path loop: how a path ends, what it checks, and that every chooser is replayable.</summary>
public sealed class PathRunnerTests
{
    private static readonly TinyGraph Graph = new([[1, 2], [0, 3], [3], []],
        Property<int, int>.Always("not-3", s => s != 3), Property<int, int>.NoDeadlock());

    [Fact]
    public void A_random_path_is_the_same_from_the_same_seed_and_replays_as_a_script()
    {
        var runner = new PathRunner<int, int>(Graph, []);
        for (ulong seed = 0; seed < 50; seed++)
        {
            var outcome = runner.Run(new RandomChooser<int, int>(seed), maxSteps: 6);
            var trace = runner.ToTrace("random-walk", seed: seed);
            var states = runner.States.ToList();
            Assert.Equal(trace.ChoicePath, Simulator.RandomWalk(Graph, seed, 6, []).Trace.ChoicePath);
            var again = runner.Run(new ScriptChooser<int, int>(Graph, trace));
            Assert.Equal(outcome with { End = again.End }, again);
            Assert.Equal(states, runner.States);
            Assert.Equal(outcome.End == PathEnd.MaxLength ? PathEnd.Stopped : outcome.End, again.End);
        }
    }

    [Fact]
    public void A_path_stops_at_its_first_violation_unless_told_to_go_on()
    {
        var runner = new PathRunner<int, int>(Graph);
        var script = new Trace { Model = Graph.Name, Steps = [new(1, ""), new(0, "")] };   // 0 -> 2 -> 3
        Assert.Equal(new PathOutcome(2, PathEnd.Violation, new PathViolation("not-3", 2), null), runner.Run(new ScriptChooser<int, int>(Graph, script)));
        Assert.Equal([0, 2, 3], runner.States);
        // going on, 3 has no action: the first violation is still the one reported
        Assert.Equal(new PathOutcome(2, PathEnd.NoAction, new PathViolation("not-3", 2), null),
            runner.Run(new ScriptChooser<int, int>(Graph, script), stopAtViolation: false));
    }

    [Fact]
    public void A_deadlock_is_reported_also_when_the_bound_ends_the_path_in_it()
    {
        var runner = new PathRunner<int, int>(Graph, Graph.Properties.Where(p => p.Kind == PropertyKind.NoDeadlock).ToList());
        var script = new Trace { Model = Graph.Name, Steps = [new(1, ""), new(0, "")] };
        Assert.Equal(new PathOutcome(2, PathEnd.Violation, new PathViolation("no-deadlock", 2), null),
            runner.Run(new ScriptChooser<int, int>(Graph, script), maxSteps: 2));
        Assert.Equal(new PathOutcome(1, PathEnd.MaxLength, null, null), runner.Run(new ScriptChooser<int, int>(Graph, script), maxSteps: 1));
    }

    [Fact]
    public void A_script_that_leaves_the_model_diverges_naming_the_step()
    {
        var runner = new PathRunner<int, int>(Graph, []);
        var outcome = runner.Run(new ScriptChooser<int, int>(Graph, new Trace { Model = Graph.Name, Steps = [new(0, ""), new(5, "x")] }));
        Assert.Equal(PathEnd.Diverged, outcome.End);
        Assert.Equal("diverges at step 2: expected choice 5 (x), found only 2 enabled action(s)", outcome.Divergence!.ToString());
        var label = runner.Run(new ScriptChooser<int, int>(Graph, new Trace { Model = Graph.Name, Steps = [new(1, "0->1")] }));
        Assert.Equal("diverges at step 1: expected choice 1 = 0->1, found 0->2", label.Divergence!.ToString());
        var stuck = runner.Run(new ScriptChooser<int, int>(Graph, new Trace { Model = Graph.Name, Steps = [new(1, ""), new(0, ""), new(0, "")] }));
        Assert.Equal("diverges at step 3: expected choice 0 (), found no enabled action", stuck.Divergence!.ToString());
        var initial = runner.Run(new ScriptChooser<int, int>(Graph, new Trace { Model = Graph.Name, Initial = 2 }));
        Assert.Equal("diverges at the initial state: expected initial state #2, found only 1 initial state(s)", initial.Divergence!.ToString());
    }
}
