using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Properties.Support;
using TcpModelCheck.Reports.Comparison;
using TcpModelCheck.Reports.Tcp;
using TcpModelCheck.Tcp;
using TcpModelCheck.Tcp.Matrix;
using Xunit.Abstractions;

namespace TcpModelCheck.Properties.Comparison;

/// <summary>
/// The comparison pipeline <c>tcpmc compare</c> runs (<see cref="ComparisonRunner"/> over matrix cases judged by
/// <see cref="ExpectedVerdicts"/>), on the two smallest matrix configurations (about 55,000 states together):
/// verdicts, limits, cancellation, and the Markdown it prints (golden).
/// </summary>
public sealed class ComparisonRunnerTests(ITestOutputHelper output)
{
    private static readonly string[] Small =
        ["no-time-wait/client-closes-first fifo=true", "rfc1337/client-closes-first"];

    private static IReadOnlyList<ComparisonCase> Cases() => TcpComparison.Cases(Small.Select(TcpMatrix.Get));

    [Fact]
    public void Runs_one_exhaustive_check_per_configuration_and_meets_the_expected_table()
    {
        var done = new List<string>();
        var report = ComparisonRunner.Run(Cases(), rowDone: r => done.Add(r.Configuration));
        Assert.Equal(Small, done);
        Assert.True(report.AsExpected, ComparisonMarkdown.Render(report));
        Assert.Equal(ComparisonEnding.Complete, report.Ending);
        foreach (var row in report.Rows)
        {
            var shared = MatrixResults.Get(row.Configuration);
            Assert.False(row.CutShort);
            Assert.Equal(shared.Result.Statistics.DistinctStates, row.Statistics.DistinctStates);
            Assert.Equal(shared.Row.Cells.Select(c => (c.Property, c.Found, c.Steps)), row.Cells.Select(c => (c.Property, c.Found, c.Steps)));
        }
    }

    /// <summary>What <c>tcpmc compare --markdown --no-timings</c> prints for these two rows (the CLI prints this renderer).</summary>
    [Fact]
    public void The_markdown_matrix_is_the_golden_one() =>
        Golden.Match("comparison.md", ComparisonMarkdown.Render(ComparisonRunner.Run(Cases()), timings: false));

    [Fact]
    public void A_cell_that_differs_from_the_table_is_reported_as_a_mismatch()
    {
        var config = TcpMatrix.Get(Small[0]).Config;
        var wrong = new ModelCase<TcpState, TcpAction>(config.Name, config.Variant, config.Workload, config.ToSettings(),
            p => p == TcpProperties.NoStaleData ? (Verdict.Violated, "deliberately wrong") : ExpectedVerdicts.For(config, p),
            () => new TcpModel(config));
        var report = ComparisonRunner.Run([wrong]);
        var (row, cell) = Assert.Single(report.Mismatches);
        Assert.Equal((Small[0], TcpProperties.NoStaleData), (row.Configuration, cell.Property));
        Assert.False(cell.AsExpected);
        Assert.Contains("**1 verdict(s) differ from the expected table:**", ComparisonMarkdown.Render(report));
    }

    /// <summary>The limits apply to each configuration's search; a row cut short stays in the report, every verdict it did
    /// not settle inconclusive with the limit as its reason.</summary>
    [Fact]
    public void A_limit_leaves_every_row_in_the_report_with_its_unsettled_verdicts_inconclusive()
    {
        var options = CheckOptions.Default with { Limits = new SearchLimits(MaxStates: 500) };
        var report = ComparisonRunner.Run(Cases(), options);
        output.WriteLine(ComparisonMarkdown.Render(report, timings: false));
        Assert.Equal(Small, report.Rows.Select(r => r.Configuration));
        Assert.Equal(ComparisonEnding.Limit, report.Ending);
        Assert.All(report.Rows, r =>
        {
            Assert.True(r.CutShort);
            Assert.Equal("state limit reached (500 states)", r.Ending);
            Assert.Contains(r.Cells, c => c.Found == Verdict.Inconclusive);
            Assert.All(r.Cells.Where(c => c.Found == Verdict.Inconclusive), c =>
            {
                Assert.Equal("state limit reached (500 states)", c.Reason);
                Assert.Null(c.AsExpected);
                Assert.False(c.Mismatch);
            });
        });
        Assert.False(report.AsExpected);
    }

    /// <summary>Cancelled after the first configuration: the second is still in the report, cancelled, every verdict of it
    /// inconclusive ("cancelled") — never silently missing.</summary>
    [Fact]
    public void After_a_cancellation_every_remaining_configuration_is_reported_cancelled()
    {
        using var cancel = new CancellationTokenSource();
        var report = ComparisonRunner.Run(Cases(), rowDone: _ => cancel.Cancel(), cancel: cancel.Token);
        Assert.Equal(2, report.Rows.Count);
        Assert.False(report.Rows[0].CutShort);
        var cancelled = report.Rows[1];
        Assert.True(cancelled.Cancelled);
        Assert.Equal("cancelled", cancelled.Ending);
        Assert.All(cancelled.Cells, c => Assert.Equal((Verdict.Inconclusive, "cancelled"), (c.Found, c.Reason)));
        Assert.Equal(ComparisonEnding.Cancelled, report.Ending);
        Assert.Equal([Small[1]], report.CutShort.Select(r => r.Configuration));
    }

    [Fact]
    public void Expectation_table_rejects_holds_entries_duplicates_and_missing_reasons()
    {
        Assert.Throws<ArgumentException>(() => new ExpectationTable<string>([new("c", "p", Verdict.Holds, "x")]));
        Assert.Throws<ArgumentException>(() => new ExpectationTable<string>([new("c", "p", Verdict.Violated, " ")]));
        Assert.Throws<ArgumentException>(() => new ExpectationTable<string>(
            [new("c", "p", Verdict.Violated, "x"), new("c", "p", Verdict.Violated, "y")]));
        var t = new ExpectationTable<string>([new("c", "p", Verdict.Violated, "x")]);
        Assert.Equal((Verdict.Violated, "x"), t.For("c", "p"));
        Assert.Equal((Verdict.Holds, (string?)null), t.For("c", "q"));
        Assert.Equal((Verdict.Holds, (string?)null), t.For(null, "p"));
    }
}
