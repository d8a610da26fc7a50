using System.Collections.Concurrent;
using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Reports.Comparison;
using TcpModelCheck.Reports.Tcp;
using TcpModelCheck.Tcp;
using TcpModelCheck.Tcp.Matrix;

namespace TcpModelCheck.Properties.Support;

/// <summary>
/// One exhaustive check per matrix configuration per test run (breadth-first, exact storage: the engine's
/// defaults), shared by every test that looks at that configuration, so the suite pays for each search once.
/// Each is the comparison pipeline's own check of that configuration (<see cref="TcpComparison.Case"/>, as
/// <c>tcpmc compare</c> runs it): <see cref="Checked.Row"/> is its row, judged by the expected-verdict table.
/// </summary>
internal static class MatrixResults
{
    private static readonly ConcurrentDictionary<string, Lazy<Checked>> Cache = new();

    public sealed record Checked(TcpModel Model, CheckResult<TcpState, TcpAction> Result, ComparisonRow Row)
    {
        public void Deconstruct(out TcpModel model, out CheckResult<TcpState, TcpAction> result) => (model, result) = (Model, Result);
    }

    public static Checked Get(string configuration) => Cache.GetOrAdd(configuration, name => new Lazy<Checked>(() =>
    {
        var (model, result, row) = TcpComparison.Case(TcpMatrix.Get(name).Config).CheckModel(CheckOptions.Default);
        return new Checked((TcpModel)model, result, row);
    })).Value;
}
