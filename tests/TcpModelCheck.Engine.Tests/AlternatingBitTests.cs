using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Engine.Tests.Models;
using TcpModelCheck.Engine.Tests.Reference;

namespace TcpModelCheck.Engine.Tests;

/// <summary>The alternating-bit protocol over lossy bounded FIFO channels, with and without its bit.</summary>
public class AlternatingBitTests
{
    [Fact]
    public void With_the_bit_every_message_is_delivered_once_and_in_order()
    {
        var model = new AlternatingBitModel(messages: 2, capacity: 2);
        var result = ModelChecker.Check(model);
        Expect.Verdict(result, "in-order", Verdict.Holds);
        Expect.Verdict(result, "all-delivered-reachable", Verdict.Holds);
        Expect.Verdict(result, "no-deadlock", Verdict.Holds);
        var naive = new NaiveSearch<AbpState, AbpAction>(model);
        Assert.Equal(naive.Distance.Count, result.Statistics.DistinctStates);
        Assert.Equal(naive.Transitions, result.Statistics.Transitions);
        // measured; recounted by the naive search above, and by a separate throwaway Python port of the
        // protocol written for this test (55 states, 220 transitions; without the bit 80 and 277)
        Assert.Equal(55, result.Statistics.DistinctStates);
        Assert.Equal(220, result.Statistics.Transitions);
    }

    [Fact]
    public void With_the_bit_all_messages_are_eventually_delivered_despite_retransmission_cycles()
    {
        var model = new AlternatingBitModel(messages: 2, capacity: 2);
        var naive = new NaiveSearch<AbpState, AbpAction>(model);
        Assert.Contains(naive.Reachable, s => naive.Explore(naive.Successors(s), _ => true).Contains(s));   // the graph has cycles
        Expect.Verdict(ModelChecker.Check(model), "eventually-all-delivered", Verdict.Holds);
    }

    [Fact]
    public void Without_the_bit_a_retransmitted_message_is_delivered_twice_after_four_steps()
    {
        var model = new AlternatingBitModel(messages: 2, capacity: 2, useBit: false);
        var cx = Expect.SafetyViolation(model, ModelChecker.Check(model), "in-order");
        Assert.Equal(4, cx.Length);
        Assert.Equal(2, cx.Steps.Count(s => s.Action.Step == AbpStep.Receive));
        Assert.Equal(1, cx.Final.Delivered);
    }

    [Fact]
    public void With_one_slot_channels_the_duplicate_needs_a_lost_ack_and_is_still_four_steps()
    {
        // capacity 1: send, receive (deliver + ack), send again (the sender has not seen the ack), receive.
        var model = new AlternatingBitModel(messages: 2, capacity: 1, useBit: false);
        var cx = Expect.SafetyViolation(model, ModelChecker.Check(model), "in-order");
        Assert.Equal(4, cx.Length);
        Assert.Equal([AbpStep.Send, AbpStep.Receive, AbpStep.Send, AbpStep.Receive], cx.Steps.Select(s => s.Action.Step));
    }

    [Fact]
    public void A_finished_run_is_terminal_not_a_deadlock()
    {
        var model = new AlternatingBitModel(messages: 2, capacity: 2);
        Expect.Verdict(ModelChecker.Check(model, CheckOptions.Default with { Properties = ["no-deadlock"] }), "no-deadlock", Verdict.Holds);

        // The same end states, not declared terminal, are deadlocks. The nearest is 6 steps away: each of the
        // 2 messages needs send, receive and receive-ack.
        var blind = new TerminalBlindModel<AbpState, AbpAction>(model);
        var cx = Expect.SafetyViolation(blind, ModelChecker.Check(blind, CheckOptions.Default with { Properties = ["no-deadlock"] }), "no-deadlock");
        Assert.Equal(6, cx.Length);
        Assert.True(model.IsTerminal(cx.Final));
    }
}
