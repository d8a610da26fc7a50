namespace TcpModelCheck.Cli.Backend;

/// <summary>Checks a name the user typed against the valid ones; the error lists them all on one line.</summary>
internal static class Names
{
    /// <summary>The canonical spelling of <paramref name="name"/> (matched ignoring case), or bad input.</summary>
    public static string Require(IReadOnlyList<NamedItem> items, string kind, string name) =>
        items.FirstOrDefault(i => string.Equals(i.Name, name, StringComparison.OrdinalIgnoreCase))?.Name
        ?? throw new BadInputException($"unknown {kind} '{name}'; valid {kind}s: {string.Join(", ", items.Select(i => i.Name))}");

    /// <summary>The canonical spelling of a property name (matched ignoring case), or bad input.</summary>
    public static string RequireProperty(IReadOnlyList<PropertyInfo> properties, string name, string prefix = "") =>
        properties.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))?.Name
            ?? throw new BadInputException($"{prefix}unknown property '{name}'; valid properties: {string.Join(", ", properties.Select(p => p.Name))}");
}
