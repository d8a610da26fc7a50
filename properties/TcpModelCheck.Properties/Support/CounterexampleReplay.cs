using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Engine.Model;
using TcpModelCheck.Engine.Simulation;
using TcpModelCheck.Engine.Traces;
using TcpModelCheck.Reports.Tcp;
using TcpModelCheck.Tcp;
using Xunit.Abstractions;

namespace TcpModelCheck.Properties.Support;

/// <summary>
/// What every test that expects a violation does with its counterexample: print the chart, write the trace
/// as JSON to a temporary directory, read it back, rebuild the model from the trace's own settings, replay it
/// and see the same violation — for a safety property at the trace's last step and not before; for a
/// liveness property, a lasso whose last state is its loop state (or a dead end) and whose goal never holds.
/// </summary>
internal static class CounterexampleReplay
{
    public static void Check(TcpModel model, PropertyResult<TcpState, TcpAction> result, ITestOutputHelper output)
    {
        Assert.Equal(Verdict.Violated, result.Verdict);
        var cx = result.Counterexample ?? throw new Xunit.Sdk.XunitException($"{result.Name}: violated without a counterexample");
        output.WriteLine(TcpTraceReport.Of(model, result).Chart);

        var dir = Directory.CreateTempSubdirectory("tcpmc-cx-");
        try
        {
            var path = Path.Combine(dir.FullName, $"{result.Name}.json");
            TraceJson.Write(cx.Trace, path);
            var back = TraceJson.Read(path);
            output.WriteLine($"trace written to and read back from {path} ({back.Length} steps, choice path {back.ChoicePath})");
            Assert.Equal(cx.Trace.ChoicePath, back.ChoicePath);
            Assert.Equal(result.Name, back.Property);
            var rebuilt = TcpModel.FromSettings(back.Settings);
            var property = rebuilt.Properties.Single(p => p.Name == result.Name);
            if (property.IsSafety) SameSafetyViolation(rebuilt, property, back);
            else SameLasso(rebuilt, property, back);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static void SameSafetyViolation(TcpModel model, Property<TcpState, TcpAction> property, Trace trace)
    {
        var v = Simulator.FirstViolation(model, trace, [property]);
        Assert.NotNull(v);
        Assert.Equal(property.Name, v.Property);
        Assert.Equal(trace.Length, v.Step);   // violated at the last step, and not earlier
    }

    private static void SameLasso(TcpModel model, Property<TcpState, TcpAction> property, Trace trace)
    {
        var replay = Replayer.Replay(model, trace);
        Assert.True(replay.Matches, replay.Divergence?.ToString());
        var states = replay.Steps.Select(s => s.State).Prepend(replay.Initial!).ToList();
        if (trace.LoopStart is { } loop)
        {
            Assert.True(loop < trace.Length, "a loop needs at least one step");
            Assert.Equal(states[loop], states[^1]);
        }
        else
        {
            var actions = new List<TcpAction>();
            model.Actions(states[^1], actions);
            Assert.Empty(actions);   // the run is stuck: no enabled action
        }
        // Some trigger state (the start, for "eventually") is followed by no goal state, loop included.
        var lastGoal = states.FindLastIndex(s => property.Goal!(s));
        var triggered = property.Kind == PropertyKind.Eventually
            ? lastGoal < 0
            : states.Skip(lastGoal + 1).Any(s => property.Condition!(s));
        Assert.True(triggered, $"{property.Name}: the goal is met after the last trigger on the replayed lasso");
    }
}
