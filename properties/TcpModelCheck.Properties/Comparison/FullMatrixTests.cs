using TcpModelCheck.Properties.Support;
using TcpModelCheck.Reports.Comparison;
using TcpModelCheck.Reports.Tcp;
using TcpModelCheck.Tcp.Matrix;
using Xunit.Abstractions;

namespace TcpModelCheck.Properties.Comparison;

/// <summary>
/// The full matrix (<see cref="TcpMatrix.Full"/>, <c>tcpmc compare --full</c>) through the comparison pipeline:
/// every configuration explored completely and every verdict the expected one. Too big for the default
/// <c>dotnet test</c> run: it runs only with <c>TCPMC_FULL=1</c> (and reports itself Skipped, with how to include
/// it, otherwise). <c>TCPMC_FULL=1 dotnet test --filter Category=Full</c> runs it alone.
/// </summary>
public sealed class FullMatrixTests(ITestOutputHelper output)
{
    [FullMatrixFact, Trait("Category", "Full")]
    public void Every_configuration_of_the_full_matrix_is_explored_completely_with_the_expected_verdicts()
    {
        var report = ComparisonRunner.Run(TcpComparison.Cases(TcpMatrix.Full),
            rowDone: r => output.WriteLine($"{r.Configuration}: {r.Statistics.DistinctStates:N0} states, {r.Statistics.Elapsed.TotalSeconds:0.0} s"));
        output.WriteLine(ComparisonMarkdown.Render(report));
        Assert.Equal(TcpMatrix.Full.Select(e => e.Name), report.Rows.Select(r => r.Configuration));
        Assert.Equal(ComparisonEnding.Complete, report.Ending);
        Assert.True(report.AsExpected, string.Join("; ", report.Cells.Where(x => x.Cell.AsExpected != true)
            .Select(x => $"{x.Row.Configuration} × {x.Cell.Property}: expected {x.Cell.Expected}, found {x.Cell.Found}")));
    }
}
