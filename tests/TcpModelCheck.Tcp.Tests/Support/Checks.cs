using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Engine.Paths;
using TcpModelCheck.Engine.Simulation;
using TcpModelCheck.Engine.Traces;

namespace TcpModelCheck.Tcp.Tests.Support;

/// <summary>Runs the explorer on a TCP configuration, and replays counterexamples the way a user would: through
/// JSON, on a model rebuilt from the trace's settings.</summary>
internal static class Checks
{
    public static CheckResult<TcpState, TcpAction> Check(TcpConfig config, params string[] properties) =>
        Check(config, stopWhenViolated: false, properties);

    /// <summary>With <paramref name="stopWhenViolated"/> the search ends once every selected property is settled
    /// (breadth-first, so a counterexample found is still a shortest one); used where only a violation is expected,
    /// so that large configurations (reconnect) need not be explored to the end.</summary>
    public static CheckResult<TcpState, TcpAction> Check(TcpConfig config, bool stopWhenViolated, params string[] properties) =>
        ModelChecker.Check(new TcpModel(config), CheckOptions.Default with
        {
            Properties = properties.Length == 0 ? null : properties,
            StopWhenAllSettled = stopWhenViolated,
        });

    /// <summary>Asserts <paramref name="property"/> is violated, with a counterexample of <paramref name="length"/>
    /// steps (breadth-first: the shortest), that survives a JSON round trip and replays to the same violation at
    /// its last step. Returns the replayed path.</summary>
    public static ReplayResult<TcpState, TcpAction> AssertViolated(TcpConfig config, string property, int length)
    {
        var result = Check(config, stopWhenViolated: true, property)[property];
        Assert.Equal(Verdict.Violated, result.Verdict);
        var trace = result.Counterexample!.Trace;
        Assert.Equal(length, trace.Length);
        var reread = TraceJson.Deserialize(TraceJson.Serialize(trace));
        var model = TcpModel.FromSettings(reread.Settings);
        var reproduction = Reproducer.Reproduce(model, reread);
        Assert.True(reproduction.Reproduced, reproduction.Reason);
        Assert.Equal(new PathViolation(property, length), reproduction.Violation);
        return reproduction.Replay;
    }

    /// <summary>The action labels of a replayed path.</summary>
    public static IReadOnlyList<string> Labels(TcpModel model, ReplayResult<TcpState, TcpAction> replay)
    {
        var labels = new List<string>();
        var state = replay.Initial!;
        foreach (var step in replay.Steps)
        {
            labels.Add(model.FormatAction(state, step.Action));
            state = step.State;
        }
        return labels;
    }
}
