using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Tcp;

namespace TcpModelCheck.Cli.Backend;

/// <summary>
/// The configurations <c>compare</c> runs by default. INTERIM: until the Reports project's expected-verdict
/// table lands, this is every variant on the reconnect workload with unknown expectations (so any violation
/// counts as unexpected). It will delegate to that table, which is the one place expectations live.
/// </summary>
internal static class TcpMatrix
{
    public static IReadOnlyList<MatrixCell> Default { get; } = Variants.All
        .Select(v => new MatrixCell(v.Name, Workloads.Reconnect,
            new Dictionary<string, string> { ["variant"] = v.Name, ["workload"] = Workloads.Reconnect },
            (IReadOnlyDictionary<string, Verdict>?)null))
        .ToList();
}
