using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Properties.Support;
using TcpModelCheck.Reports.Comparison;

namespace TcpModelCheck.Properties.Comparison;

/// <summary>The comparison renderings on a hand-built report (the real matrix is checked by the variant suites).</summary>
public sealed class ComparisonRenderingTests
{
    private static ComparisonReport Sample()
    {
        ComparisonCell Cell(string p, string kind, Verdict expected, Verdict found, int? steps = null, int? loop = null,
            string? why = null, string? reason = null) => new(p, kind, expected, found, steps, loop, why, reason);
        return new ComparisonReport(
        [
            new ComparisonRow("rfc9293/reconnect", "rfc9293", "reconnect", 123456, 400000, 41, 1.234, "None",
            [
                Cell("no-stale-data", "invariant", Verdict.Holds, Verdict.Holds),
                Cell("eventually-closed", "eventually", Verdict.Holds, Verdict.Violated, 20, 12),
                Cell("reached-time-wait", "witness", Verdict.Holds, Verdict.Holds, 9),
            ]),
            new ComparisonRow("no-time-wait/reconnect", "no-time-wait", "reconnect", 2345, 9000, 30, 0.05, "MaxStates",
            [
                Cell("no-stale-data", "invariant", Verdict.Violated, Verdict.Violated, 14, why: "a delayed segment of connection 1 is accepted by connection 2"),
                Cell("eventually-closed", "eventually", Verdict.Holds, Verdict.Inconclusive, reason: "state limit reached"),
                Cell("reached-time-wait", "witness", Verdict.Violated, Verdict.Violated, why: "the variant has no TIME-WAIT", reason: "no reachable state satisfies it"),
            ]),
        ]);
    }

    [Fact]
    public void Text_table_prints_expected_and_found_and_flags_mismatches() =>
        Golden.Match("comparison.txt", ComparisonText.Render(Sample(), "sample comparison"));

    [Fact]
    public void Markdown_matrix_has_one_column_per_property() =>
        Golden.Match("comparison.md", ComparisonMarkdown.Render(Sample()));

    [Fact]
    public void Json_round_trips()
    {
        var report = Sample();
        var json = ComparisonJson.Serialize(report);
        Assert.Contains("\"found\": \"violated\"", json);
        Assert.Contains("\"mismatch\": true", json);
        var back = ComparisonJson.Deserialize(json);
        Assert.Equal(report.Rows.Count, back.Rows.Count);
        Assert.Equal(report.Rows.SelectMany(r => r.Cells), back.Rows.SelectMany(r => r.Cells));
        Assert.Equal(2, back.Mismatches.Count());
    }

    [Fact]
    public void Text_table_fits_100_columns() =>
        Assert.All(ComparisonText.Render(Sample()).Split('\n'), l => Assert.True(l.Length <= 100, l));

    [Fact]
    public void Expectation_table_rejects_holds_entries_duplicates_and_missing_reasons()
    {
        Assert.Throws<ArgumentException>(() => new ExpectationTable([new("c", "p", Verdict.Holds, "x")]));
        Assert.Throws<ArgumentException>(() => new ExpectationTable([new("c", "p", Verdict.Violated, " ")]));
        Assert.Throws<ArgumentException>(() => new ExpectationTable(
            [new("c", "p", Verdict.Violated, "x"), new("c", "p", Verdict.Violated, "y")]));
        var t = new ExpectationTable([new("c", "p", Verdict.Violated, "x")]);
        Assert.Equal((Verdict.Violated, "x"), t.For("c", "p"));
        Assert.Equal((Verdict.Holds, (string?)null), t.For("c", "q"));
    }
}
