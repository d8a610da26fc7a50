using System.Text;
using System.Text.RegularExpressions;

namespace TcpModelCheck.Cli.Output;

/// <summary>
/// The one error line every failure ends as: control characters escaped (a newline would cut the line, an escape
/// sequence would reach the terminal), every quoted value (<c>'…'</c>) cut to <see cref="MaxEcho"/> characters, and
/// the whole line to <see cref="MaxLine"/>. Applied once, where the line is written, so no message can forget it.
/// </summary>
internal static partial class Messages
{
    /// <summary>The most characters of one echoed value (a file name, an option value, a field of a trace file).</summary>
    public const int MaxEcho = 200;

    /// <summary>The most characters of a whole message (the lists of valid names are the longest honest ones).</summary>
    public const int MaxLine = 1500;

    public static string OneLine(string message)
    {
        var line = Engine.Traces.MessageText.Echo(message.Trim(), 1 << 20);
        line = Quoted().Replace(line, m => m.Groups[1].Length > MaxEcho ? $"'{Cut(m.Groups[1].Value, MaxEcho)}'" : m.Value);
        line = LongWord().Replace(line, m => Cut(m.Value, MaxEcho));   // an unquoted echo: "(got 999…)", "msl: 999… is out of range"
        line = Cut(line, MaxLine);
        return line.Length > 0 ? line : "(no message)";
    }

    private static string Cut(string text, int max)
    {
        if (text.Length <= max) return text;
        var end = max;
        if (char.IsHighSurrogate(text[end - 1])) end--;
        return new StringBuilder(text, 0, end, end + 1).Append('…').ToString();
    }

    /// <summary>A value between single quotes; a quote inside a value ends the match early, which only cuts less.</summary>
    [GeneratedRegex("'([^']*)'")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"[^\s']{201,}")]
    private static partial Regex LongWord();

    /// <summary>The parser's own message for a value of the wrong type names the .NET type ("as expected type
    /// 'System.Int32'"); this says what the option expects in words instead.</summary>
    public static string WithoutTypeNames(string message)
    {
        var m = TypeError().Match(message);
        if (!m.Success) return message;
        var expected = m.Groups[3].Value switch
        {
            "System.Int32" or "System.Int64" or "System.UInt64" or "System.Nullable`1[System.Int32]" or "System.Nullable`1[System.Int64]" => "a whole number",
            "System.Double" or "System.Nullable`1[System.Double]" => "a number",
            "System.Boolean" => $"no value or a boolean ({Tcp.FieldCodecs.BoolWords})",
            _ => "a value of another form",
        };
        return $"{m.Groups[2].Value} expects {expected} (got '{m.Groups[1].Value}')";
    }

    [GeneratedRegex(@"^Cannot parse argument '(.*)' for (?:option|command) '(.*)' as expected type '([^']*)'", RegexOptions.Singleline)]
    private static partial Regex TypeError();
}
