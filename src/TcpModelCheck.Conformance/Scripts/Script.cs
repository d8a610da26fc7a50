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
