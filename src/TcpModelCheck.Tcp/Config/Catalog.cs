namespace TcpModelCheck.Tcp;

/// <summary>A named choice (a variant or a workload) with the one-paragraph description <c>tcpmc list</c> shows.</summary>
public sealed record CatalogEntry(string Name, string Description);

/// <summary>Lookup by name over a fixed list, failing with a message that lists the valid names.</summary>
internal static class Catalog
{
    public static CatalogEntry Find(IReadOnlyList<CatalogEntry> all, string kind, string name) =>
        TryFind(all, name) ?? throw new ArgumentException(UnknownMessage(all, kind, name));

    public static CatalogEntry? TryFind(IReadOnlyList<CatalogEntry> all, string name) =>
        all.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase));

    public static string UnknownMessage(IReadOnlyList<CatalogEntry> all, string kind, string name) =>
        $"unknown {kind} '{name}'; valid {kind}s: {string.Join(", ", all.Select(e => e.Name))}";
}
