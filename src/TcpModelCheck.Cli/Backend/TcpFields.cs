using TcpModelCheck.Tcp;

namespace TcpModelCheck.Cli.Backend;

/// <summary>
/// The command-line options of every <see cref="TcpConfig"/> field: the option is <c>--</c> + the settings key
/// (the same key a trace file stores), so what a user types and what a trace records are one vocabulary.
/// </summary>
internal static class TcpFields
{
    /// <summary>Help text per settings key, in the order help lists them.</summary>
    private static readonly (string Key, string HelpName, string Description)[] Known =
    [
        ("variant", "name", "Protocol variant (see 'tcpmc list variants'); sets the defaults of the variant-specific fields below"),
        ("workload", "name", "Application workload (see 'tcpmc list workloads')"),
        ("incarnations", "n", "Connections the client opens in turn on the same 4-tuple ('default': 2 for reconnect, else 1)"),
        ("data-items", "n", "Data items the client (A) sends per connection"),
        ("server-data-items", "n", "Data items the server (B) sends per connection"),
        ("msl", "ticks", "Maximum segment lifetime: no segment stays in the network longer (RFC 9293 §3.4.1)"),
        ("rto", "ticks", "Retransmission timeout (RFC 9293 §3.8.1, fixed)"),
        ("max-retransmissions", "n", "Retransmissions of one segment before the connection is aborted (user timeout, §3.10.8)"),
        ("sequence-space", "n", "Size of the modular sequence space (4..256); small values make wrap-around reachable"),
        ("isn-set", "list", "Initial sequence numbers a new connection may pick, e.g. 0,14 (with --isn-mode set)"),
        ("isn-mode", "set|clock", "ISN choice: nondeterministic from --isn-set, or from a clock (RFC 9293 §3.4.1)"),
        ("receive-window", "n", "Receive window RCV.WND in sequence numbers"),
        ("network-capacity", "n", "Segments in flight per direction; a segment sent into a full direction is dropped"),
        ("loss-budget", "n", "Segments the network may lose in one run"),
        ("duplication-budget", "n", "Segments the network may duplicate in one run"),
        ("delay-budget", "n", "Segments that may straggle (stay in flight up to MSL instead of arriving before the next tick) in one run; 'unlimited' for any"),
        ("fifo", "bool", "Deliver each direction in order (losses and duplicates still possible)"),
        ("crash-budget", "n", "Host crashes in one run: the host loses its TCB (RFC 9293 §3.5.2)"),
        ("time-wait", "ticks", "TIME-WAIT length; 0 = no TIME-WAIT; 'default' = the variant's rule (2*MSL for rfc9293)"),
        ("fin-wait-2-timeout", "ticks", "FIN-WAIT-2 timeout (Linux tcp_fin_timeout); 'none' as in RFC 9293"),
        ("ignore-rst-in-time-wait", "bool", "RFC 1337: ignore an RST that arrives in TIME-WAIT"),
        ("naive-fin", "bool", "The naive-fin bug: process an in-window FIN before earlier missing data"),
    ];

    /// <summary>One field per settings key of the model. A key the table above does not know still gets an
    /// option (so no field is ever unreachable from the command line), with a plain description; a test fails
    /// until the table describes it.</summary>
    public static IReadOnlyList<ConfigField> All { get; } = Build();

    internal static IEnumerable<string> Undescribed => TcpConfig.Default.ToSettings().Keys.Where(k => Known.All(f => f.Key != k));

    private static List<ConfigField> Build()
    {
        var defaults = TcpConfig.Default.ToSettings();
        var fields = Known.Where(f => defaults.ContainsKey(f.Key))
            .Select(f => new ConfigField(f.Key, "--" + f.Key, f.Description, f.HelpName, defaults[f.Key]))
            .ToList();
        fields.AddRange(Undescribed.Select(k => new ConfigField(k, "--" + k, $"The model's '{k}' setting", "value", defaults[k])));
        return fields;
    }
}
