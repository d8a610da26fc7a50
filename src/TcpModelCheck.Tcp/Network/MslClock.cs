namespace TcpModelCheck.Tcp.Network;

/// <summary>
/// The network's side of time: when the clock may tick, and what a tick does to the segments in flight. The
/// hosts' side (timers counting down, the ISN clock) is in <see cref="Timers.Tick"/>.
/// </summary>
internal static class MslClock
{
    /// <summary>
    /// Time may advance when no timer has expired, every segment in flight is a straggler younger than MSL, and
    /// advancing changes something: a segment is in flight or a timer runs (or, with the ISN clock, an
    /// application still has something to do). A prompt segment, or a straggler of age MSL, must first be
    /// delivered or lost (using the loss budget): "no segment outlives MSL" (RFC 9293 §3.4.1) without the clock
    /// becoming a source of unbudgeted losses.
    /// </summary>
    public static bool CanTick(TcpState s, bool applicationPending, Rules rules)
    {
        if (Timers.Expired(s.Client) || Timers.Expired(s.Server)) return false;
        foreach (var seg in s.Segments) if (!seg.Straggler || seg.Age >= rules.Msl) return false;
        return s.InFlight.Count > 0 || s.Client.Timer != 0 || s.Server.Timer != 0 || (rules.ClockIsn && applicationPending);
    }

    /// <summary>One tick for the network: every segment in flight ages by one.</summary>
    public static void Tick(ref Step step) => step.Net.AgeAll();
}
