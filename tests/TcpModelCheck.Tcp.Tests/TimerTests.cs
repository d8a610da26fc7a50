using TcpModelCheck.Tcp.Tests.Support;
using static TcpModelCheck.Tcp.ConnectionState;
using static TcpModelCheck.Tcp.Tests.Support.States;

namespace TcpModelCheck.Tcp.Tests;

/// <summary>Timeouts (RFC 9293 §3.10.8) and the discrete clock: expired timers are urgent, retransmission stops at
/// the user timeout, TIME-WAIT lasts its configured ticks, FIN-WAIT-2 times out only where configured.</summary>
public sealed class TimerTests
{
    private static readonly TcpConfig Base = TcpConfig.Default with
    {
        SequenceSpace = 256, DataItems = 0, IsnMode = IsnMode.Set, IsnSet = [100], LossBudget = 3, DelayBudget = 0, MaxRetransmissions = 2, Rto = 1,
    };

    [Fact]
    public void TheSynIsRetransmittedRTimesThenTheUserTimeoutAbortsWithoutAReset()
    {
        var s = new Scenario(Base).Step("B: OPEN passive").Step("A: OPEN active ISS=100", "<SEQ=100><CTL=SYN>");
        for (var i = 0; i < Base.MaxRetransmissions; i++)
        {
            s.Step("net: lose A→B <SEQ=100><CTL=SYN>").Step("tick");
            Assert.DoesNotContain("tick", s.Enabled());   // an expired timer is urgent
            s.Step("A: timeout", "<SEQ=100><CTL=SYN>");
        }
        s.Step("net: lose A→B <SEQ=100><CTL=SYN>").Step("tick").Step("A: timeout").Expect(Closed, Listen);
        Assert.Equal(EndReason.UserTimeout, s.A.LastEnd);
    }

    [Fact]
    public void ADeliveryMayStillComeBeforeAnExpiredTimerFires()
    {
        var s = new Scenario(Base with { DelayBudget = 1 }).Step("B: OPEN passive").Step("A: OPEN active ISS=100", "<SEQ=100><CTL=SYN>")
            .Step("net: delay A→B <SEQ=100><CTL=SYN>").Step("tick");
        Assert.Contains("A: timeout", s.Enabled());
        Assert.Contains("B: deliver <SEQ=100><CTL=SYN> (late) ISS=100", s.Enabled());
    }

    [Fact]
    public void FinWait2TimesOutOnlyInTheLinuxVariant()
    {
        var finWait2 = Synced(101, 45, passive: false, FinWait2) with { CloseCalled = true };
        var rfc = new Scenario(Base, Make(finWait2, Synced(45, 101, passive: true, CloseWait)));
        Assert.DoesNotContain("tick", rfc.Enabled());
        var linux = TcpConfig.ForVariant(Variants.Linux) with { SequenceSpace = 256, IsnMode = IsnMode.Set, IsnSet = [100], DataItems = 0 };
        var withTimer = finWait2 with { Timer = Tcb.TimerIn(linux.FinWait2Timeout) };
        var s = new Scenario(linux, Make(withTimer, Synced(45, 101, passive: true, CloseWait))).Ticks(linux.FinWait2Timeout);
        s.Step("A: timeout").Expect(Closed, CloseWait);
        Assert.Equal(EndReason.FinWait2Timeout, s.A.LastEnd);
    }

    [Theory]
    [InlineData(Variants.Rfc9293, 4)]
    [InlineData(Variants.ShortTimeWait, 2)]
    [InlineData(Variants.Linux, 1)]
    public void TimeWaitLastsTheVariantsTicks(string variant, int ticks)
    {
        var config = TcpConfig.ForVariant(variant) with { SequenceSpace = 256, IsnMode = IsnMode.Set, IsnSet = [100], DataItems = 0 };
        Assert.Equal(ticks, config.TimeWaitTicks);
        var timeWait = Synced(102, 46, passive: false, TimeWait) with { Timer = Tcb.TimerIn(config.TimeWaitTicks) };
        var s = new Scenario(config, Make(timeWait, default)).Ticks(ticks - 1);
        Assert.DoesNotContain("A: timeout", s.Enabled());
        s.Ticks(1).Step("A: timeout").Expect(Closed, Closed);
    }

    [Fact]
    public void WithNothingInFlightAndNoTimerTimeDoesNotPass()
    {
        var s = new Scenario(Base, Make(Synced(101, 45, passive: false), Synced(45, 101, passive: true)));
        Assert.DoesNotContain("tick", s.Enabled());
    }
}
