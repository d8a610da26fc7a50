using TcpModelCheck.Cli.Tests.Support;

namespace TcpModelCheck.Cli.Tests;

/// <summary><c>check</c> over the grid model. Numbers from <see cref="GridModel"/>'s definition: a 3×3 grid has
/// 9 states, 2·3·2 = 12 transitions and depth 4; the broken variant's limit 3 is first exceeded after 3 steps
/// (at (2,1) or (1,2); which of the shortest paths breadth-first search returns is the engine's choice).</summary>
public class CheckCommandTests
{
    private static readonly GridBackend Grid = new();

    [Fact]
    public void Text_report_shows_every_property_the_statistics_and_the_counterexample_chart()
    {
        var r = CliRun.With(Grid, "check", "--variant", "broken", "--no-timings");
        Assert.Equal(1, r.Code);
        Assert.Contains("check: broken/small" + Environment.NewLine, r.Out);
        Assert.Matches(@"│ below-limit\s+│ invariant\s+│ violated\s+│ 3\s+│", r.Out);
        Assert.Matches(@"│ reach-end\s+│ eventually\s+│ holds\s+│", r.Out);
        Assert.Contains("9 distinct states, 12 transitions, max depth 4" + Environment.NewLine, r.Out);
        Assert.Matches(@"\n3\. (right|up) -> \((2, 1|1, 2)\)", r.Out);
        Assert.Matches(@"choice path: \d/\d/\d\n", r.Out);
        Assert.DoesNotContain(" s,", r.Out.Split("max depth 4")[1].Split('\n')[0]);
    }

    [Fact]
    public void Json_has_the_documented_fields_for_every_property()
    {
        var r = CliRun.With(Grid, "check", "--variant", "broken", "--json");
        var doc = Json.Parse(r.Out);
        Assert.Equal(1, doc.GetProperty("exitCode").GetInt32());
        var row = Json.Row(doc, "below-limit");
        Assert.Equal("broken/small", row.GetProperty("configuration").GetString());
        Assert.Equal("broken", row.GetProperty("variant").GetString());
        Assert.Equal("small", row.GetProperty("workload").GetString());
        Assert.Equal("violated", row.GetProperty("verdict").GetString());
        Assert.Equal(3, row.GetProperty("counterexampleLength").GetInt32());
        Assert.Matches(@"^\d/\d/\d$", row.GetProperty("choicePath").GetString());
        Assert.Equal(9, row.GetProperty("distinctStates").GetInt64());
        Assert.True(row.GetProperty("seconds").GetDouble() >= 0);
        Assert.Equal(5, doc.GetProperty("results").GetArrayLength());
        Assert.Equal("complete", doc.GetProperty("statistics").GetProperty("stopReason").GetString());
    }

    [Fact]
    public void Selected_properties_are_the_only_ones_checked()
    {
        var doc = Json.Parse(CliRun.With(Grid, "check", "--variant", "broken", "-p", "no-teleport,reach-corner", "--json").Out);
        Assert.Equal(["no-teleport", "reach-corner"],
            doc.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("property").GetString()!).ToArray());
        Assert.Equal(0, doc.GetProperty("exitCode").GetInt32());
    }

    [Fact]
    public void Fingerprint_storage_skips_liveness_and_says_so()
    {
        var r = CliRun.With(Grid, "check", "--variant", "safe", "--fingerprint");
        Assert.Equal(0, r.Code);
        Assert.Contains("reach-end: not checked, liveness needs exact storage (no --fingerprint)", r.Out);
        Assert.DoesNotContain("│ reach-end", r.Out);
    }

    [Fact]
    public void Fingerprint_with_an_explicit_liveness_property_is_bad_input()
    {
        var r = CliRun.With(Grid, "check", "--fingerprint", "-p", "reach-end");
        Assert.Equal(3, r.Code);
        Assert.Single(r.ErrLines);
        Assert.Contains("--fingerprint cannot check liveness property 'reach-end'", r.Err);
    }

    [Fact]
    public void No_timings_json_has_null_seconds()
    {
        var doc = Json.Parse(CliRun.With(Grid, "check", "--json", "--no-timings").Out);
        Assert.All(doc.GetProperty("results").EnumerateArray(), row => Assert.Equal(System.Text.Json.JsonValueKind.Null, row.GetProperty("seconds").ValueKind));
    }

    [Fact]
    public void Mermaid_draws_the_counterexample_as_a_sequence_diagram()
    {
        var r = CliRun.With(Grid, "check", "--variant", "broken", "--mermaid");
        Assert.Contains("sequenceDiagram", r.Out);
        Assert.DoesNotContain("0. (0, 0)", r.Out);
    }

    [Theory]
    [InlineData("bfs")]
    [InlineData("dfs")]
    [InlineData("parallel")]
    public void Every_strategy_finds_the_same_states_and_verdicts(string strategy)
    {
        // 40×40 grid: 1,600 states and 2·40·39 = 3,120 transitions whatever the order of exploration.
        string[] threads = strategy == "parallel" ? ["--threads", "2"] : [];   // --threads with bfs or dfs is refused
        var doc = Json.Parse(CliRun.With(Grid, ["check", "--workload", "large", "--variant", "broken", "--strategy", strategy,
            .. threads, "-p", "no-teleport,no-deadlock,reach-end,below-limit", "--json"]).Out);
        Assert.Equal(1600, doc.GetProperty("statistics").GetProperty("distinctStates").GetInt64());
        Assert.Equal(3120, doc.GetProperty("statistics").GetProperty("transitions").GetInt64());
        Assert.Equal(["holds", "holds", "holds", "violated"],
            doc.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("verdict").GetString()!).ToArray());
        Assert.Equal(1, doc.GetProperty("exitCode").GetInt32());
    }

    [Fact]
    public void Fingerprint_storage_reports_the_probability_of_a_missed_state()
    {
        var r = CliRun.With(Grid, "check", "--workload", "large", "--fingerprint", "--no-timings");
        Assert.Equal(0, r.Code);
        Assert.Contains("1,600 distinct states", r.Out);
        Assert.Matches(@"fingerprint storage: estimated probability that a state was missed \d", r.Out);
    }
}
