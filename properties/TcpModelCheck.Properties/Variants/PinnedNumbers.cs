namespace TcpModelCheck.Properties.Variants;

/// <summary>
/// Measured numbers of the default matrix: distinct states of the exhaustive breadth-first search and the
/// length of the shortest counterexample of every violated property (a lasso: stem and loop together).
/// Measured by running the matrix (<c>dotnet test --filter MatrixTests</c> prints them); a change means the
/// model changed, and the new numbers must be understood before they are pinned again.
/// </summary>
internal static class PinnedNumbers
{
    public sealed record Numbers(long States, IReadOnlyDictionary<string, int> Lengths);

    private static readonly Dictionary<string, Numbers> Table = new()
    {
    };

    public static Numbers For(string configuration) => Table.TryGetValue(configuration, out var n)
        ? n : throw new Xunit.Sdk.XunitException($"no pinned numbers for {configuration}: measure and add them");
}
