using System.Globalization;
using TcpModelCheck.Tcp;

namespace TcpModelCheck.Conformance.Open;

/// <summary>
/// A variant's timers in seconds, as the open endpoint runs them (the explorer's ticks are a scaled version).
/// Where the variant allows a range (a retransmission timeout), the checker accepts any time inside it.
/// </summary>
/// <param name="SynRto">First retransmission timeout of a SYN or SYN-ACK (RFC 6298 §2.1: 1 s; Linux TCP_TIMEOUT_INIT 1 s).</param>
/// <param name="DataRtoMin">Shortest allowed first retransmission timeout of data or a FIN.</param>
/// <param name="DataRtoMax">Longest allowed first retransmission timeout of data or a FIN.</param>
/// <param name="TimeWait">TIME-WAIT length (RFC 9293: 2·MSL = 240 s; Linux TCP_TIMEWAIT_LEN 60 s).</param>
/// <param name="FinWait2">Timeout of an orphaned FIN-WAIT-2 (Linux tcp_fin_timeout 60 s); null when none.</param>
/// <param name="SynRetries">Retransmissions of a SYN before giving up. Linux gives up when the time since the first
/// SYN exceeds what tcp_syn_retries (6) doubling timeouts would take, 127 s; with its linear first timeouts that is 10
/// retransmissions (0, 1, 2, 3, 4, 5, 7, 11, 19, 35, 67 s) and ETIMEDOUT at 131 s — measured with
/// <c>tcpmc conform --live</c>.</param>
/// <param name="SynAckRetries">Retransmissions of a SYN-ACK (Linux tcp_synack_retries 5).</param>
/// <param name="DataRetries">Retransmissions of data or a FIN (Linux tcp_retries2 15).</param>
/// <param name="ProbeMin">Earliest first retransmission of data or a FIN when the stack sends a tail loss probe
/// (RFC 8985 §7: PTO = 2·SRTT, long before the RTO on a short path); null when it does not. Linux does: measured with
/// <c>tcpmc conform --live</c> over the generated coverage suite, a FIN left unacknowledged is sent again 10–20 ms
/// later (the RTT of a TUN device in a namespace is well under 1 ms).</param>
/// <param name="LinearSynRetries">Retransmissions of a SYN (active open), after the first, that keep the initial
/// timeout instead of doubling it; Linux 6.x's <c>tcp_syn_linear_timeouts</c>, default 4. Measured on this machine
/// (<c>tcpmc conform --live</c>): SYNs at 0, 1, 2, 3, 4, 5, 7, 11, 19, 35 s — five 1 s timeouts, then doubling.</param>
/// <param name="ResynAfterReset">When SYN-SENT answers an unacceptable ACK with a reset, the SYN is sent again within
/// this time (the reset may have cleared a stale connection at the peer); null when the SYN timer keeps running.
/// Linux re-arms it at TCP_TIMEOUT_MIN (tcp_input.c, tcp_rcv_synsent_state_process; measured 0–1 ms).</param>
/// <param name="TimerSlack">How late a long timer (TIME-WAIT, the orphaned FIN-WAIT-2 timeout) may end, as a fraction of
/// its length. Linux's timer wheel rounds an expiry up to its level's granularity, which is at most 1/8 of the timeout
/// (kernel/time/timer.c; 2.048 s for 60 s at HZ=250, 4.096 s at HZ=1000), so 0.125. Measured with <c>tcpmc conform --live</c> (Linux 6.18, HZ=250): a FIN 61 s into TIME-WAIT, and 61 s
/// into an orphaned FIN-WAIT-2 with tcp_fin_timeout 60, was still ACKed. Not applied to retransmissions: the same wheel made
/// a SYN due 4 s after the previous one come 190 ms late, yet the give-up 64 s after the last SYN came on time, and one
/// deterministic endpoint cannot predict both (a known difference, docs/linux-fidelity.md).</param>
public sealed record VariantTiming(
    string Variant, double SynRto, double DataRtoMin, double DataRtoMax, double TimeWait, double? FinWait2,
    int SynRetries, int SynAckRetries, int DataRetries, string RtoRule, double? ProbeMin = null, double? ResynAfterReset = null, int LinearSynRetries = 0,
    double TimerSlack = 0)
{
    /// <summary>RFC 9293 with RFC 6298: RTO 1 s before and (rounded up, RFC 6298 §2.4) after an RTT sample;
    /// doubling per retransmission (§5.5); R2 of RFC 9293 §3.8.3 as retransmission counts (7 for a SYN ≈ 3 min,
    /// 6 for data ≈ 100 s).</summary>
    private static VariantTiming Rfc(string name, double timeWait) =>
        new(name, 1, 1, 1, timeWait, null, 7, 7, 6, "RFC 6298 §2: RTO 1 s (rounded up to 1 s), doubling per retransmission (§5.5)");

    public static VariantTiming For(string variant)
    {
        var name = Variants.Get(variant).Name;
        return name switch
        {
            Variants.Linux => new(name, 1, 0.2, 1, 60, 60, 10, 5, 15,
                "Linux: SYN RTO 1 s (TCP_TIMEOUT_INIT), otherwise at least tcp_rto_min 200 ms, doubling per retransmission; " +
                "the first retransmission of data or a FIN may be a tail loss probe (RFC 8985 §7) from 10 ms", ProbeMin: 0.01,
                ResynAfterReset: 0.01, LinearSynRetries: 4, TimerSlack: 0.125),
            Variants.NoTimeWait => Rfc(name, 0),
            Variants.ShortTimeWait => Rfc(name, 120),
            _ => Rfc(name, 240),
        };
    }

    /// <summary>The earliest and latest time (seconds after the timer was set) a retransmission timer may fire.</summary>
    public (double Lo, double Hi) RetransmissionWindow(ConnectionState state, int retransmits)
    {
        var factor = Math.Pow(2, Math.Min(retransmits, 6));
        if (state == ConnectionState.SynSent && LinearSynRetries > 0)
        {
            var linear = SynRto * (retransmits <= LinearSynRetries ? 1 : Math.Pow(2, Math.Min(retransmits - LinearSynRetries, 6)));
            return (linear, linear);
        }
        return state is ConnectionState.SynSent or ConnectionState.SynReceived
            ? (SynRto * factor, SynRto * factor)
            : (retransmits == 0 && ProbeMin is { } probe ? probe : DataRtoMin * factor, Math.Min(DataRtoMax * factor, 120));
    }

    /// <summary>The lines <c>tcpmc explain</c> prints for the variant.</summary>
    public IEnumerable<string> Describe()
    {
        yield return $"SYN/SYN-ACK retransmission timeout: {S(SynRto)} s, doubling; {SynRetries} SYN and {SynAckRetries} SYN-ACK retransmissions";
        if (LinearSynRetries > 0) yield return $"SYN (active open): {LinearSynRetries + 1} timeouts of {S(SynRto)} s (tcp_syn_linear_timeouts={LinearSynRetries}), then doubling";
        yield return $"data/FIN retransmission timeout: {S(DataRtoMin)}–{S(DataRtoMax)} s, doubling; {DataRetries} retransmissions, then give up without RST";
        if (ResynAfterReset is { } resyn) yield return $"SYN-SENT: after resetting an unacceptable ACK, the SYN again within {S(resyn)} s";
        if (ProbeMin is { } probe) yield return $"tail loss probe (RFC 8985 §7): the first data/FIN retransmission from {S(probe)} s";
        yield return TimeWait == 0 ? "TIME-WAIT: none" : $"TIME-WAIT: {S(TimeWait)} s";
        if (TimerSlack > 0) yield return $"TIME-WAIT and FIN-WAIT-2 timeouts end up to {S(TimerSlack * 100)} % late (timer wheel granularity)";
        yield return FinWait2 is { } f ? $"orphaned FIN-WAIT-2 timeout: {S(f)} s" : "FIN-WAIT-2: no timeout";
        yield return "delayed ACK: up to 0.5 s (RFC 9293 §3.8.6.3, MUST-40)";
    }

    private static string S(double s) => s.ToString("0.###", CultureInfo.InvariantCulture);
}
