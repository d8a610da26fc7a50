using TcpModelCheck.Reports.Comparison;
using TcpModelCheck.Tcp;

namespace TcpModelCheck.Reports.Tcp;

/// <summary>One configuration of a comparison matrix, with why it is there.</summary>
public sealed record MatrixEntry(TcpConfig Config, string Purpose)
{
    public string Name => TcpConfigText.Name(Config);
}

/// <summary>
/// The default comparison matrix: the configurations <c>tcpmc compare</c> and the property suite check
/// exhaustively. Chosen to tell the TIME_WAIT story (each broken variant next to the correct one on the
/// workload that breaks it) while keeping the whole matrix within seconds; the expected verdicts are in
/// <see cref="ExpectedVerdicts"/>.
/// </summary>
public static class TcpMatrix
{
    private static TcpConfig Config(string variant, string workload) => TcpConfig.ForVariant(variant) with { Workload = workload };

    public static IReadOnlyList<MatrixEntry> Default { get; } =
    [
        new(TcpConfig.Default, "the default configuration: RFC 9293, one connection, client closes first"),
        new(Config(Variants.Rfc9293, Workloads.Reconnect), "RFC 9293 with a second connection on the same 4-tuple"),
        new(Config(Variants.NoTimeWait, Workloads.ClientClosesFirst), "without TIME-WAIT a lost last ACK ends in a reset"),
        new(Config(Variants.NoTimeWait, Workloads.Reconnect), "without TIME-WAIT old segments reach the next connection"),
        new(Config(Variants.NaiveFin, Workloads.ClientClosesFirst), "a FIN processed ahead of missing data loses it"),
    ];

    /// <summary>The entry named <paramref name="name"/>; throws <see cref="ArgumentException"/> listing the names.</summary>
    public static MatrixEntry Get(string name) => Default.FirstOrDefault(e => e.Name == name)
        ?? throw new ArgumentException($"no matrix configuration '{name}'; the matrix has: {string.Join(", ", Default.Select(e => e.Name))}");

    /// <summary>The entries as comparison cases.</summary>
    public static IEnumerable<ComparisonCase<TcpState, TcpAction>> Cases(IEnumerable<MatrixEntry> entries) =>
        entries.Select(e => new ComparisonCase<TcpState, TcpAction>(e.Name, e.Config.Variant, e.Config.Workload,
            () => new TcpModel(e.Config)));
}
