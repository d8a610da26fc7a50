using System.Collections.Immutable;
using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Engine.Model;
using TcpModelCheck.Engine.Paths;
using TcpModelCheck.Properties.Support;
using TcpModelCheck.Reports.Tcp;
using TcpModelCheck.Tcp;
using TcpModelCheck.Tcp.Matrix;
using Xunit.Abstractions;

namespace TcpModelCheck.Properties.Variants;

/// <summary>
/// The two fairness assumptions of <c>eventually-closed</c> on the rfc1337 reconnect row (default bounds, ISNs from the clock), where they
/// disagree. Under strong fairness alone the shortest lasso is the "ACK war": an old SYN puts B (listening again)
/// in SYN-RECEIVED while A is in TIME-WAIT, and each answers the other's unacceptable ACK forever; a prompt segment
/// is always in flight, so the clock can never tick and TIME-WAIT never ends. Under time progress (the default)
/// such a zero-time loop is not a run, and the property holds, with the timelocks it excluded named.
/// </summary>
public sealed class FairnessTests(ITestOutputHelper output)
{
    private const string Row = "rfc1337/reconnect";

    private static TcpModel Strong() =>
        new(TcpMatrix.Get(Row).Config with { Fairness = Fairness.StrongTransitions });

    private static PropertyResult<TcpState, TcpAction> EventuallyClosed(TcpModel model) =>
        ModelChecker.Check(model, CheckOptions.Default with { Properties = [TcpProperties.EventuallyClosed] })[TcpProperties.EventuallyClosed];

    [Fact]
    public void Under_strong_fairness_alone_the_ack_war_is_found_and_replays()
    {
        var model = Strong();
        Assert.Equal("strong", model.Settings["fairness"]);   // recorded in every trace of this model
        var r = EventuallyClosed(model);
        CounterexampleReplay.Check(model, r, output);
        // measured: tcpmc check --variant rfc1337 --workload reconnect --fairness strong. 20 steps, loop from 18, with
        // --reduction none: the same choices with one more step of stem (a lasso is not a shortest path, and which one
        // the liveness check reports depends on the state order, which the default reduction changes).
        Assert.Equal(21, r.Counterexample!.Length);
        Assert.Equal(19, r.Counterexample.LoopStart);
        var cycle = r.Counterexample.Steps.Skip(19).ToList();
        Assert.All(cycle, s => Assert.NotEqual(TcpActionKind.Tick, s.Action.Kind));   // zero time
        var final = r.Counterexample.Final;
        Assert.Equal(ConnectionState.TimeWait, final.Client.State);
        Assert.Equal(ConnectionState.SynReceived, final.Server.State);
    }

    [Fact]
    public void Under_time_progress_the_ack_war_is_no_counterexample_and_its_timelocks_are_reported()
    {
        var (model, result) = MatrixResults.Get(Row);
        Assert.Equal("time", model.Settings["fairness"]);
        var r = result[TcpProperties.EventuallyClosed];
        Assert.Equal(Verdict.Holds, r.Verdict);
        Assert.StartsWith("holds when time progresses; excluded 29 timelocks (91 states) reachable without the goal", r.Reason);
    }

    [Fact]
    public void The_strong_lasso_replayed_under_time_progress_is_not_reproduced()
    {
        var trace = EventuallyClosed(Strong()).Counterexample!.Trace;
        var timed = new TcpModel(TcpConfig.ForReplay(trace.Settings, new Dictionary<string, string> { ["fairness"] = "time" }));
        var r = Reproducer.Reproduce(timed, trace with { Settings = timed.Settings.ToImmutableSortedDictionary() });
        Assert.False(r.Reproduced);
        Assert.Equal("the cycle (steps 20-21) takes no time-progress action: under time progress a loop in which time "
            + "never advances is not an execution", r.Reason);
    }
}
