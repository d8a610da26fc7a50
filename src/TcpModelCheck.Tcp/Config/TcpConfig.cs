using System.Collections.Immutable;
using TcpModelCheck.Engine.Model;

namespace TcpModelCheck.Tcp;

/// <summary>How each new connection picks its initial send sequence number (RFC 9293 §3.4.1).</summary>
public enum IsnMode
{
    /// <summary>Nondeterministically from <see cref="TcpConfig.IsnSet"/>: every choice is explored, including a
    /// new incarnation reusing the previous one's ISS — the worst case the RFC's ISN generator guards against.</summary>
    Set,
    /// <summary>From the clock of RFC 9293 §3.4.1 (RFC 6528's M): it advances one sequence number per tick and,
    /// whenever an ISS is taken from it, moves past the numbers the new connection will use (see
    /// <c>IsnClock</c>), so a new incarnation never starts among the old one's numbers; the clock phase is part of
    /// the state.</summary>
    Clock,
}

/// <summary>
/// Everything that defines one TCP model: protocol variant, application workload, network faults and timing.
/// Immutable; derive variations with <c>with</c>. Each property is one field of the table
/// <see cref="TcpFields"/>, which declares its settings key, text form, range, help and default once; that table
/// generates the settings a trace records, validation, and the command line's options.
/// </summary>
/// <remarks>
/// <para>A variant (and a workload) is a pure preset. The fields it governs — <see cref="TimeWaitTicks"/>,
/// <see cref="FinWait2Timeout"/>, <see cref="IgnoreRstInTimeWait"/>, <see cref="NaiveFin"/>, <see cref="IsnSet"/>
/// (variant) and <see cref="Incarnations"/> (workload) — hold an explicit value only when one was set; otherwise
/// reading them applies the preset's rule to the configuration's final values, so <c>ForVariant(Linux) with
/// { Msl = 4 }</c> has both linux timers at ceil(4/2) = 2. Nothing else reads <see cref="Variant"/>: the model
/// runs on the field values alone, and the settings it records are those effective values.</para>
/// <para>How the state count grows, measured by a full breadth-first check of rfc9293, client-closes-first with the
/// ISNs from the set ({0, 14}, <c>--isn-mode set</c>: 162,372 states, re-measured after segments began to expire
/// at MSL) with one knob changed at a time. The figures predate expiry, the ISN clock and the quiet time; the two
/// re-measured since are marked. The default configuration (ISNs from the clock) has 65,936 states.</para>
/// <list type="bullet">
/// <item><see cref="DelayBudget"/> is the big one: 0 → 8,143; 1 → 162,372; 2 → 1,581,116 (a straggler lingers for
/// MSL ticks while everything else interleaves with it); unlimited is intractable beyond tiny settings.</item>
/// <item><see cref="DuplicationBudget"/> 1 → 1,656,507 (×10); <see cref="LossBudget"/> 0 → 51,293, 2 → 310,020;
/// <see cref="CrashBudget"/> 1 → 1,085,627 (re-measured with the quiet time).</item>
/// <item><see cref="IsnSet"/>: each connection's ISN is a choice, {0} → 40,923, {0,7,14} → 365,103.</item>
/// <item><see cref="ServerDataItems"/> 1 → 3,282,716 (data both ways); <see cref="DataItems"/> 2 → 803,514.</item>
/// <item>Timing barely matters with prompt delivery: <see cref="Msl"/> 3 → 166,358, <see cref="Rto"/> 2 →
/// 145,651, <see cref="MaxRetransmissions"/> 3 → unchanged (the budgets never reach the third retransmission).</item>
/// <item><see cref="Fifo"/> → 7,104 (no reordering); <see cref="ReceiveWindow"/> 1 → 164,617;
/// <see cref="NetworkCapacity"/> 6 → unchanged (7 segments in one direction are never reached by default);
/// <see cref="SequenceSpace"/> 32 (then 16 by default) → 162,864 (only wrap-around coincidences differ).</item>
/// <item><see cref="Incarnations"/> (reconnect) multiplies by far more than the number of connections, since the
/// leftovers of one connection meet the next: rfc1337 reconnect has 476,091 states (re-measured; 188,461 with the
/// ISN clock; 158,535 with the default <see cref="Reduction"/>, which leaves every one-connection count above as it
/// is; 157,181 with the 32-number sequence space); the variants that accept
/// stale segments reach millions (their violations are found in the first few hundred thousand).</item>
/// </list>
/// </remarks>
public sealed partial record TcpConfig
{
    private int? _incarnations;
    private ImmutableArray<int>? _isnSet;
    private IsnMode? _isnMode;
    private int? _timeWait;
    private int? _finWait2;
    private bool? _ignoreRst;
    private bool? _naiveFin;
    private bool? _linuxTimeWait;
    private bool? _oldAck;
    private bool? _reopen;
    private bool? _synAckAgain;
    private bool? _ackOfDuplicate;

    /// <summary>Variant name (see <see cref="Variants"/>): the preset the variant-specific fields follow unless
    /// set explicitly. The behaviour is fully determined by the field values.</summary>
    public string Variant { get; init; } = Variants.Rfc9293;

    /// <summary>Workload name (see <see cref="Workloads"/>).</summary>
    public string Workload { get; init; } = Workloads.ClientClosesFirst;

    /// <summary>How many connections A opens in turn on the same 4-tuple; unless set, the workload's rule
    /// (2 for the reconnect workloads, 1 otherwise).</summary>
    public int Incarnations { get => _incarnations ?? TcpFields.Incarnations.Rule!(this); init => _incarnations = value; }

    /// <summary>Data items A (the client) sends per connection, one sequence number each.</summary>
    public int DataItems { get; init; } = 1;

    /// <summary>Data items B (the server) sends per connection; 0 by default, since the expected findings need
    /// data in one direction only and each item in the other direction multiplies the state count.</summary>
    public int ServerDataItems { get; init; }

    /// <summary>Maximum segment lifetime in ticks: no segment stays in the network longer (RFC 9293 §3.4.1).</summary>
    public int Msl { get; init; } = 2;

    /// <summary>Retransmission timeout in ticks (RFC 9293 §3.8.1 with a fixed RTO).</summary>
    public int Rto { get; init; } = 1;

    /// <summary>Retransmissions of one segment before the connection is aborted (the user timeout of
    /// RFC 9293 §3.10.8, counted in retransmissions).</summary>
    public int MaxRetransmissions { get; init; } = 2;

    /// <summary>Size of the modular sequence space (sequence numbers are 0 .. SequenceSpace-1); at most 256. 32 by
    /// default (16 until issue 10): in a 16-number space the server-closes-first reconnect rows wrap A's RCV.NXT to
    /// exactly 0 within MSL, where a delayed stale <c>&lt;SEQ=0&gt;&lt;RST,ACK&gt;</c> passes RFC 5961's exact check
    /// and ends connection 2 (and rfc9293/reconnect's TIME-WAIT). Real TCP wraps within MSL only after more than 2^31
    /// bytes within MSL — the case of PAWS, RFC 7323 §5 — about 2^-32 per stray reset otherwise, so the default must
    /// not report it as a finding. Measured (<c>tcpmc compare</c>): with 32 every property of
    /// rfc1337/reconnect-server-closes-first holds (564,387 states; 568,343 and three violations with 16), and
    /// rfc9293's reconnect rows keep only their assassinations. <c>--sequence-space 16</c> still shows the wrap.</summary>
    public int SequenceSpace { get; init; } = 32;

    /// <summary>The initial sequence numbers a new connection may pick from (with <see cref="IsnMode.Set"/>);
    /// unless set, the variant's: {0} for fixed-isn, {0, 14} otherwise.</summary>
    public ImmutableArray<int> IsnSet { get => _isnSet ?? TcpFields.IsnSet.Rule!(this); init => _isnSet = value; }

    /// <summary>Where ISNs come from; unless set, the variant's: the clock RFC 9293 §3.4.1 requires (MUST-8) for
    /// the variants that model a real stack, the set for no-time-wait (the deliberately broken variant that shows
    /// what TIME-WAIT guards against, including a reused ISS) and fixed-isn (the missing generator).</summary>
    public IsnMode IsnMode { get => _isnMode ?? TcpFields.IsnMode.Rule!(this); init => _isnMode = value; }

    /// <summary>The receive window RCV.WND in sequence numbers (constant: no flow control is modelled).</summary>
    public int ReceiveWindow { get; init; } = 2;

    /// <summary>At most this many segments in flight per direction; a segment sent into a full direction is
    /// dropped (tail drop): as one of the budgeted losses while the loss budget lasts, beyond it with the ghost
    /// flag <c>Overflowed</c> set, so the <c>within-capacity</c> property tells whether the bound cut the
    /// exploration. 10 by default (at most 16): with 6, RFC 9293 reconnect overflowed in 28 steps (within one tick,
    /// the leftovers of connection 1 — a retransmitted SYN, re-ACKs, resets — plus connection 2's handshake, data and
    /// FIN make 7 segments in one direction; RFC 9293 bounds none of them); with 8, linux/reconnect-server-closes-first
    /// piled up 9 in A's direction (28 steps, after B reopened from TIME-WAIT, RFC 6191); with 10 every row that
    /// completes holds <c>within-capacity</c> (linux/reconnect-server-closes-first: 105,384,391 states in fingerprint
    /// mode), and no row but that one reaches 9, so their state counts are the same with 8 and 10.</summary>
    public int NetworkCapacity { get; init; } = 10;

    /// <summary>Segments the network may lose in one run.</summary>
    public int LossBudget { get; init; } = 1;

    /// <summary>Segments the network may duplicate in one run.</summary>
    public int DuplicationBudget { get; init; }

    /// <summary>
    /// Segments the network may turn into stragglers in one run; null means unlimited. A prompt segment is
    /// delivered (or lost) before the clock ticks again; a straggler may stay in flight for up to MSL ticks.
    /// Unlimited is the plain "any segment may take up to MSL" network: then every round trip may take 2·MSL,
    /// so any RTO shorter than that retransmits spuriously and the state count explodes. A budget keeps old
    /// duplicates (the stragglers) while ordinary traffic stays prompt.
    /// </summary>
    public int? DelayBudget { get; init; } = 1;

    /// <summary>Deliver each direction in order (losses and duplicates still possible).</summary>
    public bool Fifo { get; init; }

    /// <summary>Host crashes in one run: the endpoint loses its TCB and comes back CLOSED (RFC 9293 §3.5.2).</summary>
    public int CrashBudget { get; init; }

    /// <summary>RFC 9293 §3.4.3: a host that crashed keeps quiet for MSL ticks before it opens a connection again
    /// (its application's OPEN waits), so segments of its lost connection have expired before it picks a new ISS.
    /// False lets it reopen at once: with ISNs from the set, the new incarnation may then accept the old one's
    /// segments.</summary>
    public bool QuietTime { get; init; } = true;

    /// <summary>TIME-WAIT length in ticks, 0 meaning no TIME-WAIT (straight to CLOSED); unless set, the variant's
    /// rule at the final MSL: 2*MSL (RFC 9293 §3.10.7.4; rfc9293, rfc1337, naive-fin, fixed-isn), 1*MSL
    /// (short-time-wait), ceil(MSL/2) (linux), 0 (no-time-wait).</summary>
    public int TimeWaitTicks { get => _timeWait ?? TcpFields.TimeWait.Rule!(this); init => _timeWait = value; }

    /// <summary>FIN-WAIT-2 timeout in ticks (Linux's tcp_fin_timeout), 0 meaning none as in RFC 9293; unless set,
    /// the variant's: ceil(MSL/2) for linux, none otherwise.</summary>
    public int FinWait2Timeout { get => _finWait2 ?? TcpFields.FinWait2Timeout.Rule!(this); init => _finWait2 = value; }

    /// <summary>RFC 1337: ignore an RST that arrives in TIME-WAIT; unless set, true for rfc1337 only.</summary>
    public bool IgnoreRstInTimeWait { get => _ignoreRst ?? TcpFields.IgnoreRstInTimeWait.Rule!(this); init => _ignoreRst = value; }

    /// <summary>RFC 5961 §3.2 (incorporated by RFC 9293 §3.10.7.4): a RST inside the window but not exactly at
    /// RCV.NXT is answered by a challenge ACK instead of resetting the connection. False gives RFC 793's rule (any
    /// in-window RST resets), the blind-reset exposure RFC 5961 closes.</summary>
    public bool RstChallengeAck { get; init; } = true;

    /// <summary>TIME-WAIT (and, at the open endpoint, an orphaned FIN-WAIT-2 and data after close()) processed as
    /// Linux's tcp_timewait_state_process does (see LinuxTimeWait); unless set, true for linux only.</summary>
    public bool LinuxTimeWait { get => _linuxTimeWait ?? TcpFields.LinuxTimeWait.Rule!(this); init => _linuxTimeWait = value; }

    /// <summary>RFC 5961 §5.2's lower edge as Linux implements it: an ACK older than SND.UNA - min(MAX.SND.WND,
    /// bytes acknowledged) is dropped with a challenge ACK; unless set, true for linux only.</summary>
    public bool OldAckChallenge { get => _oldAck ?? TcpFields.OldAckChallenge.Rule!(this); init => _oldAck = value; }

    /// <summary>RFC 6191 (RFC 1122 §4.2.2.13, RFC 9293 §3.6.1 MAY-2) as Linux does it: a SYN without ACK in TIME-WAIT with
    /// SEG.SEQ &gt; RCV.NXT reopens the connection when a listener is there (ISS = old SND.NXT + 65537); otherwise
    /// TIME-WAIT answers it with &lt;SEQ=SND.NXT&gt;&lt;ACK=RCV.NXT&gt;&lt;CTL=ACK&gt;. Unless set, true for linux only.</summary>
    public bool TimeWaitReopen { get => _reopen ?? TcpFields.TimeWaitReopen.Rule!(this); init => _reopen = value; }

    /// <summary>A SYN that repeats the one which made a passive SYN-RECEIVED (SEG.SEQ = IRS) is answered by the SYN-ACK
    /// again (Linux's tcp_check_req), not by §3.10.7.4's ACK; unless set, true for linux only.</summary>
    public bool SynAckAgain { get => _synAckAgain ?? TcpFields.SynAckAgain.Rule!(this); init => _synAckAgain = value; }

    /// <summary>A segment that ends exactly at RCV.NXT (a retransmission of what was received) still has a new ACK
    /// processed (Linux's tcp_sequence accepts end_seq ≥ RCV.NXT); the duplicate is then ACKed unless that ACK ended
    /// CLOSING or LAST-ACK. Unless set, true for linux only.</summary>
    public bool AckOfDuplicate { get => _ackOfDuplicate ?? TcpFields.AckOfDuplicate.Rule!(this); init => _ackOfDuplicate = value; }

    /// <summary>The naive-fin bug: process an in-window FIN at once even if earlier data is missing; unless set,
    /// true for naive-fin only.</summary>
    public bool NaiveFin { get => _naiveFin ?? TcpFields.NaiveFin.Rule!(this); init => _naiveFin = value; }

    /// <summary>
    /// The fairness the liveness property (<c>eventually-closed</c>) is judged under. By default
    /// <see cref="Fairness.TimeProgress"/>: strong fairness on every transition, and only runs in which the clock
    /// keeps ticking count. The model delivers prompt segments before the next tick, so two endpoints that answer
    /// each other's segments forever (an "ACK war") would do so in zero time, the clock never reaching the end of
    /// TIME-WAIT; every real exchange takes time, so such a Zeno run is not a behaviour. It does not change the
    /// state space, only which lassos count: <see cref="Fairness.StrongTransitions"/> ("strong") keeps the
    /// zero-time loops as counterexamples.
    /// </summary>
    public Fairness Fairness { get; init; } = Fairness.TimeProgress;

    /// <summary>The state-space reduction (<see cref="Tcp.Reduction"/>): by default the dead ghost incarnations of
    /// ACK, RST and SYN-ACK segments are left out; <see cref="Reduction.None"/> keeps the full state, for
    /// cross-checking that the reduction keeps every verdict and shortest counterexample length.</summary>
    public Reduction Reduction { get; init; } = Reduction.DeadGhosts;

    /// <summary>The default configuration: rfc9293, client-closes-first, sized so a full check takes seconds.</summary>
    public static TcpConfig Default { get; } = new();

    /// <summary>The default configuration with variant <paramref name="name"/>'s preset; throws
    /// <see cref="ArgumentException"/> listing the valid names when there is no such variant.</summary>
    public static TcpConfig ForVariant(string name) => Default with { Variant = Variants.Get(name).Name };

    /// <summary>One clear message per problem; empty when the configuration is valid.</summary>
    public IReadOnlyList<string> Validate() => TcpConfigValidation.Problems(this);

    /// <summary>Every field's effective value as text, for traces (the inverse of <see cref="FromSettings"/>).</summary>
    public IReadOnlyDictionary<string, string> ToSettings() => TcpConfigSettings.Write(this);

    /// <summary>Rebuilds a configuration from settings (a trace's, a command line's); missing keys and the value
    /// "default" keep the field's default (the preset's rule for a preset field). Throws
    /// <see cref="ArgumentException"/> with a one-line message on an unknown key or a bad value.</summary>
    public static TcpConfig FromSettings(IReadOnlyDictionary<string, string> settings) => TcpConfigSettings.Read(settings);

    /// <summary>
    /// The configuration a recorded trace is re-run on, with <paramref name="overrides"/> on top. A recorded
    /// preset field whose value is its preset's rule at the recorded values came from the preset, so it is
    /// resolved again from the final values and the (possibly new) preset: replaying a naive-fin trace with
    /// <c>variant=rfc9293</c> runs rfc9293's rules (naive-fin off), and <c>msl=3</c> re-derives the timers. A
    /// recorded value that differs from its preset's rule was set explicitly and is kept (an explicit value that
    /// happens to equal the rule cannot be told apart, and follows the preset).
    /// </summary>
    public static TcpConfig ForReplay(IReadOnlyDictionary<string, string> recorded, IReadOnlyDictionary<string, string> overrides) =>
        TcpConfigSettings.ForReplay(recorded, overrides);

    /// <summary>"variant/workload", followed by the fields that differ from the presets as <c>key=value</c>
    /// pairs in key order, e.g. <c>short-time-wait/reconnect loss-budget=0</c>: the configuration's name in
    /// reports, and exactly the settings a command line needs besides the two names.</summary>
    public string Name => TcpConfigSettings.Name(this);

    /// <summary>The <c>key=value</c> part of <see cref="Name"/>: the fields whose values are not the presets' (or
    /// the default configuration's); empty for a variant's and workload's own configuration.</summary>
    public string Overrides => TcpConfigSettings.Overrides(this);

    public bool Equals(TcpConfig? other) =>
        other is not null && TcpConfigSettings.Write(this).SequenceEqual(TcpConfigSettings.Write(other));

    public override int GetHashCode() => string.Join(";", TcpConfigSettings.Write(this)).GetHashCode();
}
