using FsCheck;
using FsCheck.Fluent;
using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Engine.Paths;
using TcpModelCheck.Engine.Simulation;
using TcpModelCheck.Engine.Traces;
using TcpModelCheck.Reports.Tcp;
using TcpModelCheck.Tcp;
using TcpModelCheck.Tcp.Matrix;

namespace TcpModelCheck.Properties.Simulation;

/// <summary>
/// Random walks (seeded by FsCheck) through the matrix configurations: complementary to the exhaustive
/// checks, they exercise long runs and the trace pipeline end to end. A seed is the whole input, so FsCheck's
/// failure report (seed and replay token) reproduces a failing walk exactly.
/// </summary>
public sealed class RandomWalkProperties
{
    private const int Walks = 60, MaxSteps = 120;

    private static Arbitrary<ulong> Seeds => ArbMap.Default.ArbFor<ulong>();

    private static Config Runs => Config.QuickThrowOnFailure.WithMaxTest(Walks);

    [Fact]
    public void A_walk_round_trips_through_json_and_replays_to_the_same_states() =>
        Prop.ForAll(Seeds, Gen.Elements(TcpMatrix.Default.ToArray()).ToArbitrary(), (seed, entry) =>
        {
            var model = new TcpModel(entry.Config);
            var (trace, violation) = Simulator.RandomWalk(model, seed, MaxSteps);
            var back = TraceJson.Deserialize(TraceJson.Serialize(trace));
            Assert.Equal(TraceJson.Serialize(trace), TraceJson.Serialize(back));
            Assert.Equal(trace.Steps.AsEnumerable(), back.Steps.AsEnumerable());
            var rebuilt = TcpModel.FromSettings(back.Settings);
            var original = Replayer.Replay(model, trace);
            var replayed = Replayer.Replay(rebuilt, back);
            Assert.True(replayed.Matches, replayed.Divergence?.ToString());
            Assert.Equal(original.Steps.Select(s => s.State), replayed.Steps.Select(s => s.State));
            var reproduction = Reproducer.Reproduce(rebuilt, back);
            Assert.Equal(violation, reproduction.Violation);
            Assert.Equal(violation is not null, reproduction.Reproduced);
        }).Check(Runs);

    [Fact]
    public void Walks_of_the_default_configuration_violate_no_safety_property_expected_to_hold() =>
        Prop.ForAll(Seeds, seed =>
        {
            var model = new TcpModel(TcpConfig.Default);
            var holding = model.Properties.Where(p => p.IsSafety && ExpectedVerdicts.For(TcpConfig.Default, p.Name).Verdict == Verdict.Holds).ToList();
            var (trace, violation) = Simulator.RandomWalk(model, seed, MaxSteps, holding);
            Assert.True(violation is null, violation is null ? "" : TcpTraceReport.Of(model, trace with { Property = violation.Property }, Verdict.Violated).Chart);
        }).Check(Runs);
}
