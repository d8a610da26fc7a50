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
}
