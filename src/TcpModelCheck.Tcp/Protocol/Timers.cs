using TcpModelCheck.Tcp.Charts;
using TcpModelCheck.Tcp.Network;

namespace TcpModelCheck.Tcp;

/// <summary>
/// Timers and time (RFC 9293 §3.10.8, RFC 6298). Each endpoint runs at most one timer, whose meaning follows
/// from its state: TIME-WAIT's 2·MSL timer, FIN-WAIT-2's timeout (Linux), the quiet time in CLOSED after a crash
/// (§3.4.3), or else the retransmission timer.
/// Time is discrete: a tick ages every segment and counts every running timer down. An expired timer is urgent:
/// no tick happens until it has fired, but deliveries may still come first.
/// </summary>
internal static class Timers
{
    /// <summary>SND.UNA advanced (RFC 6298 §5.2–5.3): the retransmission count starts over, and the timer stops
    /// when everything is acknowledged or restarts for the rest.</summary>
    public static void OnAcknowledged(ref Step step, Side side)
    {
        ref var e = ref step[side];
        var timer = e.SndUna == e.SndNxt ? 0 : Tcb.TimerIn(step.Rules.Rto);
        e = e with { Retransmits = 0, Timer = timer };
    }

    /// <summary>FIN-WAIT-2 timeout (not in RFC 9293; Linux's tcp_fin_timeout), when configured.</summary>
    public static void StartFinWait2(ref Step step, Side side)
    {
        ref var e = ref step[side];
        e = e with { Timer = step.Rules.FinWait2 > 0 ? Tcb.TimerIn(step.Rules.FinWait2) : 0 };
    }

    /// <summary>
    /// Enter TIME-WAIT: "start the time-wait timer, turn off the other timers" (RFC 9293 §3.10.7.4, eighth step;
    /// MUST-13: linger 2·MSL). With a TIME-WAIT length of zero (the no-time-wait variant) the TCB is deleted at once.
    /// </summary>
    public static void EnterTimeWait(ref Step step, Side side)
    {
        ref var e = ref step[side];
        if (step.Rules.TimeWait == 0)
        {
            step.Note(side, "no TIME-WAIT: straight to CLOSED");
            e = e with { State = ConnectionState.TimeWait };
            Tcb.Delete(ref step, side, EndReason.Graceful);
            return;
        }
        e = e with { State = ConnectionState.TimeWait, Timer = Tcb.TimerIn(step.Rules.TimeWait), Retransmits = 0 };
    }

    /// <summary>
    /// The quiet time of RFC 9293 §3.4.3: a host that lost its memory of the sequence numbers in use (a crash)
    /// "must keep quiet for an MSL before assigning any sequence numbers", so every segment an earlier incarnation
    /// sent has expired before a new one can pick an ISS that old segments might carry. The host stays CLOSED with
    /// the timer running for MSL ticks and its application cannot OPEN (<see cref="WorkloadScript"/>); a reset
    /// from CLOSED assigns no sequence number and is still sent. Off with <see cref="TcpConfig.QuietTime"/> false.
    /// </summary>
    public static void StartQuietTime(ref Step step, Side side)
    {
        if (!step.Rules.Config.QuietTime) return;
        ref var e = ref step[side];
        e = e with { Timer = Tcb.TimerIn(step.Rules.Msl) };
    }

    /// <summary>True when <paramref name="e"/>'s timer has expired and must fire before time advances.</summary>
    public static bool Expired(in Endpoint e) => e.Timer == 1;

    /// <summary>
    /// The expired timer fires (RFC 9293 §3.10.8). TIME-WAIT TIMEOUT: delete the TCB. FIN-WAIT-2 timeout: delete
    /// the TCB. Quiet time (CLOSED, §3.4.3): over, the application may OPEN again. RETRANSMISSION TIMEOUT: resend the front of the retransmission queue and restart the timer —
    /// unless it was already resent <see cref="TcpConfig.MaxRetransmissions"/> times, in which case the USER
    /// TIMEOUT applies: the connection is aborted without a reset.
    /// </summary>
    public static void Fire(ref Step step, Side side)
    {
        ref var e = ref step[side];
        switch (e.State)
        {
            case ConnectionState.TimeWait:
                Emit(ref step, side, "time-wait");
                Tcb.Delete(ref step, side, EndReason.Graceful);
                return;
            case ConnectionState.FinWait2:
                Emit(ref step, side, "fin-wait-2");
                Tcb.Delete(ref step, side, EndReason.FinWait2Timeout);
                return;
            case ConnectionState.Closed:
                Emit(ref step, side, "quiet-time");
                e = e with { Timer = 0 };
                return;
        }
        if (e.Retransmits >= step.Rules.MaxRetransmissions)
        {
            Emit(ref step, side, "user-timeout");
            Tcb.Delete(ref step, side, EndReason.UserTimeout);
            return;
        }
        Emit(ref step, side, "retransmit");
        e = e with { Retransmits = (byte)(e.Retransmits + 1), Timer = Tcb.TimerIn(step.Rules.RtoAfter(e.Retransmits + 1)) };
        Tcb.RetransmitFront(ref step, side);
    }

    /// <summary>One tick: timers count down, segments age and those MSL old expire (an expired timer or a prompt
    /// segment blocks the tick, see <see cref="MslClock.CanTick"/>), and the ISN clock advances when it is in use.</summary>
    public static void Tick(ref Step step)
    {
        CountDown(ref step[Side.Client]);
        CountDown(ref step[Side.Server]);
        MslClock.Tick(ref step);
        if (step.Rules.ClockIsn) step.IsnClock = (byte)step.Seq.Add(step.IsnClock, 1);
    }

    private static void CountDown(ref Endpoint e)
    {
        if (e.Timer > 1) e = e with { Timer = e.Timer - 1 };
    }

    private static void Emit(ref Step step, Side side, string timer)
    {
        if (step.Explaining) step.Emit(new StepEvent.TimerFired(side, timer));
    }
}
