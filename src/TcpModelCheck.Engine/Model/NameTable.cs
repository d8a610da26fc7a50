namespace TcpModelCheck.Engine.Model;

/// <summary>
/// The one table of names of an enum's values: what a user types, what a report and a trace print, and how
/// text is read back. Every enum a user or a file can name has exactly one.
/// </summary>
public sealed class NameTable<TEnum>(string kind, params (TEnum Value, string Name)[] names) where TEnum : struct, Enum
{
    /// <summary>What a value is called in messages, e.g. "an ISN mode".</summary>
    public string Kind { get; } = kind;

    /// <summary>Every name, in declaration order.</summary>
    public IReadOnlyList<string> Names { get; } = names.Select(n => n.Name).ToArray();

    /// <summary>The name of <paramref name="value"/>.</summary>
    public string Name(TEnum value) => names.First(n => EqualityComparer<TEnum>.Default.Equals(n.Value, value)).Name;

    /// <summary>The value named <paramref name="name"/> (ignoring case: names are typed by users, and every name a
    /// user types is matched so), or null.</summary>
    public TEnum? TryParse(string name) =>
        names.Any(n => Same(n.Name, name)) ? names.First(n => Same(n.Name, name)).Value : null;

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
