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
/// <param name="SynRetries">Retransmissions of a SYN before giving up (Linux tcp_syn_retries 6).</param>
/// <param name="SynAckRetries">Retransmissions of a SYN-ACK (Linux tcp_synack_retries 5).</param>
/// <param name="DataRetries">Retransmissions of data or a FIN (Linux tcp_retries2 15).</param>
public sealed record VariantTiming(
    string Variant, double SynRto, double DataRtoMin, double DataRtoMax, double TimeWait, double? FinWait2,
    int SynRetries, int SynAckRetries, int DataRetries, string RtoRule)
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
            Variants.Linux => new(name, 1, 0.2, 1, 60, 60, 6, 5, 15,
                "Linux: SYN RTO 1 s (TCP_TIMEOUT_INIT), otherwise at least tcp_rto_min 200 ms, doubling per retransmission"),
            Variants.NoTimeWait => Rfc(name, 0),
            Variants.ShortTimeWait => Rfc(name, 120),
            _ => Rfc(name, 240),
        };
    }

    /// <summary>The earliest and latest time (seconds after the timer was set) a retransmission timer may fire.</summary>
    public (double Lo, double Hi) RetransmissionWindow(ConnectionState state, int retransmits)
    {
        var factor = Math.Pow(2, Math.Min(retransmits, 6));
        return state is ConnectionState.SynSent or ConnectionState.SynReceived
            ? (SynRto * factor, SynRto * factor)
            : (DataRtoMin * factor, Math.Min(DataRtoMax * factor, 120));
    }

    /// <summary>The lines <c>tcpmc explain</c> prints for the variant.</summary>
    public IEnumerable<string> Describe()
    {
        yield return $"SYN/SYN-ACK retransmission timeout: {S(SynRto)} s, doubling; {SynRetries} SYN and {SynAckRetries} SYN-ACK retransmissions";
        yield return $"data/FIN retransmission timeout: {S(DataRtoMin)}–{S(DataRtoMax)} s, doubling; {DataRetries} retransmissions, then give up without RST";
        yield return TimeWait == 0 ? "TIME-WAIT: none" : $"TIME-WAIT: {S(TimeWait)} s";
        yield return FinWait2 is { } f ? $"orphaned FIN-WAIT-2 timeout: {S(f)} s" : "FIN-WAIT-2: no timeout";
        yield return "delayed ACK: up to 0.5 s (RFC 9293 §3.8.6.3, MUST-40)";
    }

    private static string S(double s) => s.ToString("0.###", CultureInfo.InvariantCulture);
}
