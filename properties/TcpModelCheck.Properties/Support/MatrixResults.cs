using System.Collections.Concurrent;
using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Reports.Tcp;
using TcpModelCheck.Tcp;
using TcpModelCheck.Tcp.Matrix;

namespace TcpModelCheck.Properties.Support;

/// <summary>
/// One exhaustive check per matrix configuration per test run (breadth-first, exact storage: the engine's
/// defaults), shared by every test that looks at that configuration, so the suite pays for each search once.
/// </summary>
internal static class MatrixResults
{
    private static readonly ConcurrentDictionary<string, Lazy<Checked>> Cache = new();

    public sealed record Checked(TcpModel Model, CheckResult<TcpState, TcpAction> Result);

    public static Checked Get(string configuration) => Cache.GetOrAdd(configuration, name => new Lazy<Checked>(() =>
    {
        var model = new TcpModel(TcpMatrix.Get(name).Config);
        return new Checked(model, ModelChecker.Check(model));
    })).Value;
}
