namespace TcpModelCheck.Conformance.Scripts;

/// <summary>How an event's time is written (packetdrill's event_time rule).</summary>
public enum TimeKind
{
    /// <summary>No time: a shell command before the first event or after the last (init/cleanup command).</summary>
    None,
    /// <summary><c>0.100</c>: seconds since the script started.</summary>
    Absolute,
    /// <summary><c>+.1</c>, <c>+0</c>: seconds after the previous event.</summary>
    Relative,
    /// <summary><c>*</c>: any time (outbound segments only).</summary>
    Any,
    /// <summary><c>0.5~0.7</c>: an absolute window (outbound segments only).</summary>
    AbsoluteRange,
    /// <summary><c>+0.5~+0.7</c>: a window after the previous event (outbound segments only).</summary>
    RelativeRange,
}

/// <summary>An event's time in microseconds, as packetdrill keeps it; <see cref="EndMicros"/> is the end of a
/// range and 0 otherwise.</summary>
public sealed record EventTime(TimeKind Kind, long Micros, long EndMicros = 0)
{
    public static EventTime None { get; } = new(TimeKind.None, 0);

    public static EventTime Absolute(long micros) => new(TimeKind.Absolute, micros);

    public static EventTime Relative(long micros) => new(TimeKind.Relative, micros);

    public bool IsRange => Kind is TimeKind.AbsoluteRange or TimeKind.RelativeRange;

    public bool IsRelative => Kind is TimeKind.Relative or TimeKind.RelativeRange;

    /// <summary>The earliest and latest absolute time this event may happen at, given the previous event's time.</summary>
    public (long Earliest, long Latest) Window(long previousMicros) => Kind switch
    {
        TimeKind.Absolute => (Micros, Micros),
        TimeKind.Relative => (previousMicros + Micros, previousMicros + Micros),
        TimeKind.AbsoluteRange => (Micros, EndMicros),
        TimeKind.RelativeRange => (previousMicros + Micros, previousMicros + EndMicros),
        TimeKind.Any => (previousMicros, long.MaxValue),
        _ => (previousMicros, previousMicros),
    };
}
