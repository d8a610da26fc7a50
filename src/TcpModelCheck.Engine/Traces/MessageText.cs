using System.Globalization;
using System.Text;

namespace TcpModelCheck.Engine.Traces;

/// <summary>How a one-line message shows a value it was given (a file's field, a command-line argument).</summary>
public static class MessageText
{
    /// <summary><paramref name="text"/> as a message may show it: control characters (a newline would cut the
    /// one-line message, an escape sequence would reach the terminal) written as <c>\uXXXX</c>, and at most
    /// <paramref name="max"/> characters, then "…".</summary>
    public static string Echo(string text, int max = 80)
    {
        var sb = new StringBuilder(Math.Min(text.Length, max + 8));
        var shown = 0;
        foreach (var c in text)
        {
            if (shown++ >= max) return sb.Append('…').ToString();
            if (char.IsControl(c) || c is '\u2028' or '\u2029' or '\u200e' or '\u200f' or (>= '\u202a' and <= '\u202e') or (>= '\u2066' and <= '\u2069'))
                sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            else sb.Append(c);
        }
        return sb.ToString();
    }
}
