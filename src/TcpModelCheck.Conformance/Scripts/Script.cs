namespace TcpModelCheck.Conformance.Scripts;

/// <summary>
/// A parsed packetdrill script (the <c>.pkt</c> language of google/packetdrill): the command-line options it
/// sets and its events in file order. Every value is immutable and compares structurally, so two scripts that
/// say the same thing are equal whatever their layout, except for <see cref="ScriptEvent.Line"/>.
/// </summary>
/// <param name="Source">Where the text came from (a path, or a name given by the caller); used in messages.</param>
/// <param name="Options">The <c>--name=value</c> lines before the first event.</param>
/// <param name="Events">Every event: syscalls, segments, shell commands and the constructs kept unparsed.</param>
public sealed record Script(string Source, ValueList<ScriptOption> Options, ValueList<ScriptEvent> Events)
{
    /// <summary>The value of option <paramref name="name"/> (without the leading dashes), if the script sets it.</summary>
    public string? Option(string name) => Options.LastOrDefault(o => o.Name == name)?.Value;

    /// <summary>packetdrill's <c>--tolerance_usecs</c> (default 4000 µs, as in packetdrill's config.c).</summary>
    public long ToleranceMicros =>
        long.TryParse(Option("tolerance_usecs"), out var t) ? t : DefaultToleranceMicros;

    public const long DefaultToleranceMicros = 4_000;

    /// <summary>The script's length in time: the latest moment its timeline names (an event's time, or the start of
    /// a range), in microseconds. A live run takes at least this long, so a script that waits out a real kernel
    /// timer (TIME-WAIT's 60 s, tcp_fin_timeout) is "slow" (<see cref="SlowMicros"/>).</summary>
    public long DurationMicros
    {
        get
        {
            long at = 0, latest = 0;
            foreach (var e in Events)
            {
                if (e.Time.Kind is TimeKind.None or TimeKind.Any) continue;
                at = e.Time.Window(at).Earliest;
                latest = Math.Max(latest, at);
            }
            return latest;
        }
    }

    /// <summary>Scripts longer than this (10 s of script time) are slow: <c>conform --live</c> runs them only with
    /// <c>--slow</c>, and the test suite's live tests use none.</summary>
    public const long SlowMicros = 10_000_000;

    public bool IsSlow => DurationMicros > SlowMicros;

    /// <summary>The same script with every line number set to 0: equal to another layout of the same content.</summary>
    public Script WithoutLines() => this with
    {
        Options = Options.Select(o => o with { Line = 0 }).ToValueList(),
        Events = Events.Select(e => e with { Line = 0 }).ToValueList(),
    };
}

/// <summary>A <c>--name=value</c> line (<c>--tolerance_usecs=10000</c>); <see cref="Value"/> is null for a bare
/// <c>--name</c>. Quotes around the value are removed.</summary>
public sealed record ScriptOption(int Line, string Name, string? Value);
