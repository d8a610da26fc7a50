using System.Globalization;

namespace TcpModelCheck.Conformance.Scripts;

/// <summary>
/// Parses packetdrill's .pkt language (google/packetdrill, gtests/net/packetdrill/parser.y) for TCP connection
/// management: options, the init command, events (segments, syscalls, shell commands) and the cleanup command.
/// What packetdrill would reject is a <see cref="ScriptFormatException"/> naming the file and line; constructs
/// packetdrill accepts but the model lacks (UDP, ICMP, IP fields, ports, python blocks) become
/// <see cref="UnsupportedEvent"/>s so the checker can say <c>unsupported: line n</c>.
/// </summary>
public sealed partial class ScriptParser
{
    private readonly Lexer _lex;
    private readonly string _source;
    private long _lastMicros;
    private bool _timedEventSeen;

    private ScriptParser(string source, string text)
    {
        _source = source;
        _lex = new Lexer(source, text);
    }

    /// <summary>Parses <paramref name="text"/>; <paramref name="source"/> names it in error messages.</summary>
    public static Script Parse(string text, string source = "script") => new ScriptParser(source, text).ParseScript();

    /// <summary>Reads and parses a file; an unreadable file or non-text bytes are a <see cref="ScriptFormatException"/>.</summary>
    public static Script ParseFile(string path)
    {
        string text;
        try { text = File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ScriptFormatException(path, 0, $"cannot read: {e.Message}");
        }
        return Parse(text, path);
    }

    private Script ParseScript()
    {
        var options = new List<ScriptOption>();
        while (_lex.Peek().Kind == TokenKind.Option) options.Add(ParseOption(_lex.Next()));
        var events = new List<ScriptEvent>();
        if (_lex.Peek().Kind == TokenKind.BackQuoted) events.Add(UntimedCommand());
        while (_lex.Peek().Kind != TokenKind.End)
        {
            var t = _lex.Peek();
            if (t.Kind == TokenKind.Option) throw Error(t.Line, "options must come before the first event");
            if (t.Kind == TokenKind.BackQuoted) { events.Add(CleanupCommand()); continue; }
            events.Add(ParseEvent());
        }
        if (events.Count == 0) throw Error(1, "no events (an empty script)");
        return new Script(_source, options.ToValueList(), events.ToValueList());
    }

    private static ScriptOption ParseOption(Token t)
    {
        var eq = t.Text.IndexOf('=');
        if (eq < 0) return new ScriptOption(t.Line, t.Text, null);
        var value = t.Text[(eq + 1)..];
        if (value.Length >= 2 && value[0] == '"' && value[^1] == '"') value = value[1..^1];
        return new ScriptOption(t.Line, t.Text[..eq], value);
    }

    private CommandEvent UntimedCommand()
    {
        var t = _lex.Next();
        return new CommandEvent(t.Line, EventTime.None, t.Text);
    }

    private CommandEvent CleanupCommand()
    {
        var t = _lex.Next();
        if (_lex.Peek().Kind != TokenKind.End)
            throw Error(t.Line, "a shell command without a time may only come first or last; write a time before it");
        return new CommandEvent(t.Line, EventTime.None, t.Text);
    }

    private ScriptEvent ParseEvent()
    {
        var line = _lex.Peek().Line;
        var time = ParseTime();
        var t = _lex.Peek();
        ScriptEvent e = t switch
        {
            { Kind: TokenKind.Punct, Text: "<" or ">" } => ParsePacket(line, time),
            { Kind: TokenKind.BackQuoted } => new CommandEvent(line, time, _lex.Next().Text),
            { Kind: TokenKind.Code } => new UnsupportedEvent(line, time, "a %{ python }% block", _lex.Next().Text),
            { Kind: TokenKind.Word or TokenKind.Ellipsis } => ParseSyscall(line, time),
            _ => throw Error(t.Line, $"expected a segment (< or >), a syscall or a `command` after the time, found {t}"),
        };
        CheckTimeRules(e);
        return e;
    }

    /// <summary>packetdrill's event rules: '*' and ranges only on outbound segments, ranges not backwards, and
    /// (checked by packetdrill when it runs) an absolute time never earlier than the event before it.</summary>
    private void CheckTimeRules(ScriptEvent e)
    {
        var outbound = e is PacketEvent { Direction: Direction.Outbound };
        if (e.Time.Kind == TimeKind.Any && !outbound)
            throw Error(e.Line, "event time * can only be used with outbound packets");
        if (e.Time.IsRange && !outbound) throw Error(e.Line, "event time range can only be used with outbound packets");
        if (e.Time.IsRange && e.Time.EndMicros < e.Time.Micros) throw Error(e.Line, "time range is backwards");
        if (e.Time.Kind is TimeKind.Absolute or TimeKind.AbsoluteRange && _timedEventSeen && e.Time.Micros < _lastMicros)
            throw Error(e.Line, $"time goes backwards: {Seconds(e.Time.Micros)} s after an event at {Seconds(_lastMicros)} s");
        var (earliest, _) = e.Time.Window(_lastMicros);
        if (e.Time.Kind != TimeKind.Any) _lastMicros = earliest;
        _timedEventSeen = true;
    }

    private EventTime ParseTime()
    {
        var t = _lex.Next();
        if (t.Is("*")) return new EventTime(TimeKind.Any, 0);
        if (t.Is("+"))
        {
            var start = Micros(_lex.Next());
            if (!_lex.Peek().Is("~")) return EventTime.Relative(start);
            _lex.Next();
            if (!_lex.Next().Is("+")) throw Error(t.Line, "a relative range is written +a~+b");
            return new EventTime(TimeKind.RelativeRange, start, Micros(_lex.Next()));
        }
        if (!t.IsNumber) throw Error(t.Line, $"expected an event time (0.100, +.1, *), found {t}");
        var abs = Micros(t);
        if (!_lex.Peek().Is("~")) return EventTime.Absolute(abs);
        _lex.Next();
        return new EventTime(TimeKind.AbsoluteRange, abs, Micros(_lex.Next()));
    }

    /// <summary>Seconds (integer or decimal) to microseconds, as packetdrill converts them.</summary>
    private long Micros(Token t)
    {
        if (!t.IsNumber) throw Error(t.Line, $"expected a time in seconds, found {t}");
        if (!decimal.TryParse(t.Text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var s) || s > 1_000_000_000m)
            throw Error(t.Line, $"time {t.Text} is out of range");
        return (long)(s * 1_000_000m);
    }

    internal static string Seconds(long micros) =>
        (micros / 1_000_000m).ToString("0.######", CultureInfo.InvariantCulture);

    private ScriptFormatException Error(int line, string reason) => new(_source, line, reason);
}
