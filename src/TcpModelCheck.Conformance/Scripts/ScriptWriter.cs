using System.Globalization;
using System.Text;

namespace TcpModelCheck.Conformance.Scripts;

/// <summary>
/// Writes a <see cref="Script"/> as .pkt text packetdrill accepts, one event a line, in packetdrill's own
/// notation (<c>+0.1 &lt; F. 1:1(0) ack 1 win 65535</c>). Parsing the output gives back an equal script up to line
/// numbers (<see cref="Script.WithoutLines"/>), which the tests check on every corpus script.
/// </summary>
public static class ScriptWriter
{
    public static string Write(Script script, IEnumerable<string>? headerComments = null)
    {
        var sb = new StringBuilder();
        foreach (var c in headerComments ?? []) sb.Append("// ").AppendLine(c);
        foreach (var o in script.Options) sb.AppendLine(o.Value is null ? $"--{o.Name}" : $"--{o.Name}={o.Value}");
        if (script.Options.Count > 0) sb.AppendLine();
        foreach (var e in script.Events) sb.AppendLine(Event(e));
        return sb.ToString();
    }

    public static string Event(ScriptEvent e)
    {
        var time = Time(e.Time);
        var body = e switch
        {
            PacketEvent p => Packet(p),
            SyscallEvent s => Syscall(s),
            CommandEvent c => $"`{c.Command}`",
            UnsupportedEvent u => u.Text,
            _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name),
        };
        return time.Length == 0 ? body : $"{time.PadLeft(6)} {body}";
    }

    public static string Time(EventTime t) => t.Kind switch
    {
        TimeKind.None => "",
        TimeKind.Absolute => Seconds(t.Micros),
        TimeKind.Relative => "+" + Seconds(t.Micros),
        TimeKind.Any => "*",
        TimeKind.AbsoluteRange => $"{Seconds(t.Micros)}~{Seconds(t.EndMicros)}",
        TimeKind.RelativeRange => $"+{Seconds(t.Micros)}~+{Seconds(t.EndMicros)}",
        _ => throw new ArgumentOutOfRangeException(nameof(t), t.Kind.ToString()),
    };

    public static string Seconds(long micros) => (micros / 1_000_000m).ToString("0.######", CultureInfo.InvariantCulture);

    public static string Packet(PacketEvent p)
    {
        var sb = new StringBuilder();
        sb.Append(p.IsInbound ? "< " : "> ").Append(Flags(p.Flags)).Append(' ');
        sb.Append(CultureInfo.InvariantCulture, $"{p.Seq.Start}:{p.Seq.End}({p.Seq.Length})");
        if (p.Ack is { } ack) sb.Append(CultureInfo.InvariantCulture, $" ack {ack}");
        if (p.Window is { } win) sb.Append(CultureInfo.InvariantCulture, $" win {win}");
        if (p.UrgentPointer is { } urg) sb.Append(CultureInfo.InvariantCulture, $" urg {urg}");
        if (p.Options is { } opts) sb.Append(' ').Append(Options(opts));
        return sb.ToString();
    }

    /// <summary>Flags in packetdrill's order (S F R P U E W), '.' last for ACK; '-' for none.</summary>
    public static string Flags(TcpFlags f)
    {
        if (f == TcpFlags.None) return "-";
        var sb = new StringBuilder();
        foreach (var (flag, letter) in Letters) if (f.HasFlag(flag)) sb.Append(letter);
        if (f.HasFlag(TcpFlags.Ack)) sb.Append('.');
        return sb.ToString();
    }

    private static readonly (TcpFlags, char)[] Letters =
    [
        (TcpFlags.Syn, 'S'), (TcpFlags.Fin, 'F'), (TcpFlags.Rst, 'R'), (TcpFlags.Psh, 'P'),
        (TcpFlags.Urg, 'U'), (TcpFlags.Ece, 'E'), (TcpFlags.Cwr, 'W'),
    ];

    public static string Options(TcpOptionList o) =>
        o.AnyOptions ? "<...>" : "<" + string.Join(",", o.Items.Select(Option)) + ">";

    private static string Option(TcpOption o) => o switch
    {
        NopOption => "nop",
        EolOption => "eol",
        MssOption m => $"mss {m.Mss}",
        WindowScaleOption w => $"wscale {w.Shift}",
        SackPermittedOption => "sackOK",
        SackOption s => "sack " + string.Join(" ", s.Blocks.Select(b => $"{b.Left}:{b.Right}")),
        TimestampOption t => $"TS val {t.Value} ecr {t.Echo}",
        FastOpenOption f => (f.Experimental ? "FOEXP " : "FO ") + f.Cookie,
        Md5Option m => $"md5 {m.Digest}",
        _ => throw new ArgumentOutOfRangeException(nameof(o), o.GetType().Name),
    };

    public static string Syscall(SyscallEvent s)
    {
        var sb = new StringBuilder();
        if (s.BlockingEndMicros is { } end) sb.Append("...").Append(s.BlockingEndRelative ? "+" : "").Append(Seconds(end)).Append(' ');
        sb.Append(s.Name).Append('(').Append(string.Join(", ", s.Arguments.Select(Expression))).Append(") = ");
        sb.Append(Expression(s.Result));
        if (s.Errno is { } errno) sb.Append(' ').Append(errno);
        if (s.Note is { } note) sb.Append(" (").Append(note).Append(')');
        return sb.ToString();
    }

    public static string Expression(Expr e) => e switch
    {
        EllipsisExpr => "...",
        IntExpr { Hex: true } i => $"0x{i.Value:x}",
        IntExpr i => i.Value.ToString(CultureInfo.InvariantCulture),
        WordExpr w => w.Word,
        StringExpr s => $"\"{s.Value}\"" + (s.TrailingEllipsis ? "..." : ""),
        BinaryExpr { Operator: "=" } b => $"{Expression(b.Left)}={Expression(b.Right)}",
        BinaryExpr b => $"{Expression(b.Left)}{b.Operator}{Expression(b.Right)}",
        ListExpr l => "[" + string.Join(", ", l.Items.Select(Expression)) + "]",
        BraceExpr b => "{" + string.Join(", ", b.Items.Select(Expression)) + "}",
        CallExpr c => $"{c.Name}(" + string.Join(", ", c.Arguments.Select(Expression)) + ")",
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name),
    };
}
