using TcpModelCheck.Engine.Model;
using TcpModelCheck.Engine.Simulation;
using TcpModelCheck.Engine.Tests.Models;
using TcpModelCheck.Engine.Traces;

namespace TcpModelCheck.Engine.Tests;

/// <summary>Seeded random walks: the same seed is the same walk, and a walk's trace replays like any other.</summary>
public class SimulatorTests
{
    [Fact]
    public void SplitMix64_matches_the_reference_implementation()
    {
        // First outputs for seed 0 of Vigna's splitmix64.c (also recomputed with an independent Python port).
        var rng = new SplitMix64(0);
        Assert.Equal(0xE220A8397B1DCDAFUL, rng.NextUInt64());
        Assert.Equal(0x6E789E6AA1B965F4UL, rng.NextUInt64());
        Assert.Equal(0x06C45D188009454FUL, rng.NextUInt64());
    }

    [Fact]
    public void The_same_seed_gives_the_same_walk()
    {
        var model = new TorusModel(10);
        IReadOnlyList<Property<(int X, int Y), int>> noInvariants = [];
        var a = Simulator.RandomWalk(model, 12345, 40, noInvariants);
        var b = Simulator.RandomWalk(model, 12345, 40, noInvariants);
        Assert.Equal(TraceJson.Serialize(a.Trace), TraceJson.Serialize(b.Trace));
        Assert.Equal(40, a.Trace.Length);
        Assert.Equal(12345UL, a.Trace.Seed);
        Assert.Equal("random-walk", a.Trace.Origin);
        Assert.Null(a.Violation);
        // with 2 choices per step, 40-step walks from different seeds coincide with probability 2^-40
        var c = Simulator.RandomWalk(model, 54321, 40, noInvariants);
        Assert.NotEqual(a.Trace.ChoicePath, c.Trace.ChoicePath);
    }

    [Fact]
    public void A_walk_that_finds_a_violation_ends_at_it_and_replays_to_it()
    {
        var model = new NaiveMutexModel(FlagOrder.CheckThenSet);
        var walks = Enumerable.Range(0, 200).Select(seed => Simulator.RandomWalk(model, (ulong)seed, 100)).ToList();
        var (trace, violation) = walks.First(w => w.Violation is not null);
        Assert.Equal("mutex", violation!.Property);
        Assert.Equal(trace.Length, violation.Step);
        Assert.Equal("mutex", trace.Property);
        var back = TraceJson.Deserialize(TraceJson.Serialize(trace));
        Assert.Equal(violation, Simulator.FirstViolation(model, back));
        Assert.Equal(new MutexState(3, 3), Replayer.Replay(model, back).Steps[^1].State);
    }

    [Fact]
    public void A_walk_stops_at_a_deadlock_and_reports_it()
    {
        var model = new NaiveMutexModel(FlagOrder.SetThenCheck);
        var (trace, violation) = Enumerable.Range(0, 200).Select(seed => Simulator.RandomWalk(model, (ulong)seed, 100))
            .First(w => w.Violation is not null);
        Assert.Equal(new PathViolation("no-deadlock", trace.Length), violation);
        Assert.Equal(new MutexState(1, 1), Replayer.Replay(model, trace).Steps[^1].State);
    }

    [Fact]
    public void A_walk_reaching_a_terminal_state_stops_without_a_violation()
    {
        var model = new VersionedRetryModel(adoptVersion: true);
        var finished = Enumerable.Range(0, 50).Select(seed => Simulator.RandomWalk(model, (ulong)seed, 1000))
            .Where(w => w.Trace.Length < 1000).ToList();
        Assert.NotEmpty(finished);
        Assert.All(finished, w =>
        {
            Assert.Null(w.Violation);
            Assert.True(Replayer.Replay(model, w.Trace).Steps[^1].State.Accepted);
        });
    }

    [Fact]
    public void Walks_check_action_properties_on_every_step()
    {
        // An action property that forbids moving up: every walk of the torus that moves up stops right there.
        var model = new TorusModel(10);
        IReadOnlyList<Property<(int X, int Y), int>> onlyRight = [Property<(int X, int Y), int>.ForEveryStep("only-right", (_, a, _) => a == TorusModel.Right)];
        var (trace, violation) = Simulator.RandomWalk(model, 7, 40, onlyRight);
        Assert.NotNull(violation);
        Assert.Equal(trace.Length, violation.Step);
        Assert.Equal(TorusModel.Up, trace.Steps[^1].Choice);
        Assert.All(trace.Steps.SkipLast(1), s => Assert.Equal(TorusModel.Right, s.Choice));
    }

    [Fact]
    public void A_walk_whose_last_allowed_step_enters_a_deadlock_reports_it()
    {
        // 0 → 1, and 1 has no action and is not terminal. A one-step walk ends in the deadlock: it must say so,
        // as the replay of its trace does. (It used to stop at the step bound without looking.)
        var model = new Graphs.GraphModel(new Graphs.GraphSpec([[new Graphs.Edge(1, false)], []], [0], [Graphs.NodeMark.None, Graphs.NodeMark.None]));
        var (trace, violation) = Simulator.RandomWalk(model, 1, maxSteps: 1);
        Assert.Equal(new PathViolation(Graphs.GraphModel.NoDeadlock, 1), violation);
        Assert.Equal(violation, Simulator.FirstViolation(model, trace));
        Assert.Equal(Graphs.GraphModel.NoDeadlock, trace.Property);
    }
}
