using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Properties.Support;
using TcpModelCheck.Reports.Tcp;
using TcpModelCheck.Tcp;
using TcpModelCheck.Tcp.Charts;
using Xunit.Abstractions;

namespace TcpModelCheck.Properties.Variants;

/// <summary>
/// The standard argument for TIME_WAIT, one test per step of it: each broken variant's shortest
/// counterexample is the scenario the argument describes (read from the model's own explanation of the
/// path, not from the chart text), it replays from JSON, and the correct variant does not fail the same way.
/// </summary>
public sealed class TimeWaitStoryTests(ITestOutputHelper output)
{
    /// <summary>Reconnect with one ISN (every connection starts at 0: ISN reuse, RFC 9293 §3.4.1's worst case), no
    /// loss and two segments per direction, so the shortest violation is found in a second; not a matrix row.</summary>
    private static TcpConfig Reused(string variant) => TcpConfig.ForVariant(variant) with
    {
        Workload = Workloads.Reconnect, IsnMode = IsnMode.Set, IsnSet = [0], LossBudget = 0, NetworkCapacity = 2,
    };

    [Fact]
    public void Without_TIME_WAIT_a_delayed_segment_of_the_old_connection_is_accepted_by_the_new_one()
    {
        var steps = Steps(Reused(TcpModelCheck.Tcp.Variants.NoTimeWait), TcpProperties.NoStaleData);
        // earlier, A opened connection 2; in the last step, data of connection 1 reaches B's application
        Assert.Contains(steps.SkipLast(1).SelectMany(e => e), e => e is StepEvent.Sent { Segment: { Flags: "SYN", Incarnation: 2 } });
        Assert.Contains(steps[^1], e => e is StepEvent.Delivered { Segment: { Data: not null, Incarnation: 1 } });
        Assert.Contains(steps[^1], e => e is StepEvent.AppReceived { Side: Side.Server, Incarnation: 1 });
        Assert.DoesNotContain(steps.SelectMany(e => e), e => e is StepEvent.StateChanged { To: "TIME-WAIT" });
    }

    [Fact]
    public void Without_TIME_WAIT_a_lost_last_ACK_turns_the_retransmitted_FIN_into_a_reset()
    {
        var events = Violation("no-time-wait/client-closes-first fifo=true", TcpProperties.GracefulClose);
        var lost = events.FindIndex(e => e is StepEvent.Lost { Segment: { From: Side.Client, Flags: "ACK" } });
        var refin = events.FindIndex(e => e is StepEvent.Sent { Segment: { From: Side.Server, Flags: "FIN,ACK" }, Retransmission: true });
        var reset = events.FindIndex(e => e is StepEvent.Sent { Segment: { From: Side.Client, Flags: "RST" } });
        Assert.True(0 <= lost && lost < refin && refin < reset, "last ACK lost, then FIN retransmitted, then reset");
        var arrival = Assert.IsType<StepEvent.Delivered>(events.Last(e => e is StepEvent.Delivered));
        Assert.Equal("RST", arrival.Segment.Flags);
    }

    [Fact]
    public void A_naive_FIN_overtaking_data_ends_the_stream_before_the_data()
    {
        var events = Violation("naive-fin/client-closes-first", TcpProperties.NoDataLoss);
        var eof = events.FindIndex(e => e is StepEvent.AppReceived { Side: Side.Server, Data: "EOF" });
        Assert.True(eof >= 0);
        Assert.DoesNotContain(events.Take(eof), e => e is StepEvent.AppReceived { Side: Side.Server, Data: "d1" });
        Assert.Contains(events.Take(eof), e => e is StepEvent.Delivered { Segment.Flags: "FIN,ACK" });
    }

    [Theory]
    [InlineData(TcpProperties.NoStaleData)]
    [InlineData(TcpProperties.GracefulClose)]
    [InlineData(TcpProperties.NoDataLoss)]
    public void RFC_9293_holds_them_in_the_default_configuration(string property)
    {
        var (_, result) = MatrixResults.Get(TcpConfig.Default.Name);
        Assert.Equal(Verdict.Holds, result[property].Verdict);
    }

    [Fact]
    public void RFC_1337_keeps_old_data_out_of_the_new_connection_where_RFC_9293_with_a_reused_ISN_does_not()
    {
        Assert.Equal(Verdict.Holds, MatrixResults.Get("rfc1337/reconnect").Result[TcpProperties.NoStaleData].Verdict);
        var events = Steps(Reused(TcpModelCheck.Tcp.Variants.Rfc9293), TcpProperties.NoStaleData).SelectMany(e => e).ToList();
        // the RFC 9293 counterexample goes through TIME-WAIT and a reset that ends it early
        Assert.Contains(events, e => e is StepEvent.StateChanged { Side: Side.Client, From: "TIME-WAIT", To: "CLOSED" });
        Assert.Contains(events, e => e is StepEvent.Delivered { Segment: { From: Side.Server, Flags: "RST" } });
    }

    /// <summary>The model's explanation of the shortest counterexample of <paramref name="property"/>, step by
    /// step, after printing its chart and replaying it from a JSON file.</summary>
    private List<IReadOnlyList<StepEvent>> Steps(string configuration, string property)
    {
        var (model, result) = MatrixResults.Get(configuration);
        return Steps(model, result[property]);
    }

    /// <summary>The same for a configuration outside the matrix, searched until <paramref name="property"/> is settled.</summary>
    private List<IReadOnlyList<StepEvent>> Steps(TcpConfig config, string property)
    {
        var model = new TcpModel(config);
        var result = ModelChecker.Check(model, CheckOptions.Default with { Properties = [property], StopWhenAllSettled = true });
        Assert.Equal(Verdict.Violated, result[property].Verdict);
        return Steps(model, result[property]);
    }

    private List<IReadOnlyList<StepEvent>> Steps(TcpModel model, PropertyResult<TcpState, TcpAction> r)
    {
        CounterexampleReplay.Check(model, r, output);
        var cx = r.Counterexample!;
        return model.ExplainPath(cx.Initial, cx.Steps.Select(s => (s.Action, s.State))).ToList();
    }

    private List<StepEvent> Violation(string configuration, string property) =>
        Steps(configuration, property).SelectMany(e => e).ToList();
}
