using TcpModelCheck.Reports.Comparison;
using TcpModelCheck.Tcp;
using TcpModelCheck.Tcp.Matrix;

namespace TcpModelCheck.Reports.Tcp;

/// <summary>Matrix entries as comparison cases, each judged by its entry's expected verdicts
/// (<see cref="ExpectedVerdicts.For"/>): what the property suite runs through <see cref="ComparisonRunner"/>.</summary>
public static class TcpComparison
{
    public static ModelCase<TcpState, TcpAction> Case(TcpConfig config) => new ModelCase<TcpState, TcpAction>(config.Name, config.Variant, config.Workload,
        config.ToSettings(), p => ExpectedVerdicts.For(config, p), () => new TcpModel(config));

    public static IReadOnlyList<ComparisonCase> Cases(IEnumerable<MatrixEntry> entries) => entries.Select(e => Case(e.Config)).ToList();
}
