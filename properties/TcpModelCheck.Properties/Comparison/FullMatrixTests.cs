using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Properties.Support;
using TcpModelCheck.Reports.Comparison;
using TcpModelCheck.Reports.Tcp;
using TcpModelCheck.Tcp;
using TcpModelCheck.Tcp.Matrix;
using Xunit.Abstractions;

namespace TcpModelCheck.Properties.Comparison;

/// <summary>
/// The bigger rows of the full matrix (<see cref="TcpMatrix.Bigger"/>, <c>tcpmc compare --full</c>) through the
/// comparison pipeline: the reconnect rows of rfc9293, linux and short-time-wait at the default bounds, each
/// explored completely in fingerprint mode (21-22 M states each with the default reduction, 41-44 M without) with
/// every safety verdict the expected one; liveness needs the whole graph and is not checked. The default rows
/// are asserted by <c>MatrixTests</c> on every run. no-time-wait/reconnect is left out: it does not complete
/// (173 M states in 600 s without the reduction, README). Runs only with <c>TCPMC_FULL=1</c>: about 9 minutes of one core in a Release
/// build (<c>TCPMC_FULL=1 dotnet test -c Release --filter Category=Full</c>), several times that in Debug.
/// </summary>
public sealed class FullMatrixTests(ITestOutputHelper output)
{
    [FullMatrixFact, Trait("Category", "Full")]
    public void The_bigger_reconnect_rows_are_explored_completely_with_the_expected_safety_verdicts()
    {
        var rows = TcpMatrix.Bigger.Where(e => e.Config.Variant != Tcp.Variants.NoTimeWait).ToList();
        // fingerprint storage keeps no graph: the safety properties and witnesses only (as compare --fingerprint)
        var safety = new TcpModel(rows[0].Config).Properties.Where(p => !p.IsLiveness).Select(p => p.Name).ToList();
        var options = CheckOptions.Default with { Storage = StorageMode.Fingerprint, Properties = safety };
        var report = ComparisonRunner.Run(TcpComparison.Cases(rows), options,
            rowDone: r => output.WriteLine($"{r.Configuration}: {r.Statistics.DistinctStates:N0} states, {r.Statistics.Elapsed.TotalSeconds:0.0} s"));
        output.WriteLine(ComparisonMarkdown.Render(report));
        Assert.Equal(rows.Select(e => e.Name), report.Rows.Select(r => r.Configuration));
        Assert.Equal(ComparisonEnding.Complete, report.Ending);
        // measured with tcpmc check --variant V --workload reconnect --fingerprint (one thread, Release), with the default
        // reduction, and by this test (9.1 min in Release on the shared machine); 44,193,811 / 41,286,661 / 44,225,836
        // before it (--reduction none; 8.8 min then).
        Assert.Equal([22_190_599L, 21_370_997L, 22_215_777L], report.Rows.Select(r => r.Statistics.DistinctStates));
        Assert.DoesNotContain(TcpProperties.EventuallyClosed, safety);
        Assert.True(report.AsExpected, string.Join("; ", report.Cells.Where(x => x.Cell.AsExpected != true)
            .Select(x => $"{x.Row.Configuration} × {x.Cell.Property}: expected {x.Cell.Expected}, found {x.Cell.Found}")));
    }
}
