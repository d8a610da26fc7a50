using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Properties.Support;
using TcpModelCheck.Reports.Tcp;
using TcpModelCheck.Tcp;
using TcpModelCheck.Tcp.Matrix;

namespace TcpModelCheck.Properties.Charts;

/// <summary>
/// The renderers on real model traces from the default matrix. The goldens change when the model changes
/// (as the pinned numbers do); read the new chart before accepting it.
/// </summary>
public sealed class RealTraceTests
{
    private static TcpTraceReport Report(string configuration, string property)
    {
        var (model, result) = MatrixResults.Get(configuration);
        return TcpTraceReport.Of(model, result[property]);
    }

    [Fact]
    public void The_shortest_no_time_wait_counterexample()
    {
        var report = Report("no-time-wait/client-closes-first", TcpProperties.GracefulClose);
        Golden.Match("no-time-wait-graceful-close.txt", report.Chart);
        Golden.Match("no-time-wait-graceful-close.mmd", report.Mermaid);
        Assert.Equal("0/0/0/0/0/0/1/1/0/3/3/0", report.ChoicePath);
    }

    [Fact]
    public void A_real_lasso_shows_its_loop()
    {
        // under strong fairness alone: with time progress (the default) the ACK war is a timelock, not a run
        var model = new TcpModel(TcpMatrix.Get("rfc1337/reconnect").Config with { Fairness = Engine.Model.Fairness.StrongTransitions });
        var r = ModelChecker.Check(model, CheckOptions.Default with { Properties = [TcpProperties.EventuallyClosed] })[TcpProperties.EventuallyClosed];
        var chart = TcpTraceReport.Of(model, r).Chart;
        var loop = r.Counterexample!.LoopStart!.Value;
        Assert.Contains($"==== loop: steps {loop + 1}-{r.Counterexample.Length} repeat forever", chart);
        Assert.Contains($"==== back to the state after step {loop}: the loop repeats", chart);
        Assert.Contains("loop steps", TcpTraceReport.Of(model, r).Mermaid);
    }

    [Fact]
    public void A_witness_path_ends_where_the_witness_is_reached()
    {
        var (model, result) = MatrixResults.Get(TcpConfig.Default.Name);
        var r = result[TcpProperties.ReachedTimeWait];
        Assert.Equal(Verdict.Holds, r.Verdict);
        var chart = TcpTraceReport.Of(model, r).Chart;
        Assert.Contains("property reached-time-wait: witness found", chart);
        Assert.EndsWith($"witness: reached-time-wait is reached here (after step {r.Witness!.Length})", chart.TrimEnd());
        Assert.Contains("TIME-WAIT", chart.Split('\n').Last(l => l.TrimStart().StartsWith($"{r.Witness.Length}.")));
    }

    [Fact]
    public void A_trace_that_does_not_replay_is_refused_with_the_diverging_step()
    {
        var (model, result) = MatrixResults.Get(TcpConfig.Default.Name);
        var trace = result[TcpProperties.NoTimeWaitAssassination].Counterexample!.Trace;
        var broken = trace with { Steps = trace.Steps.SetItem(3, trace.Steps[3] with { Choice = 40 }) };
        var e = Assert.Throws<InvalidOperationException>(() => TcpTraceReport.Of(model, broken));
        Assert.Contains("diverges at step 4", e.Message);
    }
}
