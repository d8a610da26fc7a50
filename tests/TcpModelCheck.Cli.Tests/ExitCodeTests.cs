using TcpModelCheck.Cli.Backend;
using TcpModelCheck.Cli.Tests.Support;

namespace TcpModelCheck.Cli.Tests;

/// <summary>Every exit code, produced through the real command tree over the grid test model (answers by hand:
/// see <see cref="GridModel"/>).</summary>
public class ExitCodeTests
{
    private static readonly GridBackend Grid = new();

    [Fact]
    public void Every_property_holding_exits_0()
    {
        var r = CliRun.With(Grid, "check", "--variant", "safe");
        Assert.True(r.Code == 0, r.ToString());
        Assert.Equal("", r.Err);
    }

    [Fact]
    public void A_violated_property_exits_1()
    {
        var r = CliRun.With(Grid, "check", "--variant", "broken");
        Assert.True(r.Code == 1, r.ToString());
        Assert.Equal("", r.Err);
    }

    [Fact]
    public void A_limit_that_cuts_the_search_short_exits_2_and_never_says_holds()
    {
        // 9 states in the 3x3 grid; a bound of 4 stops before the corner, so nothing but no-teleport's edges
        // seen so far can be judged: every verdict must be inconclusive (none violated in the safe variant).
        var r = CliRun.With(Grid, "check", "--variant", "safe", "--max-states", "4", "--json");
        Assert.True(r.Code == 2, r.ToString());
        Assert.DoesNotContain("\"holds\"", r.Out);
        Assert.Contains("\"stopReason\": \"max-states\"", r.Out);
    }

    [Fact]
    public void Cancelling_a_search_exits_2_with_partial_statistics()
    {
        // The engine looks at the cancellation token every 1,024 states: the 1,600-state grid is stopped there.
        var r = CliRun.With(() => Grid, new CancellationToken(canceled: true), "check", "--workload", "large", "--json");
        Assert.True(r.Code == 2, r.ToString());
        var stats = Json.Parse(r.Out).GetProperty("statistics");
        Assert.Equal("cancelled", stats.GetProperty("stopReason").GetString());
        Assert.InRange(stats.GetProperty("distinctStates").GetInt64(), 1, 1599);
    }

    [Fact]
    public void Cancelling_a_simulation_exits_2()
    {
        var r = CliRun.With(() => Grid, new CancellationToken(canceled: true), "simulate", "--runs", "10");
        Assert.Equal(2, r.Code);
        Assert.Contains("cancelled after 0 of 10 schedules", r.Out);
    }

    [Fact]
    public void Bad_input_exits_3_with_one_line()
    {
        var r = CliRun.With(Grid, "check", "--variant", "nope");
        Assert.Equal(3, r.Code);
        Assert.Equal(["tcpmc: unknown variant 'nope'; valid variants: safe, broken"], r.ErrLines);
    }

    [Fact]
    public void An_internal_failure_exits_4_with_one_line_and_no_stack_trace()
    {
        var r = CliRun.With(new FailingBackend(), "check");
        Assert.Equal(4, r.Code);
        Assert.Equal(["tcpmc: internal error: InvalidOperationException: the backend broke"], r.ErrLines);
        Assert.Equal("", r.Out);
    }

    [Fact]
    public void An_internal_failure_while_building_the_commands_also_exits_4()
    {
        var r = CliRun.With(() => throw new NullReferenceException("no backend"), "list");
        Assert.Equal(4, r.Code);
        Assert.Equal(["tcpmc: internal error: NullReferenceException: no backend"], r.ErrLines);
    }

    /// <summary>A backend whose every model fails to build, as a bug in the tool would.</summary>
    private sealed class FailingBackend : IBackend
    {
        private readonly GridBackend _grid = new();
        public string ModelName => _grid.ModelName;
        public IReadOnlyList<NamedItem> Variants => _grid.Variants;
        public IReadOnlyList<NamedItem> Workloads => _grid.Workloads;
        public IReadOnlyList<ConfigField> Fields => _grid.Fields;
        public IReadOnlyList<PropertyInfo> Properties => _grid.Properties;
        public IReadOnlyList<MatrixCell> DefaultMatrix => _grid.DefaultMatrix;
        public IReadOnlyList<MatrixCell> FullMatrix => _grid.FullMatrix;
        public MatrixCell Cell(IReadOnlyDictionary<string, string> settings) => _grid.Cell(settings);
        public IModelSession Open(IReadOnlyDictionary<string, string> settings) => throw new InvalidOperationException("the backend broke");
        public IReadOnlyDictionary<string, string> ReplaySettings(IReadOnlyDictionary<string, string> recorded,
            IReadOnlyDictionary<string, string> overrides) => _grid.ReplaySettings(recorded, overrides);

        public string Explain(IReadOnlyDictionary<string, string> settings, IReadOnlyList<string> properties) => _grid.Explain(settings, properties);
    }
}
