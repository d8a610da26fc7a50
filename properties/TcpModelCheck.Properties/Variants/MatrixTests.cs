using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Properties.Support;
using TcpModelCheck.Reports.Comparison;
using TcpModelCheck.Reports.Tcp;
using TcpModelCheck.Tcp;
using Xunit.Abstractions;

namespace TcpModelCheck.Properties.Variants;

/// <summary>
/// The default matrix, checked exhaustively: every property of the model in every configuration gets the
/// verdict of <see cref="ExpectedVerdicts"/>, every counterexample replays from its JSON file, and the state
/// counts and counterexample lengths are the measured ones pinned in <see cref="PinnedNumbers"/>.
/// </summary>
public sealed class MatrixTests(ITestOutputHelper output)
{
    public static TheoryData<string> Configurations() => new(TcpMatrix.Default.Select(e => e.Name));

    [Theory, MemberData(nameof(Configurations))]
    public void Verdicts_match_the_expected_table(string configuration)
    {
        var (model, result) = MatrixResults.Get(configuration);
        Assert.Equal(StopReason.None, result.Statistics.StopReason);   // exhaustive: nothing was cut short
        Assert.Equal(model.Properties.Select(p => p.Name), result.Properties.Select(p => p.Name));
        var entry = TcpMatrix.Get(configuration);
        var row = ComparisonRow.From(configuration, entry.Config.Variant, entry.Config.Workload, result, ExpectedVerdicts.Table);
        output.WriteLine(ComparisonText.Render(new ComparisonReport([row])));
        foreach (var cell in row.Cells.Where(c => c.Mismatch && c.Found == Verdict.Violated))
            output.WriteLine(TcpTraceReport.Of(model, result[cell.Property]).Chart);
        Assert.Empty(row.Cells.Where(c => c.Mismatch).Select(c => $"{c.Property}: expected {c.Expected}, found {c.Found}"));
    }

    [Theory, MemberData(nameof(Configurations))]
    public void Every_counterexample_replays_from_its_json_file(string configuration)
    {
        var (model, result) = MatrixResults.Get(configuration);
        var violated = result.Properties.Where(p => p.Verdict == Verdict.Violated && p.Counterexample is not null).ToList();
        foreach (var p in violated) CounterexampleReplay.Check(model, p, output);
        // a reachability property is "violated" without a path; every other violation carries one
        Assert.All(result.Properties.Where(p => p.Verdict == Verdict.Violated && p.Counterexample is null),
            p => Assert.Equal(Engine.Model.PropertyKind.Reachable, p.Property.Kind));
    }

    [Theory, MemberData(nameof(Configurations))]
    public void State_counts_and_counterexample_lengths_are_the_measured_ones(string configuration)
    {
        var (_, result) = MatrixResults.Get(configuration);
        var pinned = PinnedNumbers.For(configuration);
        var lengths = result.Properties.Where(p => p.Counterexample is not null)
            .ToDictionary(p => p.Name, p => p.Counterexample!.Length);
        output.WriteLine($"{configuration}: {result.Statistics.DistinctStates} states, lengths " +
            string.Join(", ", lengths.Select(kv => $"{kv.Key}={kv.Value}")));
        Assert.Equal(pinned.States, result.Statistics.DistinctStates);
        Assert.Equal(pinned.Lengths.OrderBy(kv => kv.Key), lengths.OrderBy(kv => kv.Key));
    }

    /// <summary>No property passes vacuously: in every configuration both endpoints reach ESTABLISHED, some
    /// endpoint closes gracefully, and (except where the variant has none) TIME-WAIT is reached.</summary>
    [Theory, MemberData(nameof(Configurations))]
    public void The_interesting_states_are_reachable(string configuration)
    {
        var (_, result) = MatrixResults.Get(configuration);
        Assert.Equal(Verdict.Holds, result[TcpProperties.ReachedEstablished].Verdict);
        Assert.Equal(Verdict.Holds, result[TcpProperties.ClosedAfterClose].Verdict);
        Assert.Equal(Verdict.Holds, result[TcpProperties.ReachedDataDelivered].Verdict);
        var timeWait = TcpMatrix.Get(configuration).Config.TimeWaitTicks > 0 ? Verdict.Holds : Verdict.Violated;
        Assert.Equal(timeWait, result[TcpProperties.ReachedTimeWait].Verdict);
    }

    [Fact]
    public void The_expected_table_names_only_matrix_configurations_and_model_properties()
    {
        var names = TcpMatrix.Default.Concat(TcpMatrix.Full).Select(e => e.Name).ToHashSet();
        var properties = new TcpModel().Properties.Select(p => p.Name).ToHashSet();
        Assert.All(ExpectedVerdicts.Table.Exceptions, e =>
        {
            Assert.Contains(e.Configuration, names);
            Assert.Contains(e.Property, properties);
        });
    }

    [Fact]
    public void Matrix_configuration_names_are_unique_and_valid()
    {
        Assert.Equal(TcpMatrix.Default.Count, TcpMatrix.Default.Select(e => e.Name).Distinct().Count());
        Assert.All(TcpMatrix.Default, e => Assert.Empty(e.Config.Validate()));
    }
}
