using TcpModelCheck.Conformance.Scripts;

namespace TcpModelCheck.Live.Runs;

/// <summary>
/// What happened in a live run, in time order: the script's inputs as they were sent or called and the kernel's
/// segments as they arrived. <see cref="ToScript"/> writes it with absolute times rounded to the millisecond, so
/// no rounding error accumulates from line to line (each is at most 0.5 ms, well under any tolerance).
/// </summary>
internal sealed class Recording
{
    private readonly List<(long At, int Order, ScriptEvent Event, int OriginLine)> _events = [];

    public void Add(long atMicros, ScriptEvent e, int originLine) => _events.Add((atMicros, _events.Count, e, originLine));

    public (Script Script, IReadOnlyList<int> OriginLines) ToScript(Script original, long toleranceMicros)
    {
        // Within one millisecond (the recording's resolution) the inputs come first: a kernel segment stamped in the same
        // millisecond as a call or an inbound segment was its answer (a segment's stamp is the last moment the queue was
        // seen empty, which may precede the call that caused it: a blocking connect's SYN, measured).
        var ordered = _events.OrderBy(e => Millis(e.At)).ThenBy(e => e.Event is PacketEvent { IsInbound: false } ? 1 : 0)
            .ThenBy(e => e.Order).ToList();
        var events = ordered.Select((e, i) => WithTime(e.Event, e.At, i + 1)).ToValueList();
        var options = original.Options.Where(o => o.Name != "tolerance_usecs").ToList();
        options.Add(new ScriptOption(0, "tolerance_usecs", toleranceMicros.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return (new Script(original.Source, options.ToValueList(), events), ordered.Select(e => e.OriginLine).ToList());
    }

    private static ScriptEvent WithTime(ScriptEvent e, long atMicros, int line)
    {
        var time = e.Time.Kind == TimeKind.None ? EventTime.None : EventTime.Absolute(Millis(atMicros));
        return e switch
        {
            SyscallEvent { BlockingEndMicros: { } end } s => s with { Line = line, Time = time, BlockingEndMicros = Millis(end) },
            _ => e with { Line = line, Time = time },
        };
    }

    private static long Millis(long micros) => (micros + 500) / 1000 * 1000;
}
