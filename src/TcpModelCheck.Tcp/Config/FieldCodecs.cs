using System.Collections.Immutable;
using System.Globalization;
using TcpModelCheck.Engine.Model;

namespace TcpModelCheck.Tcp;

/// <summary>The text forms configuration fields use (settings keys, command-line values).</summary>
public static class FieldCodecs
{
    public static FieldCodec<int> Int { get; } = new(ParseInt, Print);

    /// <summary>The boolean words every option and setting accepts, ignoring case (the CLI's leniency policy,
    /// README.md): true, yes, on, 1 and false, no, off, 0.</summary>
    public static FieldCodec<bool> Bool { get; } = new(t => ParseBool(t) ?? throw new FormatException($"'{t}' is not a boolean ({BoolWords})"),
        b => b ? "true" : "false");

    public const string BoolWords = "true, yes, on, 1 or false, no, off, 0";

    /// <summary>One of <see cref="BoolWords"/> (any case), or null.</summary>
    public static bool? ParseBool(string t) => t.ToLowerInvariant() switch
    {
        "true" or "yes" or "on" or "1" => true,
        "false" or "no" or "off" or "0" => false,
        _ => null,
    };

    /// <summary>A whole number, or <paramref name="word"/> for null (e.g. "unlimited").</summary>
    public static FieldCodec<int?> IntOr(string word) => new(t => t == word ? null : ParseInt(t), i => i is { } v ? Print(v) : word);

    /// <summary>A whole number where <paramref name="word"/> also reads as 0 and 0 prints as it (e.g. "none").</summary>
    public static FieldCodec<int> ZeroAs(string word) => new(t => t == word ? 0 : ParseInt(t), i => i == 0 ? word : Print(i));

    /// <summary>Comma-separated whole numbers (empty text for none).</summary>
    public static FieldCodec<ImmutableArray<int>> IntList { get; } = new(
        t => t.Length == 0 ? [] : [.. t.Split(',', StringSplitOptions.TrimEntries).Select(ParseInt)],
        l => string.Join(',', l.Select(Print)));

    /// <summary>A value of an enum by its name in <paramref name="names"/>.</summary>
    public static FieldCodec<TEnum> Enum<TEnum>(NameTable<TEnum> names) where TEnum : struct, System.Enum =>
        new(t => names.TryParse(t) ?? throw new FormatException($"'{t}' is not {names.Kind} ({string.Join(", ", names.Names)})"),
            names.Name);

    /// <summary>A name from a catalogue, spelled canonically (matched ignoring case).</summary>
    internal static FieldCodec<string> NameIn(IReadOnlyList<CatalogEntry> all, string kind) =>
        new(t => Catalog.Find(all, kind, t).Name, n => n);

    /// <summary>A whole number; one too large for any field throws <see cref="OverflowException"/>, so the field can
    /// state its range instead of calling it "not a whole number".</summary>
    private static int ParseInt(string t) => int.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i)
        ? i
        : System.Numerics.BigInteger.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
            ? throw new OverflowException($"'{t}' is out of range (a whole number of at most 10 digits)")
            : throw new FormatException($"'{t}' is not a whole number");

    private static string Print(int i) => i.ToString(CultureInfo.InvariantCulture);
}
