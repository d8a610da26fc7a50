namespace TcpModelCheck.Tcp;

/// <summary>
/// The protocol variants, chosen by name. A variant is a pure preset: it supplies the values of the fields
/// <see cref="TcpFields"/> marks <see cref="FieldPreset.Variant"/>, by a rule over the configuration's final values,
/// whenever they are not set explicitly; nothing reads the variant's name to decide behaviour.
/// </summary>
public static class Variants
{
    public const string Rfc9293 = "rfc9293";
    public const string NoTimeWait = "no-time-wait";
    public const string ShortTimeWait = "short-time-wait";
    public const string Rfc1337 = "rfc1337";
    public const string Linux = "linux";
    public const string NaiveFin = "naive-fin";
    public const string FixedIsn = "fixed-isn";

    /// <summary>Every variant with its description, in display order.</summary>
    public static IReadOnlyList<CatalogEntry> All { get; } =
    [
        new(Rfc9293, "RFC 9293 as written: TIME-WAIT lasts 2*MSL and is restarted by a retransmitted FIN "
            + "(§3.10.7.4), an acceptable RST closes any synchronized state including TIME-WAIT, a SYN in a "
            + "synchronized state is answered by a challenge ACK (§3.10.7.4, RFC 5961), and each new connection "
            + "takes its ISN from the clock of §3.4.1, which moves past the numbers the previous incarnation used "
            + "(--isn-mode set explores every ISN of --isn-set instead, reuse included)."),
        new(NoTimeWait, "Deliberately broken: the active closer skips TIME-WAIT and goes straight to CLOSED after "
            + "acknowledging the peer's FIN. Shows why TIME-WAIT exists (RFC 9293 §3.6.1, RFC 1337): a delayed "
            + "segment of the old connection can be accepted by a new one on the same 4-tuple, and a lost last "
            + "ACK leaves the peer's retransmitted FIN to be answered by a reset. Its ISNs come from the ISN set "
            + "(reuse included), the situation in which TIME-WAIT is the only protection."),
        new(ShortTimeWait, "TIME-WAIT shorter than 2*MSL (default: 1*MSL ticks). A segment the peer sent just "
            + "before its FIN may outlive the shortened TIME-WAIT; reconnecting on the same 4-tuple can then "
            + "accept stale data when the new connection reuses the old numbers (--isn-mode set; ISNs from the "
            + "clock, the default, start beyond them)."),
        new(Rfc1337, "RFC 9293 plus the RFC 1337 fix for TIME-WAIT assassination: an RST that arrives in "
            + "TIME-WAIT is ignored instead of closing the connection early."),
        new(Linux, "Linux-like timers: an orphaned FIN-WAIT-2 times out (tcp_fin_timeout) and TIME-WAIT lasts "
            + "60 s instead of 2*MSL = 240 s; with MSL scaled to the model's ticks both become ceil(MSL/2) ticks. "
            + "TIME-WAIT as tcp_timewait_state_process runs it, RFC 5961 §5.2's old-ACK challenge, a SYN beyond RCV.NXT reopening "
            + "TIME-WAIT (RFC 6191, ISS = SND.NXT + 65537), the SYN-ACK sent again for a repeated SYN in SYN-RECEIVED, and the ACK "
            + "of a retransmission ending at RCV.NXT processed; each measured against the kernel (tcpmc conform --live). "
            + "ISNs come from the clock (RFC 6528); timestamps (PAWS) are not modelled; the known differences are in docs/linux-fidelity.md."),
        new(NaiveFin, "Deliberately broken: a FIN inside the window is processed as soon as it arrives, even when "
            + "earlier data is still missing (RFC 9293 §3.10.7.4 says it must wait for RCV.NXT to reach it), so "
            + "the receiver signals end-of-stream and the missing data is lost."),
        new(FixedIsn, "Every connection starts at the same initial sequence number (the ISN set is {0}), as if "
            + "the ISN generator of RFC 9293 §3.4.1 were missing. The ISN choice is then deterministic, so the "
            + "model is smaller but exercises only the ISN-reuse case."),
    ];

    /// <summary>The entry named <paramref name="name"/> (case-insensitive); throws <see cref="ArgumentException"/>
    /// with the list of valid names otherwise.</summary>
    public static CatalogEntry Get(string name) => Catalog.Find(All, "variant", name);
}
