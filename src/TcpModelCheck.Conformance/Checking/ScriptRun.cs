using TcpModelCheck.Conformance.Open;
using TcpModelCheck.Conformance.Scripts;
using TcpModelCheck.Tcp;

namespace TcpModelCheck.Conformance.Checking;

/// <summary>
/// One run of a script against the open endpoint: inbound segments are delivered to it, syscalls become user
/// calls, and each outbound line must match the next segment the endpoint sent, at the time the script says
/// (within <c>--tolerance_usecs</c>, or within the window a rule allows: a retransmission timeout range, a
/// delayed ACK). Like packetdrill, a segment the stack sends that no later <c>&gt;</c> line expects is noticed only
/// when a <c>&gt;</c> line comes; at the end of the script it is reported as a note.
/// </summary>
/// <remarks>With <c>strictEnd</c> (a recording of a live run, which holds every segment the kernel sent until it had
/// been quiet for a while) a segment the endpoint still owes at the end is a disagreement: the kernel did not send it.</remarks>
internal sealed partial class ScriptRun(Script script, TcpConfig config, VariantTiming timing, bool strictEnd = false)
{
    /// <summary>RFC 9293 §3.8.6.3 (MUST-40): an ACK may be delayed, but by less than 0.5 s.</summary>
    private const long MaxAckDelay = 500_000;

    private OpenEndpoint _ep = null!;
    private readonly List<Pending> _pending = [];
    private readonly List<string> _notes = [];
    private readonly long _tol = script.ToleranceMicros;
    private long _now;
    private bool _windowNoted;
    private bool _optionsNoted;

    /// <summary>A segment the endpoint sent, when, and why (the rule that produced it).</summary>
    private sealed record Pending(OpenSegment Segment, long At, string Why, bool Delayable);

    public IReadOnlyList<string> Notes => _notes;

    /// <summary>After <see cref="Execute"/>: the segments the endpoint sent that no line matched, in order, with
    /// the time each was sent and whether it is an ACK that may be delayed (what <c>tcpmc generate</c> writes as the
    /// variant's predicted reply).</summary>
    public IReadOnlyList<(OpenSegment Segment, long At, bool Delayable)> Unmatched =>
        _pending.Select(p => (p.Segment, p.At, p.Delayable)).ToList();

    /// <summary>After <see cref="Execute"/>: when the endpoint's running timer may fire (microseconds), or null.</summary>
    public (long Lo, long Hi, string Rule)? NextTimer => _ep.FireWindow();

    /// <summary>The script's timing tolerance in microseconds.</summary>
    public long Tolerance => _tol;

    /// <summary>The time of the last event processed, in microseconds.</summary>
    public long Now => _now;

    /// <summary>Runs the script; with <paramref name="until"/> (microseconds) time then goes on to that moment, so the
    /// timers due by then fire (what <c>tcpmc generate</c> uses to predict a retransmission).</summary>
    public (VerdictKind Kind, int? Line, string Reason) Execute(long? until = null)
    {
        try
        {
            var (c, t) = Support.Prescan(script, config, timing, _notes);
            _ep = new OpenEndpoint(c, t);
            foreach (var e in script.Events) Process(e);
            if (until is { } u) AdvanceTo(u);
            Finish();
            return (VerdictKind.Agrees, null, "");
        }
        catch (RunEnded r) { return (r.Kind, r.Line, r.Reason); }
    }

    private void Process(ScriptEvent e)
    {
        var (lo, hi) = e.Time.Window(_now);
        BeginChartStep(e);
        switch (e)
        {
            case PacketEvent { Direction: Direction.Outbound } p: MatchOutbound(p, lo, hi); break;
            case PacketEvent p: AdvanceTo(lo); _now = lo; Deliver(p); break;
            case SyscallEvent s: AdvanceTo(lo); _now = lo; Syscall(s); break;
            case CommandEvent c: _notes.Add($"line {c.Line}: shell command skipped: `{c.Command}`"); break;
        }
        CompleteBlockedCalls();
    }

    /// <summary>Fires every timer whose latest allowed time lies before <paramref name="t"/> (beyond tolerance).</summary>
    private void AdvanceTo(long t)
    {
        while (_ep.FireWindow() is { } w && w.Hi + _tol < t) Fire(w.Hi, w.Rule);
    }

    private void Fire(long at, string rule)
    {
        var before = _ep.E;
        _events.Add(new Tcp.Charts.StepEvent.TimerFired(Tcp.Side.Client, $"at {ScriptWriter.Seconds(at)} s: {rule}"));
        var sent = _ep.Apply(at, (ref Step s) => Timers.Fire(ref s, OpenEndpoint.Kernel));
        ChartStep(before, sent);
        _ep.TimerFired();
        foreach (var seg in sent) _pending.Add(new Pending(Relative(seg), at, $"{rule}, RFC 9293 §3.10.8", false));
        if (sent.Count == 0)
            _notes.Add($"at {ScriptWriter.Seconds(at)} s: {Describe(before.State)} ended silently ({rule})");
        AfterStep(before);
    }

    private void Finish()
    {
        CompleteBlockedCalls(final: true);
        if (strictEnd && _pending.Count > 0)
        {
            var first = _pending[0];
            throw Disagree(script.Events.Count == 0 ? 0 : script.Events[^1].Line,
                $"the variant also sends {Format(first.Segment)} at {ScriptWriter.Seconds(first.At)} s ({first.Why}); the kernel sent nothing more");
        }
        foreach (var p in _pending)
            _notes.Add($"at {ScriptWriter.Seconds(p.At)} s the variant also sends {Format(p.Segment)} ({p.Why}); no later line expects it (packetdrill does not check)");
    }

    /// <summary>A segment the endpoint sent, its SEQ relative to the kernel's ISS as the script writes it (see
    /// <see cref="OpenEndpoint.Base"/>).</summary>
    private OpenSegment Relative(OpenSegment s) => s with { Seq = unchecked(s.Seq - _ep.Base) };

    private static string Describe(ConnectionState s) => s.RfcName();

    private RunEnded Disagree(int line, string reason) => new(VerdictKind.Disagrees, line, reason);

    /// <summary>The RFC 9293 section for segment arrival in state <paramref name="s"/>.</summary>
    private static string ArrivalSection(ConnectionState s) => s switch
    {
        ConnectionState.Closed => "RFC 9293 §3.10.7.1",
        ConnectionState.Listen => "RFC 9293 §3.10.7.2",
        ConnectionState.SynSent => "RFC 9293 §3.10.7.3",
        _ => "RFC 9293 §3.10.7.4",
    };

    internal static string Format(OpenSegment s)
    {
        var flags = TcpFlags.None;
        if (s.Syn) flags |= TcpFlags.Syn;
        if (s.Fin) flags |= TcpFlags.Fin;
        if ((s.Flags & SegmentFlags.Rst) != 0) flags |= TcpFlags.Rst;
        if ((s.Flags & SegmentFlags.Ack) != 0) flags |= TcpFlags.Ack;
        var seq = (uint)s.Seq;
        var text = $"{ScriptWriter.Flags(flags)} {seq}:{unchecked(seq + (uint)s.DataLength)}({s.DataLength})";
        return (s.Flags & SegmentFlags.Ack) != 0 ? $"{text} ack {(uint)s.Ack}" : text;
    }
}
