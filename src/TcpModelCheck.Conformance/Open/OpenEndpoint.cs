using TcpModelCheck.Tcp;
using TcpModelCheck.Tcp.Charts;

namespace TcpModelCheck.Conformance.Open;

/// <summary>One step of the shared RFC 9293 event processing, applied to the open endpoint.</summary>
internal delegate void StepAction(ref Step step);

/// <summary>
/// The stack under test as ONE endpoint of the model (side A), driven from outside: the same §3.10 code as the
/// explorer (<see cref="Arrival"/>, <see cref="Synchronized"/>, <see cref="UserCalls"/>, <see cref="Timers"/>),
/// with the environment changed — 32-bit sequence numbers (<see cref="SeqMath.Full"/>), payloads in bytes, no
/// reassembly queue, timers in seconds kept here (<see cref="VariantTiming"/>), and segments collected instead of
/// put on a network. The ISS is 0, so sequence numbers are relative, as packetdrill writes them.
/// </summary>
internal sealed class OpenEndpoint(TcpConfig config, VariantTiming timing)
{
    public const Side Kernel = Side.Client;
    private const int Running = 2;

    public Endpoint E { get; private set; }

    public TcpConfig Config { get; } = config;

    public VariantTiming Timing { get; } = timing;

    /// <summary>When the running timer was (re)started, in microseconds.</summary>
    public long TimerSetAt { get; private set; }

    /// <summary>The MSS the stack uses for retransmissions (the peer's SYN option, else 1460).</summary>
    public int Mss { get; set; } = 1460;

    /// <summary>The application closed the socket (close(), not shutdown): FIN-WAIT-2 may time out (Linux).</summary>
    public bool Orphaned { get; set; }

    /// <summary>The script's listening socket is open (a SYN in TIME-WAIT may then reopen the connection, RFC 6191).</summary>
    public bool Listening { get; set; }

    /// <summary>The kernel's ISS as packetdrill sees it: every SYN the endpoint sends sets the base its outbound sequence
    /// numbers and the script's inbound ACK numbers are relative to (0 for the first connection; a connection reopened
    /// from TIME-WAIT starts again at 0, as packetdrill and the live runner number it).</summary>
    public int Base { get; private set; }

    /// <summary>Set when the variant retransmits a SYN at once after SYN-SENT answered an unacceptable ACK with a
    /// reset (<see cref="VariantTiming.ResynAfterReset"/>); cleared when the timer fires.</summary>
    public bool ResynSoon { get; private set; }

    /// <summary>SYN-SENT answered an unacceptable ACK with &lt;SEQ=SEG.ACK&gt;&lt;CTL=RST&gt; at <paramref name="now"/>:
    /// a variant with <see cref="VariantTiming.ResynAfterReset"/> sends its SYN again within that time.</summary>
    public void AfterResetInSynSent(long now)
    {
        if (Timing.ResynAfterReset is null || E.State != ConnectionState.SynSent) return;
        ResynSoon = true;
        TimerSetAt = now;
    }

    /// <summary>The running timer fired.</summary>
    public void TimerFired() => ResynSoon = false;

    /// <summary>The notes the shared code made during the last step ("RST not at RCV.NXT: challenge ACK").</summary>
    public IReadOnlyList<string> LastNotes { get; private set; } = [];

    private Rules MakeRules() => new(Config)
    {
        Seq = SeqMath.Full,
        Window = 65535,
        Rto = 1000,
        TimeWait = (int)(Timing.TimeWait * 1000),
        FinWait2 = Timing.FinWait2 is { } f ? (int)(f * 1000) : 0,
        MaxSegment = Mss,
        HoldsOutOfOrder = false,
        BacksOff = true,
        Orphaned = Orphaned,
        ListenerOpen = Listening,
        MaxRetransmissions = E.State switch
        {
            ConnectionState.SynSent => Timing.SynRetries,
            ConnectionState.SynReceived => Timing.SynAckRetries,
            _ => Timing.DataRetries,
        },
    };

    /// <summary>Applies one action of the shared code at time <paramref name="now"/>; returns what the endpoint sent.</summary>
    public List<OpenSegment> Apply(long now, StepAction action)
    {
        var before = E.Timer != 0 ? E with { Timer = Running } : E;
        var sent = new List<OpenSegment>();
        var events = new List<StepEvent>();
        var step = new Step(MakeRules(), new TcpState(before, default, [], default, 0), events, Span<Segment>.Empty) { Open = sent };
        action(ref step);
        var after = step.Build().Client;
        if (after.Timer != 0 && (before.Timer == 0 || after.Timer != Running || after.State != before.State)) TimerSetAt = now;
        E = after;
        if (sent.FirstOrDefault(x => x.Syn) is { Syn: true } syn) Base = syn.Seq;
        LastNotes = events.OfType<StepEvent.Note>().Select(n => n.Text).ToList();
        return sent;
    }

    /// <summary>Replaces the TCB (a listener taking a new SYN after the previous connection ended).</summary>
    public void Reset(Endpoint e) => E = e;

    /// <summary>The window, in microseconds since the epoch of the script, in which the running timer fires; null
    /// when no timer runs or it never fires (FIN-WAIT-2 without the variant's timeout, or not orphaned).</summary>
    public (long Lo, long Hi, string Rule)? FireWindow()
    {
        if (E.Timer == 0) return null;
        var (lo, hi, rule) = E.State switch
        {
            ConnectionState.TimeWait => (Timing.TimeWait, Timing.TimeWait * (1 + Timing.TimerSlack), $"TIME-WAIT lasts {Timing.TimeWait} s{Slack()}"),
            ConnectionState.FinWait2 when Timing.FinWait2 is { } f && Orphaned =>
                (f, f * (1 + Timing.TimerSlack), $"orphaned FIN-WAIT-2 times out after {f} s (tcp_fin_timeout){Slack()}"),
            ConnectionState.FinWait2 => (double.NaN, double.NaN, ""),
            _ => Retransmission(),
        };
        if (double.IsNaN(lo)) return null;
        return (TimerSetAt + (long)(lo * 1e6), TimerSetAt + (long)(hi * 1e6), rule);
    }

    private string Slack() => Timing.TimerSlack > 0 ? $", up to {Timing.TimerSlack * 100} % later (timer wheel)" : "";

    private (double, double, string) Retransmission()
    {
        if (ResynSoon && Timing.ResynAfterReset is { } soon)
            return (0, soon, $"the SYN is sent again within {soon} s of the reset ({Timing.Variant}: tcp_rcv_synsent_state_process re-arms the timer at TCP_TIMEOUT_MIN)");
        var (lo, hi) = Timing.RetransmissionWindow(E.State, E.Retransmits);
        return (lo, hi, $"retransmission timeout {lo}–{hi} s ({Timing.RtoRule})");
    }
}
