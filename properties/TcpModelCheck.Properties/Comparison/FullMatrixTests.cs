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
/// comparison pipeline: the reconnect rows of rfc9293, linux and short-time-wait at the default bounds, both workloads
/// (client and server closing first), each explored completely in fingerprint mode (21-33 M states each with the
/// default reduction, linux with the server closing first 105 M) with every safety verdict the expected one; liveness is checked
/// for rfc9293/reconnect by <c>tcpmc check</c> with exact storage (README), not here. The default rows are asserted by
/// <c>MatrixTests</c> on every run. no-time-wait's rows are there twice, with ISNs from the clock (190 M and 249 M states) and
/// with every connection at ISS 0 (49 M and 67 M); with ISNs from the set {0,14}, the variant's default, it does not complete
/// (README). Breadth-first on every core, as <c>tcpmc compare --full --strategy parallel</c>. Runs only with <c>TCPMC_FULL=1</c>
/// (<c>TCPMC_FULL=1 dotnet test properties/TcpModelCheck.Properties -c Release --filter Category=Full</c>); the time
/// it took is in README.md ("Reconnect at the default bounds").
/// </summary>
public sealed class FullMatrixTests(ITestOutputHelper output)
{
    [FullMatrixFact, Trait("Category", "Full")]
    public void The_bigger_reconnect_rows_are_explored_completely_with_the_expected_safety_verdicts()
    {
        var rows = TcpMatrix.Bigger;
        // fingerprint storage keeps no graph: the safety properties and witnesses only (as compare --fingerprint)
        var safety = new TcpModel(rows[0].Config).Properties.Where(p => !p.IsLiveness).Select(p => p.Name).ToList();
        var options = CheckOptions.Default with { Storage = StorageMode.Fingerprint, Properties = safety, Strategy = SearchStrategy.ParallelBreadthFirst };
        var report = ComparisonRunner.Run(TcpComparison.Cases(rows), options,
            rowDone: r => output.WriteLine($"{r.Configuration}: {r.Statistics.DistinctStates:N0} states, {r.Statistics.Elapsed.TotalSeconds:0.0} s"));
        output.WriteLine(ComparisonMarkdown.Render(report));
        Assert.Equal(rows.Select(e => e.Name), report.Rows.Select(r => r.Configuration));
        Assert.Equal(ComparisonEnding.Complete, report.Ending);
        // measured (tcpmc check --variant V --workload W --fingerprint) with the default reduction and the defaults of
        // issue 10, sequence space 32 and capacity 10 (in the 16-number space at capacity 8: 22,190,599 / 21,370,997 /
        // 22,215,777 / 32,663,678 / 32,527,679; without the reduction there: 44,193,811 / 41,286,661 / 44,225,836 /
        // 62,638,823 / 62,511,104)
        // linux/reconnect-server-closes-first: 105,384,391 (106,110,751 at capacity 8, where within-capacity failed);
        // no-time-wait, clock / ISS 0: 189,911,469 / 49,436,283 (reconnect), 248,780,888 / 66,906,889 (server closes first)
        Assert.Equal([22_188_598L, 21_370_997L, 22_215_773L, 189_911_469L, 49_436_283L,
                32_655_639L, 105_384_391L, 32_527_679L, 248_780_888L, 66_906_889L],
            report.Rows.Select(r => r.Statistics.DistinctStates));
        Assert.DoesNotContain(TcpProperties.EventuallyClosed, safety);
        Assert.True(report.AsExpected, string.Join("; ", report.Cells.Where(x => x.Cell.AsExpected != true)
            .Select(x => $"{x.Row.Configuration} × {x.Cell.Property}: expected {x.Cell.Expected}, found {x.Cell.Found}")));
    }
}
