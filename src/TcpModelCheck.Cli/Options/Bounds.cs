using System.CommandLine.Parsing;
using System.Globalization;
using System.Numerics;

namespace TcpModelCheck.Cli.Options;

/// <summary>
/// Parsers for option values that report problems as one-line parse errors (exit 3) naming the option. "Absurd"
/// bounds are rejected as well as negative ones: a bound that cannot be meant (a trillion states, a year of
/// search) is almost always a typo, and accepting it would turn a quick check into a run that never ends.
/// </summary>
internal static class Bounds
{
    /// <summary>A number between <paramref name="min"/> and <paramref name="max"/> (invariant culture).</summary>
    public static Func<ArgumentResult, T> Number<T>(string option, T min, T max) where T : struct, INumber<T> => result =>
        TryNumber(result, option, min, max, out var value) ? value : default;

    /// <summary>The same for an optional value (absent = no bound).</summary>
    public static Func<ArgumentResult, T?> OptionalNumber<T>(string option, T min, T max) where T : struct, INumber<T> => result =>
        TryNumber(result, option, min, max, out var value) ? value : null;

    /// <summary>One of a fixed set of words, matched ignoring case (the leniency policy, README.md) and returned
    /// in its canonical spelling; the error lists them on the same line.</summary>
    public static Func<ArgumentResult, string?> OneOf(string what, params string[] choices) => result =>
    {
        var text = Text(result);
        if (choices.FirstOrDefault(c => string.Equals(c, text, StringComparison.OrdinalIgnoreCase)) is { } canonical) return canonical;
        result.AddError($"{what} must be one of {string.Join(", ", choices)} (got '{text}')");
        return null;
    };

    /// <summary>A flag: given alone it is true; given a value, one of the boolean words every option and setting
    /// accepts (<see cref="Tcp.FieldCodecs.BoolWords"/>, any case).</summary>
    public static Func<ArgumentResult, bool> Flag(string option) => result =>
    {
        if (result.Tokens.Count == 0) return true;
        var text = Text(result);
        if (Tcp.FieldCodecs.ParseBool(text) is { } value) return value;
        result.AddError($"{option} expects no value or a boolean ({Tcp.FieldCodecs.BoolWords}) (got '{text}')");
        return false;
    };

    /// <summary>A directory that exists.</summary>
    public static Func<ArgumentResult, string?> ExistingDirectory(string option) => result =>
    {
        var text = Text(result);
        if (text.Length > 0 && Directory.Exists(text)) return text;
        result.AddError($"{option} expects an existing directory (got '{text}')");
        return null;
    };

    private static bool TryNumber<T>(ArgumentResult result, string option, T min, T max, out T value) where T : struct, INumber<T>
    {
        var text = Text(result);
        if (!T.TryParse(text, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out value))
            result.AddError(!double.TryParse(text, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var wide)
                    || !double.IsFinite(wide) ? $"{option} expects a number (got '{text}')"
                : Math.Floor(wide) != wide ? $"{option} expects a whole number (got '{text}')"
                : $"{option} must be between {Show(min)} and {Show(max)} (got {text})");
        else if (!T.IsFinite(value))
            result.AddError($"{option} expects a finite number (got '{text}')");
        else if (value < min || value > max)
            result.AddError($"{option} must be between {Show(min)} and {Show(max)} (got {text})");
        else return true;
        return false;
    }

    private static string Text(ArgumentResult result) => result.Tokens.Count > 0 ? result.Tokens[0].Value.Trim() : "";

    private static string Show<T>(T value) where T : INumber<T> => value.ToString("#,0.###", CultureInfo.InvariantCulture);

    /// <summary>A memory size between <paramref name="min"/> and <paramref name="max"/> bytes: a number of MiB,
    /// or a number with a K, M, G or T suffix (binary units).</summary>
    public static Func<ArgumentResult, long?> Bytes(string option, long min, long max) => result =>
    {
        var text = Text(result);
        if (!TryParseBytes(text, out var bytes))
            result.AddError($"{option} expects a size such as 512M or 4G (got '{text}')");
        else if (bytes < min || bytes > max)
            result.AddError($"{option} must be between {min >> 20} MiB and {max >> 40} TiB (got {text})");
        else return bytes;
        return null;
    };

    internal static bool TryParseBytes(string text, out long bytes)
    {
        bytes = 0;
        if (text.Length == 0) return false;
        var (digits, scale) = char.ToUpperInvariant(text[^1]) switch
        {
            'K' => (text[..^1], 1L << 10),
            'M' => (text[..^1], 1L << 20),
            'G' => (text[..^1], 1L << 30),
            'T' => (text[..^1], 1L << 40),
            _ => (text, 1L << 20),
        };
        if (!double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount)) return false;
        if (double.IsNaN(amount) || amount < 0 || amount * scale > long.MaxValue / 2) return false;
        bytes = (long)(amount * scale);
        return true;
    }
}
