using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Engine.Simulation;
using TcpModelCheck.Engine.Tests.Models;
using TcpModelCheck.Engine.Traces;

namespace TcpModelCheck.Engine.Tests;

public class SmokeTests
{
    [Fact]
    public void Counter_model_has_mod_squared_states_and_a_shortest_counterexample()
    {
        var model = new CounterModel(4);
        var r = ModelChecker.Check(model, CheckOptions.Default with { StopWhenAllViolated = false });
        Assert.Equal(16, r.Statistics.DistinctStates);
        Assert.Equal(32, r.Statistics.Transitions);
        var cx = r["not-both-max"].Counterexample!;
        Assert.Equal(Verdict.Violated, r["not-both-max"].Verdict);
        Assert.Equal(6, cx.Length);
        Assert.Equal((3, 3), cx.Final);
        Assert.Equal(Verdict.Holds, r["a-max"].Verdict);
        Assert.Equal(Verdict.Holds, r["no-deadlock"].Verdict);
        Assert.Equal(Verdict.Holds, r["a-zero-again"].Verdict);
        var back = TraceJson.Deserialize(TraceJson.Serialize(cx.Trace));
        Assert.Equal(cx.Trace.ChoicePath, back.ChoicePath);
        Assert.Equal("not-both-max", Simulator.FirstViolation(model, back)!.Property);
    }
}
