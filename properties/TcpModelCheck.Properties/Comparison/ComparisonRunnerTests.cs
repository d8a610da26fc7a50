using TcpModelCheck.Properties.Support;
using TcpModelCheck.Reports.Comparison;
using TcpModelCheck.Reports.Tcp;

namespace TcpModelCheck.Properties.Comparison;

/// <summary>The comparison runner on the two smallest matrix configurations (about 55,000 states together).</summary>
public sealed class ComparisonRunnerTests
{
    private static readonly string[] Small =
        ["no-time-wait/client-closes-first fifo=true", "rfc1337/client-closes-first"];

    [Fact]
    public void Runs_one_exhaustive_check_per_configuration_and_meets_the_expected_table()
    {
        var done = new List<string>();
        var report = ComparisonRunner.Run(TcpMatrix.Cases(Small.Select(TcpMatrix.Get)), ExpectedVerdicts.Table,
            rowDone: r => done.Add(r.Configuration));
        Assert.Equal(Small, done);
        Assert.True(report.AsExpected, ComparisonText.Render(report));
        foreach (var row in report.Rows)
        {
            var direct = MatrixResults.Get(row.Configuration).Result;
            Assert.True(row.Complete);
            Assert.Equal(direct.Statistics.DistinctStates, row.DistinctStates);
            Assert.Equal(direct.Properties.Select(p => (p.Name, p.Verdict, (p.Counterexample ?? p.Witness)?.Length)),
                row.Cells.Select(c => (c.Property, c.Found, c.Steps)));
        }
    }

    [Fact]
    public void A_cell_that_differs_from_the_table_is_reported_as_a_mismatch()
    {
        var name = Small[0];
        var wrong = new ExpectationTable(ExpectedVerdicts.Table.Exceptions
            .Append(new(name, "no-stale-data", Engine.Checking.Verdict.Violated, "deliberately wrong")));
        var report = ComparisonRunner.Run(TcpMatrix.Cases([TcpMatrix.Get(name)]), wrong);
        var (row, cell) = Assert.Single(report.Mismatches);
        Assert.Equal((name, "no-stale-data"), (row.Configuration, cell.Property));
        Assert.Contains("1 of 16 verdicts DIFFER from the expected table", ComparisonText.Render(report));
    }
}
