using TcpModelCheck.Tcp.Charts;

namespace TcpModelCheck.Tcp.Network;

/// <summary>
/// The network's side of time: when the clock may tick, and what a tick does to the segments in flight. The
/// hosts' side (timers counting down, the ISN clock) is in <see cref="Timers.Tick"/>.
/// </summary>
/// <remarks>
/// MSL is the network's promise (RFC 9293 §3.4.1, "segments ... will stay in the network no more than the
/// Maximum Segment Lifetime"): a straggler may be delivered at any age up to MSL, and the tick that would make
/// it older removes it (<see cref="StepEvent.Expired"/>, drawn <c>~~X expired</c>). An expired straggler is
/// lost without using the loss budget: the delay budget bounds how many segments may straggle, and so how many
/// may expire.
/// </remarks>
internal static class MslClock
{
    /// <summary>
    /// Time may advance when no timer has expired, every segment in flight is a straggler (a prompt segment is
    /// delivered or lost before the next tick: ordinary traffic takes less than a tick), and advancing changes
    /// something: a segment is in flight or a timer runs. Time does not pass while nothing in the network or the
    /// timers could notice it: an idle wait would only shift the phase of the ISN clock, and
    /// <see cref="IsnClock.Taken"/> keeps each new ISS clear of the numbers earlier incarnations used whatever
    /// the phase. (A consequence: the clock's phase against a stale half-open TCB is not varied by idle waits.)
    /// </summary>
    public static bool CanTick(TcpState s)
    {
        if (Timers.Expired(s.Client) || Timers.Expired(s.Server)) return false;
        foreach (var seg in s.Segments) if (!seg.Straggler) return false;
        return s.Segments.Length > 0 || s.Client.Timer != 0 || s.Server.Timer != 0;
    }

    /// <summary>One tick for the network: a segment that has been in flight for MSL ticks expires (leaves the
    /// network), every other segment ages by one.</summary>
    public static void Tick(ref Step step)
    {
        var msl = step.Rules.Msl;
        for (var i = 0; i < step.Net.Count;)
        {
            if (step.Net[i].Age < msl) { i++; continue; }
            var seg = step.Net.RemoveAt(i);
            if (step.Explaining) step.Emit(new StepEvent.Expired(seg.Label));
        }
        step.Net.AgeAll();
    }
}
