using TcpModelCheck.Tcp.Charts;

namespace TcpModelCheck.Tcp;

/// <summary>
/// The clock-driven ISN generator (<see cref="IsnMode.Clock"/>) of RFC 9293 §3.4.1 (MUST-8), in the model's
/// coarse time. RFC 9293 binds the ISN to "a (possibly fictitious) 32 bit clock whose low order bit is
/// incremented roughly every 4 microseconds", and RFC 6528 §3 keeps that clock as the term M of
/// ISN = M + F(4-tuple, secret): F is the same for every incarnation of one 4-tuple, so successive ISSs on it
/// are spaced by the clock alone. The RFC's argument that "ISNs will be unique" rests on the clock running
/// faster than a connection uses sequence numbers: by the time a new incarnation starts, the clock has moved
/// past every number the previous one sent.
/// </summary>
/// <remarks>
/// A model tick is a fraction of MSL, and a connection sends its SYN, data and FIN within a tick, so a clock that
/// only ticked would hand a reconnecting host the same ISS again (the reuse RFC 9293 §3.4.1 guards against).
/// The model therefore keeps the clock ahead of the sequence numbers directly: taking an ISS from the clock
/// moves the clock past the numbers the new connection will occupy (its SYN, its data items and its FIN), and
/// each tick advances it by one more. Both hosts read one clock; only the spacing of one host's successive ISSs
/// on the 4-tuple matters, and one clock keeps those apart too. With the model's small sequence space the clock
/// wraps after a few incarnations, which a segment could only exploit by outliving the wrap (it expires at MSL).
/// </remarks>
internal static class IsnClock
{
    /// <summary><paramref name="side"/> took <paramref name="iss"/> from the clock: the clock moves past the
    /// 2 + items numbers the connection will use (explorer only; the open endpoint's ISS comes from its script).</summary>
    public static void Taken(ref Step step, Side side, int iss)
    {
        if (!step.Rules.ClockIsn || step.Open is not null) return;
        step.IsnClock = (byte)step.Seq.Add(iss, 2 + step.Rules.Items(side));
    }

    /// <summary>
    /// A crash loses the host's memory of the sequence numbers in use (RFC 9293 §3.4.3: "even hosts that know the
    /// time of day and use it to select initial sequence values are not immune"); a restarted generator (RFC 6528:
    /// a new secret, so a new offset F) may hand out any number, in the worst case those of the connection just
    /// lost. The model takes that worst case: the clock falls back to the lost connection's ISS. The quiet time
    /// (<see cref="Timers.StartQuietTime"/>) is what makes it harmless.
    /// </summary>
    public static void Crashed(ref Step step, in Endpoint lost)
    {
        if (!step.Rules.ClockIsn || lost.State is ConnectionState.Closed or ConnectionState.Listen) return;
        step.IsnClock = (byte)lost.Iss;
    }
}
