using System.Text.Json;
using TcpModelCheck.Cli.Tests.Support;

namespace TcpModelCheck.Cli.Tests;

/// <summary><c>compare</c> over the grid model's two-row matrix (safe: everything holds; broken: below-limit
/// violated, expected).</summary>
public class CompareCommandTests
{
    private static readonly GridBackend Grid = new();

    [Fact]
    public void The_default_matrix_as_expected_exits_0_and_draws_the_shortest_counterexample()
    {
        var r = CliRun.With(Grid, "compare", "--no-timings");
        Assert.True(r.Code == 0, r.ToString());
        Assert.Contains("2 configurations, 10 verdicts: 10 as expected, 0 unexpected (marked !), 0 inconclusive", r.Out);
        Assert.Contains("counterexample: broken/small / below-limit (3 steps)", r.Out);
        Assert.Contains("broken/small × below-limit: the limit 3 is below the corner's x + y = 4", r.Out);
        Assert.DoesNotContain("seconds", r.Out);
    }

    [Fact]
    public void A_configuration_outside_the_expected_table_expects_every_property_to_hold()
    {
        // "broken/small size=3" is not in the expected table, so every property is expected to hold.
        var r = CliRun.With(Grid, "compare", "--variant", "broken", "--size", "3", "--no-timings");
        Assert.Equal(1, r.Code);
        Assert.Contains("✗ 3 !", r.Out);
        Assert.Contains("1 configurations, 5 verdicts: 4 as expected, 1 unexpected (marked !)", r.Out);
    }

    [Fact]
    public void Variant_and_workload_lists_pick_the_rows()
    {
        var doc = Json.Parse(CliRun.With(Grid, "compare", "--variant", "safe,broken", "--workload", "large", "--json", "--no-timings").Out);
        var configs = doc.GetProperty("configurations").EnumerateArray().ToList();
        Assert.Equal(["safe", "broken"], configs.Select(c => c.GetProperty("variant").GetString()!).ToArray());
        // A 40×40 grid: 1,600 states. broken × large is not in the expected table, so its violation is unexpected.
        Assert.All(configs, c => Assert.Equal(1600, c.GetProperty("statistics").GetProperty("distinctStates").GetInt64()));
        Assert.Equal(1, doc.GetProperty("exitCode").GetInt32());
        Assert.False(Json.Row(doc, "below-limit", "broken").GetProperty("asExpected").GetBoolean());
    }

    [Fact]
    public void Trace_none_draws_no_chart_and_a_named_property_without_counterexample_says_so()
    {
        Assert.DoesNotContain("counterexample:", CliRun.With(Grid, "compare", "--trace", "none").Out);
        var r = CliRun.With(Grid, "compare", "--trace", "safe:below-limit");
        Assert.Contains("no counterexample of below-limit was found for safe", r.Out);
    }

    [Fact]
    public void A_limit_makes_compare_inconclusive()
    {
        var r = CliRun.With(Grid, "compare", "--max-states", "4", "--json");
        Assert.Equal(2, r.Code);
    }

    [Fact]
    public void Options_without_variant_or_workload_apply_to_every_row_of_the_matrix()
    {
        var doc = Json.Parse(CliRun.With(Grid, "compare", "--size", "3", "--json", "--no-timings").Out);
        var names = doc.GetProperty("configurations").EnumerateArray().Select(c => c.GetProperty("name").GetString()!).ToArray();
        Assert.Equal(["safe/small size=3", "broken/small size=3"], names);
        var full = Json.Parse(CliRun.With(Grid, "compare", "--full", "--size", "3", "--json", "--no-timings").Out);
        // The full matrix's third row (safe/large) becomes safe/large size=3 — the option wins over the workload's size.
        Assert.Equal(3, full.GetProperty("configurations").GetArrayLength());
        Assert.All(full.GetProperty("configurations").EnumerateArray(),
            c => Assert.Equal(9, c.GetProperty("statistics").GetProperty("distinctStates").GetInt64()));
    }

    [Fact]
    public void Full_runs_the_full_matrix_and_takes_no_variant_or_workload_list()
    {
        var r = CliRun.With(Grid, "compare", "--full", "--no-timings");
        Assert.True(r.Code == 0, r.ToString());
        Assert.Contains("#3 safe/large", r.Out);
        Assert.Contains("3 configurations, 15 verdicts: 15 as expected", r.Out);
        var bad = CliRun.With(Grid, "compare", "--full", "--variant", "safe");
        Assert.Equal(3, bad.Code);
        Assert.Equal(["tcpmc: --full selects the full matrix; it cannot be combined with --variant (drop one of them)"], bad.ErrLines);
    }

    /// <summary>The limits of check apply to each configuration's search; a row cut short is in the table, its unsettled
    /// verdicts "?" with the reason, and the JSON says so — never a missing row.</summary>
    [Fact]
    public void A_row_cut_short_by_a_limit_is_inconclusive_with_the_reason()
    {
        var r = CliRun.With(Grid, "compare", "--variant", "safe", "--size", "20", "--max-states", "100", "--no-timings");
        Assert.True(r.Code == 2, r.ToString());
        Assert.Contains("#1 safe/small size=20: cut short after 100 states: state limit reached (100 states); 5 verdicts inconclusive", r.Out);
        Assert.Contains("1 configurations, 5 verdicts: 0 as expected, 0 unexpected (marked !), 5 inconclusive", r.Out);
        Assert.Contains("│ distinct states │ 100 ?", r.Out);
        var doc = Json.Parse(CliRun.With(Grid, "compare", "--variant", "safe", "--size", "20", "--max-states", "100", "--json", "--no-timings").Out);
        Assert.Equal("limit", doc.GetProperty("stopReason").GetString());
        Assert.Equal(["safe/small size=20"], doc.GetProperty("cutShort").EnumerateArray().Select(x => x.GetString()!).ToArray());
        var row = Json.Row(doc, "no-teleport", "safe");
        Assert.Equal("inconclusive", row.GetProperty("verdict").GetString());
        Assert.Equal("state limit reached (100 states)", row.GetProperty("reason").GetString());
        Assert.Equal(JsonValueKind.Null, row.GetProperty("asExpected").ValueKind);
    }

    /// <summary>Cancelled (Ctrl+C or SIGTERM cancel the context's token): a partial report naming every configuration
    /// cancelled, each unfinished verdict inconclusive, JSON stopReason cancelled, exit 2.</summary>
    [Fact]
    public void A_cancelled_compare_prints_a_partial_report_and_exits_2()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        var r = CliRun.With(() => Grid, cancel.Token, "compare", "--no-timings");
        Assert.True(r.Code == 2, r.ToString());
        Assert.Contains("0 as expected, 0 unexpected (marked !), 10 inconclusive", r.Out);
        Assert.Contains("CANCELLED: the report is partial", r.Out);
        // The engine looks at the token at its first safe point: a search started after the cancellation stops at once.
        Assert.Contains("#1 safe/small: cancelled after 3 states; 5 verdicts inconclusive", r.Out);
        Assert.Contains("#2 broken/small: cancelled after 3 states; 5 verdicts inconclusive", r.Out);
        var doc = Json.Parse(CliRun.With(() => Grid, cancel.Token, "compare", "--json", "--no-timings").Out);
        Assert.Equal("cancelled", doc.GetProperty("stopReason").GetString());
        Assert.Equal(2, doc.GetProperty("exitCode").GetInt32());
        Assert.Equal(["safe/small", "broken/small"], doc.GetProperty("cutShort").EnumerateArray().Select(x => x.GetString()!).ToArray());
        Assert.All(doc.GetProperty("results").EnumerateArray(), x =>
            Assert.Equal(("inconclusive", "cancelled"), (x.GetProperty("verdict").GetString(), x.GetProperty("reason").GetString())));
    }
}
