using System.Collections.Immutable;
using TcpModelCheck.Engine.Model;
using static TcpModelCheck.Tcp.FieldCodecs;

namespace TcpModelCheck.Tcp;

/// <summary>
/// THE configuration table: every <see cref="TcpConfig"/> field declared once — settings key (also the
/// command-line option <c>--key</c>), text form, range, help, and for a preset field the variant's (or
/// workload's) rule as a function of the final values. Trace settings, <see cref="TcpConfig.FromSettings"/>,
/// validation, the CLI's options, <c>tcpmc list options</c>, <c>tcpmc explain</c> and configuration names are
/// all generated from <see cref="All"/>.
/// </summary>
/// <remarks>
/// <para><b>Adding a field</b> is one row here plus the property it sets:</para>
/// <list type="number">
/// <item>add an init property to <see cref="TcpConfig"/> with its default (a preset field keeps a nullable
/// backing field and reads <c>_field ?? TcpFields.Row.Rule!(this)</c>, so its rule sees the final values);</item>
/// <item>add a row below and list it in <see cref="All"/> (the order help lists options in): key, help name,
/// help text, codec, getter, setter, then <c>.Range(min, max, v =&gt; v)</c> and, for a preset field,
/// <c>.From(FieldPreset.Variant, c =&gt; rule, "rule in words")</c>;</item>
/// <item>read the property where the model uses it (usually <c>Rules</c>).</item>
/// </list>
/// <para>Nothing else: the option, the trace key, the range check, <c>list options</c> and <c>explain</c> follow,
/// and the tests over <see cref="All"/> cover it (round trip, one option per field, described help). Keep the
/// default behaviour unchanged unless the state counts pinned in the tests are meant to move.</para>
/// </remarks>
public static class TcpFields
{
    private static TcpField<int> Number(string key, string helpName, string help, Func<TcpConfig, int> get,
        Func<TcpConfig, int, TcpConfig> set, int min, int max) =>
        new TcpField<int>(key, helpName, help, Int, get, set).Range(min, max, v => v);

    private static TcpField<bool> Flag(string key, string help, Func<TcpConfig, bool> get, Func<TcpConfig, bool, TcpConfig> set) =>
        new(key, "bool", help, Bool, get, set);

    public static NameTable<IsnMode> IsnModes { get; } = new("an ISN mode", (Tcp.IsnMode.Set, "set"), (Tcp.IsnMode.Clock, "clock"));

    public static NameTable<Fairness> Fairnesses { get; } = new("a fairness",
        (Engine.Model.Fairness.TimeProgress, "time"), (Engine.Model.Fairness.StrongTransitions, "strong"));

    public static readonly TcpField<string> Variant = new TcpField<string>("variant", "name",
        "Protocol variant (see 'tcpmc list variants'): the preset of the variant-specific fields not given explicitly",
        NameIn(Variants.All, "variant"), c => c.Variant, (c, v) => c with { Variant = v })
    { Check = (_, v) => Catalog.TryFind(Variants.All, v) is null ? [Catalog.UnknownMessage(Variants.All, "variant", v)] : [] };

    public static readonly TcpField<string> Workload = new TcpField<string>("workload", "name",
        "Application workload (see 'tcpmc list workloads')",
        NameIn(Workloads.All, "workload"), c => c.Workload, (c, v) => c with { Workload = v })
    { Check = (_, v) => Catalog.TryFind(Workloads.All, v) is null ? [Catalog.UnknownMessage(Workloads.All, "workload", v)] : [] };

    public static readonly TcpField<int> Incarnations = Number("incarnations", "n",
        "Connections the client opens in turn on the same 4-tuple", c => c.Incarnations, (c, v) => c with { Incarnations = v }, 1, 4)
        .From(FieldPreset.Workload, c => Workloads.Reconnects(c.Workload) ? 2 : 1, "2 for the reconnect workloads, else 1");

    public static readonly TcpField<int> DataItems = Number("data-items", "n", "Data items the client (A) sends per connection",
        c => c.DataItems, (c, v) => c with { DataItems = v }, 0, 4);

    public static readonly TcpField<int> ServerDataItems = Number("server-data-items", "n", "Data items the server (B) sends per connection",
        c => c.ServerDataItems, (c, v) => c with { ServerDataItems = v }, 0, 4);

    public static readonly TcpField<int> Msl = Number("msl", "ticks",
        "Maximum segment lifetime: no segment stays in the network longer (RFC 9293 §3.4.1)", c => c.Msl, (c, v) => c with { Msl = v }, 1, 8);

    public static readonly TcpField<int> Rto = Number("rto", "ticks", "Retransmission timeout (RFC 9293 §3.8.1, fixed)",
        c => c.Rto, (c, v) => c with { Rto = v }, 1, 16);

    public static readonly TcpField<int> MaxRetransmissions = Number("max-retransmissions", "n",
        "Retransmissions of one segment before the connection is aborted (user timeout, §3.10.8)",
        c => c.MaxRetransmissions, (c, v) => c with { MaxRetransmissions = v }, 0, 7);

    /// <summary>The size of the modular sequence space; 32 by default (<see cref="TcpConfig.SequenceSpace"/>). With 16,
    /// RCV.NXT of a reconnect row can wrap to a stale reset's SEQ=0 within MSL, which real TCP reaches only after more
    /// than 2^31 bytes within MSL (the case PAWS handles, RFC 7323 §5), so the default does not report it as a finding;
    /// <c>--sequence-space 16</c> still shows it, and smaller values make wrap-around reachable on purpose.</summary>
    public static readonly TcpField<int> SequenceSpace = Number("sequence-space", "n",
        "Size of the modular sequence space; small values make wrap-around reachable (16: within MSL on the reconnect rows)",
        c => c.SequenceSpace, (c, v) => c with { SequenceSpace = v }, 4, 256);

    public static readonly TcpField<ImmutableArray<int>> IsnSet = new TcpField<ImmutableArray<int>>("isn-set", "list",
        "Initial sequence numbers a new connection may pick, e.g. 0,14 (with --isn-mode set)", IntList,
        c => c.IsnSet, (c, v) => c with { IsnSet = v })
    { Check = IsnSetProblems }
        .From(FieldPreset.Variant, c => c.Variant == Variants.FixedIsn ? [0] : [0, 14], "0 for fixed-isn, else 0,14");

    public static readonly TcpField<IsnMode> IsnMode = new TcpField<IsnMode>("isn-mode", "set|clock",
        "ISN choice: nondeterministic from --isn-set (shows ISN reuse), or from a clock that moves past the numbers each connection uses (RFC 9293 §3.4.1, RFC 6528)",
        Enum(IsnModes), c => c.IsnMode, (c, v) => c with { IsnMode = v })
        .From(FieldPreset.Variant, c => c.Variant is Variants.NoTimeWait or Variants.FixedIsn ? Tcp.IsnMode.Set : Tcp.IsnMode.Clock,
            "set for no-time-wait and fixed-isn, else clock");

    public static readonly TcpField<int> ReceiveWindow = Number("receive-window", "n", "Receive window RCV.WND in sequence numbers",
        c => c.ReceiveWindow, (c, v) => c with { ReceiveWindow = v }, 1, 4);

    /// <summary>Segments in flight per direction; 10 by default (<see cref="TcpConfig.NetworkCapacity"/>), at most 16
    /// (the state encoding writes a one-byte segment count and room for this many per direction).</summary>
    public static readonly TcpField<int> NetworkCapacity = Number("network-capacity", "n",
        "Segments in flight per direction; a segment sent into a full direction is dropped",
        c => c.NetworkCapacity, (c, v) => c with { NetworkCapacity = v }, 1, 16);

    public static readonly TcpField<int> LossBudget = Number("loss-budget", "n", "Segments the network may lose in one run",
        c => c.LossBudget, (c, v) => c with { LossBudget = v }, 0, 31);

    public static readonly TcpField<int> DuplicationBudget = Number("duplication-budget", "n", "Segments the network may duplicate in one run",
        c => c.DuplicationBudget, (c, v) => c with { DuplicationBudget = v }, 0, 15);

    public static readonly TcpField<int?> DelayBudget = new TcpField<int?>("delay-budget", "n",
        "Segments that may straggle (stay in flight up to MSL instead of arriving before the next tick) in one run; 'unlimited' for any",
        IntOr("unlimited"), c => c.DelayBudget, (c, v) => c with { DelayBudget = v }).Range(0, 7, v => v);

    public static readonly TcpField<bool> Fifo = Flag("fifo", "Deliver each direction in order (losses and duplicates still possible)",
        c => c.Fifo, (c, v) => c with { Fifo = v });

    public static readonly TcpField<int> CrashBudget = Number("crash-budget", "n",
        "Host crashes in one run: the host loses its TCB (RFC 9293 §3.5.2)", c => c.CrashBudget, (c, v) => c with { CrashBudget = v }, 0, 3);

    public static readonly TcpField<bool> QuietTime = Flag("quiet-time",
        "RFC 9293 §3.4.3: after a crash a host keeps quiet for MSL before it opens a connection again (false: it reopens at once)",
        c => c.QuietTime, (c, v) => c with { QuietTime = v });

    public static readonly TcpField<int> TimeWait = Number("time-wait", "ticks", "TIME-WAIT length; 0 = no TIME-WAIT (RFC 9293 §3.10.7.4)",
        c => c.TimeWaitTicks, (c, v) => c with { TimeWaitTicks = v }, 0, 32)
        .From(FieldPreset.Variant, c => c.Variant switch
        {
            Variants.NoTimeWait => 0,
            Variants.ShortTimeWait => c.Msl,
            Variants.Linux => (c.Msl + 1) / 2,
            _ => 2 * c.Msl,
        }, "2*msl; msl for short-time-wait; ceil(msl/2) for linux; 0 for no-time-wait");

    public static readonly TcpField<int> FinWait2Timeout = new TcpField<int>("fin-wait-2-timeout", "ticks",
        "FIN-WAIT-2 timeout (Linux tcp_fin_timeout); 'none' as in RFC 9293", ZeroAs("none"),
        c => c.FinWait2Timeout, (c, v) => c with { FinWait2Timeout = v }).Range(0, 32, v => v)
        .From(FieldPreset.Variant, c => c.Variant == Variants.Linux ? (c.Msl + 1) / 2 : 0, "ceil(msl/2) for linux, else none");

    public static readonly TcpField<bool> IgnoreRstInTimeWait = Flag("ignore-rst-in-time-wait", "RFC 1337: ignore an RST that arrives in TIME-WAIT",
        c => c.IgnoreRstInTimeWait, (c, v) => c with { IgnoreRstInTimeWait = v })
        .From(FieldPreset.Variant, c => c.Variant == Variants.Rfc1337, "true for rfc1337");

    public static readonly TcpField<bool> NaiveFin = Flag("naive-fin", "The naive-fin bug: process an in-window FIN before earlier missing data",
        c => c.NaiveFin, (c, v) => c with { NaiveFin = v })
        .From(FieldPreset.Variant, c => c.Variant == Variants.NaiveFin, "true for naive-fin");

    public static readonly TcpField<bool> RstChallengeAck = Flag("rst-challenge-ack",
        "RFC 5961 §3.2: an in-window RST not at RCV.NXT draws a challenge ACK (false: RFC 793, any in-window RST resets)",
        c => c.RstChallengeAck, (c, v) => c with { RstChallengeAck = v });

    public static readonly TcpField<bool> LinuxTimeWait = Flag("linux-time-wait",
        "TIME-WAIT as Linux runs it (tcp_timewait_state_process): RST not at RCV.NXT ignored, other segments ACKed, any ACK restarts it",
        c => c.LinuxTimeWait, (c, v) => c with { LinuxTimeWait = v })
        .From(FieldPreset.Variant, c => c.Variant == Variants.Linux, "true for linux");

    public static readonly TcpField<bool> OldAckChallenge = Flag("old-ack-challenge",
        "RFC 5961 §5.2 as Linux: an ACK older than SND.UNA - min(MAX.SND.WND, bytes acked) draws a challenge ACK",
        c => c.OldAckChallenge, (c, v) => c with { OldAckChallenge = v })
        .From(FieldPreset.Variant, c => c.Variant == Variants.Linux, "true for linux");

    public static readonly TcpField<bool> TimeWaitReopen = Flag("time-wait-reopen",
        "RFC 6191: a SYN in TIME-WAIT beyond RCV.NXT reopens the connection if a listener is there (ISS = SND.NXT + 65537, Linux); else it is ACKed",
        c => c.TimeWaitReopen, (c, v) => c with { TimeWaitReopen = v })
        .From(FieldPreset.Variant, c => c.Variant == Variants.Linux, "true for linux");

    public static readonly TcpField<bool> SynAckAgain = Flag("syn-ack-again",
        "A repeat of the SYN that made a passive SYN-RECEIVED (SEG.SEQ = IRS) is answered by the SYN-ACK again (Linux tcp_check_req)",
        c => c.SynAckAgain, (c, v) => c with { SynAckAgain = v })
        .From(FieldPreset.Variant, c => c.Variant == Variants.Linux, "true for linux");

    public static readonly TcpField<bool> AckOfDuplicate = Flag("ack-of-duplicate",
        "A segment ending exactly at RCV.NXT still has a new ACK processed (Linux tcp_sequence); silent if that ACK ends CLOSING/LAST-ACK",
        c => c.AckOfDuplicate, (c, v) => c with { AckOfDuplicate = v })
        .From(FieldPreset.Variant, c => c.Variant == Variants.Linux, "true for linux");

    public static readonly TcpField<Fairness> Fairness = new("fairness", "time|strong",
        "Fairness of the liveness check: 'time' = strong fairness on every step and time progresses (a loop in which "
        + "the clock can never tick is not a run); 'strong' = strong fairness alone (zero-time loops count)",
        Enum(Fairnesses), c => c.Fairness, (c, v) => c with { Fairness = v });

    public static NameTable<Reduction> Reductions { get; } = new("a reduction",
        (Tcp.Reduction.DeadGhosts, "dead-ghosts"), (Tcp.Reduction.None, "none"));

    public static readonly TcpField<Reduction> Reduction = new("reduction", "dead-ghosts|none",
        "State-space reduction that keeps every verdict and shortest counterexample length: 'dead-ghosts' leaves out the "
        + "ghost incarnation of ACK, RST and SYN-ACK segments, which no rule or property reads; 'none' keeps the full state (cross-checks)",
        Enum(Reductions), c => c.Reduction, (c, v) => c with { Reduction = v });

    /// <summary>Every field, in the order help lists them.</summary>
    public static IReadOnlyList<TcpField> All { get; } =
    [
        Variant, Workload, Incarnations, DataItems, ServerDataItems, Msl, Rto, MaxRetransmissions, SequenceSpace, IsnSet,
        IsnMode, ReceiveWindow, NetworkCapacity, LossBudget, DuplicationBudget, DelayBudget, Fifo, CrashBudget, QuietTime, TimeWait,
        FinWait2Timeout, IgnoreRstInTimeWait, RstChallengeAck, LinuxTimeWait, OldAckChallenge, TimeWaitReopen, SynAckAgain,
        AckOfDuplicate, NaiveFin, Fairness, Reduction,
    ];

    /// <summary>The field with settings key <paramref name="key"/>, or null.</summary>
    public static TcpField? Find(string key) => All.FirstOrDefault(f => f.Key == key);

    private static IEnumerable<string> IsnSetProblems(TcpConfig c, ImmutableArray<int> set)
    {
        if (c.IsnMode == Tcp.IsnMode.Clock)
        {
            if (!IsnSet.IsDefault(c)) yield return "isn-set: only used with --isn-mode set (this configuration's ISNs come from the clock)";
            yield break;
        }
        if (set.Length == 0) yield return "isn-set: give at least one initial sequence number";
        foreach (var isn in set.Where(i => i < 0 || i >= c.SequenceSpace).Distinct())
            yield return $"isn-set: {isn} is outside the sequence space 0..{c.SequenceSpace - 1}";
        if (set.Distinct().Count() != set.Length) yield return "isn-set: values must be distinct";
    }
}
