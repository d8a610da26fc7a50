using TcpModelCheck.Tcp.Charts;
using TcpModelCheck.Tcp.Tests.Support;

namespace TcpModelCheck.Tcp.Tests;

/// <summary>Action labels and the chart events <see cref="TcpModel.Explain"/> produces.</summary>
public sealed class ExplainTests
{
    private static readonly TcpConfig Config = TcpConfig.Default with { IsnMode = IsnMode.Set, IsnSet = [0], DelayBudget = 1 };

    [Fact]
    public void LabelsAreShortAndReadable()
    {
        var s = new Scenario(Config).Step("B: OPEN passive").Step("A: OPEN active ISS=0", "<SEQ=0><CTL=SYN>");
        Assert.Equal(
            ["B: deliver <SEQ=0><CTL=SYN> ISS=0", "net: lose A→B <SEQ=0><CTL=SYN>", "net: delay A→B <SEQ=0><CTL=SYN>"],
            s.Enabled());
    }

    [Fact]
    public void ADeliveryExplainsTheArrivalThenTheStateChangeThenTheReply()
    {
        var s = new Scenario(Config).Step("B: OPEN passive").Step("A: OPEN active ISS=0", "<SEQ=0><CTL=SYN>");
        s.Do("B: deliver <SEQ=0><CTL=SYN> ISS=0");
        Assert.Equal(
        [
            new StepEvent.Delivered(new SegmentLabel(Side.Client, "SYN", 0, null, null, 1), false),
            new StepEvent.StateChanged(Side.Server, "LISTEN", "SYN-RECEIVED"),
            new StepEvent.Sent(new SegmentLabel(Side.Server, "SYN,ACK", 0, 1, null, 1), false),
        ], s.Events);
    }

    [Fact]
    public void TimersApplicationCallsAndDataAreExplained()
    {
        var s = new Scenario(Config).Step("B: OPEN passive").Step("A: OPEN active ISS=0", "<SEQ=0><CTL=SYN>")
            .Step("net: delay A→B <SEQ=0><CTL=SYN>").Step("tick");
        Assert.Equal([new StepEvent.Tick(-1)], s.Events);
        s.Do("A: timeout");
        Assert.Equal(
        [
            new StepEvent.TimerFired(Side.Client, "retransmit"),
            new StepEvent.Sent(new SegmentLabel(Side.Client, "SYN", 0, null, null, 1), true),
        ], s.Events);
        s.Do("B: deliver <SEQ=0><CTL=SYN> ISS=0");
        s.Do("A: deliver <SEQ=0><ACK=1><CTL=SYN,ACK>");
        s.Do("A: SEND d1");
        Assert.Equal(new StepEvent.AppCall(Side.Client, "SEND"), s.Events[0]);
        s.Do("B: deliver <SEQ=1><ACK=1><CTL=ACK><DATA=d1>");
        Assert.Contains(new StepEvent.AppReceived(Side.Server, "d1", 1), s.Events);
    }

    [Fact]
    public void ExplainPathNumbersTheTicks()
    {
        var s = new Scenario(Config with { Rto = 3 }).Step("B: OPEN passive").Step("A: OPEN active ISS=0", "<SEQ=0><CTL=SYN>");
        var start = s.State;
        var steps = new List<(TcpAction, TcpState)>();
        foreach (var label in new[] { "net: delay A→B <SEQ=0><CTL=SYN>", "tick", "B: deliver <SEQ=0><CTL=SYN> (late) ISS=0", "A: deliver <SEQ=0><ACK=1><CTL=SYN,ACK>" })
        {
            var actions = new List<TcpAction>();
            s.Model.Actions(s.State, actions);
            var state = s.State;
            var action = actions.Single(a => s.Model.FormatAction(state, a) == label);
            s.Do(label);
            steps.Add((action, s.State));
        }
        var explained = s.Model.ExplainPath(start, steps);
        Assert.Equal([new StepEvent.Tick(1)], explained[1]);
        Assert.Equal(4, explained.Count);
        Assert.Equal(new StepEvent.StateChanged(Side.Client, "SYN-SENT", "ESTABLISHED"), explained[3][1]);
    }

    [Fact]
    public void ExplainRefusesAStateTheActionDoesNotLeadTo()
    {
        var s = new Scenario(Config);
        var actions = new List<TcpAction>();
        s.Model.Actions(s.State, actions);
        Assert.Throws<ArgumentException>(() => s.Model.Explain(s.State, actions[0], s.State));
    }
}
