using TcpModelCheck.Conformance.Scripts;
using TcpModelCheck.Live.Isolation;

namespace TcpModelCheck.Live.Runs;

/// <summary>
/// Runs one script against the kernel, on the namespace's thread, with packetdrill's semantics: inputs (inbound
/// segments, calls, sysctl lines) happen at their script times; each expected outbound segment is the next one the
/// kernel sends and must arrive within the line's time window ± the tolerance. Unlike packetdrill the run goes on
/// after a failed line — the verdict keeps the first failure — so the recording shows everything the kernel did.
/// Relative times count from the previous line's script time, or from the actual arrival after a <c>*</c> or
/// ranged line (packetdrill's rule).
/// </summary>
internal sealed partial class ScriptExecution
{
    private readonly IsolatedNetwork _net;
    private readonly Script _script;
    private readonly LiveRunOptions _options;
    private readonly ScriptClock _clock = new();
    private readonly PeerLink _peer;
    private readonly SyscallDriver _calls;
    private readonly Recording _recording = new();
    private readonly List<(PendingCall Call, SyscallEvent Event)> _pending = [];
    private readonly long _tolerance;
    private KernelVerdict? _failure;
    private bool _stopped;
    private long _previous;
    private long _lastInputAt;
    private long _inputLateness;

    public ScriptExecution(IsolatedNetwork net, Script script, LiveRunOptions options)
    {
        _net = net;
        _script = script;
        _options = options;
        _tolerance = options.ToleranceMicros ?? script.ToleranceMicros;
        _peer = new PeerLink(net, _clock, remotePort: 40_000, listenPort: 8080);
        _calls = new SyscallDriver(_peer);
    }

    public LiveRunResult Run()
    {
        var started = _clock.NowMicros;
        try
        {
            foreach (var e in _script.Events)
            {
                if (_stopped) break;
                Step(e);
            }
            FinishPending(_clock.NowMicros + Math.Max(_options.SettleMicros, _tolerance));
            _peer.Wait(_clock.NowMicros + _options.SettleMicros, untilSegment: false);
            while (_peer.Take() is { } extra) RecordSegment(extra, 0);
        }
        finally { _calls.CloseAll(); }
        var (recorded, origins) = _recording.ToScript(_script, _tolerance);
        return new LiveRunResult(_script.Source, _failure ?? new KernelVerdict.Passes(), recorded, origins,
            (_clock.NowMicros - started) / 1e6);
    }

    private void Step(ScriptEvent e)
    {
        var (earliest, latest) = e.Time.Window(_previous);
        switch (e)
        {
            case PacketEvent { IsInbound: true } p: Inbound(p, earliest); break;
            case PacketEvent p: Outbound(p, earliest, latest); break;
            case SyscallEvent s: Call(s, earliest); break;
            case CommandEvent c: Command(c, earliest); break;
            case UnsupportedEvent u: Unsupported(u.Line, u.What); break;
        }
        if (e is not PacketEvent { IsInbound: false } && e.Time.Kind != TimeKind.None) _previous = earliest;
    }

    private void Inbound(PacketEvent p, long at)
    {
        WaitUntil(at);
        if (SegmentMapping.Inbound(p, _peer, out var why) is not { } segment) { Unsupported(p.Line, why!); return; }
        _peer.Send(segment);
        Input(at);
        _recording.Add(_lastInputAt, p, p.Line);
    }

    private void Outbound(PacketEvent p, long earliest, long latest)
    {
        if (p.Time.Kind == TimeKind.Any) latest = earliest + _options.AnyTimeLimitMicros;
        // A reply to an input the runner sent late comes late by as much; only the kernel's own delay is judged.
        latest += _inputLateness;
        var deadline = latest + _tolerance;
        while (_peer.Wait(deadline, untilSegment: true, stop: AnyPendingReturned) is null && _clock.NowMicros < deadline)
            CollectPending();
        var observed = _peer.Take();
        if (observed is null)
        {
            Fail(p.Line, ScriptWriter.Packet(p), "nothing by " + ScriptWriter.Seconds(deadline) + " s");
            _previous = p.Time.IsRange || p.Time.Kind == TimeKind.Any ? latest : earliest;
            return;
        }
        var got = RecordSegment(observed, p.Line);
        if (SegmentMapping.Mismatch(p, got) is { } field)
            Fail(p.Line, ScriptWriter.Packet(p), $"{ScriptWriter.Packet(got)} (the {field} differs)");
        else if (observed.AtMicros < earliest - _tolerance || observed.NotBeforeMicros > latest + _tolerance)
            Fail(p.Line, $"{ScriptWriter.Packet(p)} at {Window(earliest, latest)} s",
                $"it at {ScriptWriter.Seconds(observed.AtMicros)} s");
        _previous = p.Time.IsRange || p.Time.Kind == TimeKind.Any ? ArrivalEstimate(observed) : earliest;
    }

    /// <summary>The input was made now, for script time <paramref name="scheduled"/>.</summary>
    private void Input(long scheduled)
    {
        _lastInputAt = _clock.NowMicros;
        _inputLateness = Math.Max(0, _lastInputAt - scheduled);
    }

    /// <summary>When a segment most likely arrived: the earliest moment possible, but not before the last input.</summary>
    private long ArrivalEstimate(ObservedSegment o) => Math.Min(o.AtMicros, Math.Max(o.NotBeforeMicros, _lastInputAt));

    private PacketEvent RecordSegment(ObservedSegment observed, int originLine)
    {
        var at = ArrivalEstimate(observed);
        var e = SegmentMapping.Outbound(observed.Segment, _peer, EventTime.Absolute(at), originLine);
        _recording.Add(at, e, originLine);
        return e;
    }

    private void Command(CommandEvent c, long at)
    {
        if (SysctlCommand.Parse(c.Command) is not { } assignments)
        {
            Unsupported(c.Line, $"the shell command `{c.Command}` (a live run executes only `sysctl net.*=…`, inside its namespace)");
            return;
        }
        if (c.Time.Kind != TimeKind.None) WaitUntil(at);
        foreach (var (name, value) in assignments)
        {
            if (_net.ReadSysctl(name) is null) { Unsupported(c.Line, $"sysctl {name} does not exist on this kernel"); return; }
            _net.SetSysctl(name, value);
        }
        Input(c.Time.Kind == TimeKind.None ? _clock.NowMicros : at);
        _recording.Add(_lastInputAt, c, c.Line);
    }

    /// <summary>Waits for a script time, reading what the kernel sends meanwhile (at least what already came).</summary>
    private void WaitUntil(long micros)
    {
        do
        {
            _peer.Wait(micros, untilSegment: false, stop: AnyPendingReturned);
            CollectPending();
        } while (_clock.NowMicros < micros);
    }

    private string Window(long earliest, long latest) =>
        earliest == latest ? ScriptWriter.Seconds(earliest) : $"{ScriptWriter.Seconds(earliest)}~{ScriptWriter.Seconds(latest)}";

    private void Fail(int line, string expected, string got) => _failure ??= new KernelVerdict.Fails(line, expected, got);

    /// <summary>The run stops: what follows cannot be run faithfully. An earlier failure stays the verdict.</summary>
    private void Unsupported(int line, string what)
    {
        _failure ??= new KernelVerdict.Unsupported(line, what);
        _stopped = true;
    }
}
