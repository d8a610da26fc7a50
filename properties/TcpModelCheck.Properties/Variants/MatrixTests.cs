using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Properties.Support;
using TcpModelCheck.Reports.Comparison;
using TcpModelCheck.Reports.Tcp;
using TcpModelCheck.Tcp;
using Xunit.Abstractions;
using TcpModelCheck.Tcp.Matrix;

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
        var (model, result, row) = MatrixResults.Get(configuration);
        Assert.Equal(StopReason.None, result.Statistics.StopReason);   // exhaustive: nothing was cut short
        Assert.Equal(model.Properties.Select(p => p.Name), row.Cells.Select(c => c.Property));
        output.WriteLine(ComparisonMarkdown.Render(new ComparisonReport([row]), timings: false));
        foreach (var cell in row.Cells.Where(c => c.Mismatch && c.Found == Verdict.Violated))
            output.WriteLine(TcpTraceReport.Of(model, result[cell.Property]).Chart);
        Assert.Empty(row.Cells.Where(c => c.AsExpected != true).Select(c => $"{c.Property}: expected {c.Expected}, found {c.Found}"));
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
        var properties = new TcpModel().Properties.Select(p => p.Name).ToHashSet();
        Assert.All(ExpectedVerdicts.Table.Exceptions, e =>
        {
            Assert.Contains(e.Configuration, TcpMatrix.Full);
            Assert.Contains(e.Property, properties);
        });
    }

    /// <summary>Expectations are keyed by the matrix entry and found by its configuration: the same configuration
    /// built another way (from its settings, as a trace or the CLI builds it) has them; a configuration that differs
    /// in one field has none, however its name reads.</summary>
    [Fact]
    public void Expected_verdicts_are_found_by_configuration_not_by_name()
    {
        var entry = TcpMatrix.Get("no-time-wait/client-closes-first");
        var rebuilt = TcpConfig.FromSettings(entry.Config.ToSettings());
        Assert.Equal(Verdict.Violated, ExpectedVerdicts.For(rebuilt, TcpProperties.GracefulClose).Verdict);
        Assert.Same(entry, TcpMatrix.Find(rebuilt));
        var other = entry.Config with { NetworkCapacity = entry.Config.NetworkCapacity + 1 };
        Assert.Null(TcpMatrix.Find(other));
        Assert.Equal((Verdict.Holds, (string?)null), ExpectedVerdicts.For(other, TcpProperties.GracefulClose));
        // The one field that is no part of the key: the reduction keeps every verdict (ReductionCrossCheckTests).
        var unreduced = entry.Config with { Reduction = Reduction.None };
        Assert.Same(entry, TcpMatrix.Find(unreduced));
        Assert.Equal(Verdict.Violated, ExpectedVerdicts.For(unreduced, TcpProperties.GracefulClose).Verdict);
    }

    [Fact]
    public void Matrix_configuration_names_are_unique_and_valid()
    {
        Assert.Equal(TcpMatrix.Default.Count, TcpMatrix.Default.Select(e => e.Name).Distinct().Count());
        Assert.All(TcpMatrix.Default, e => Assert.Empty(e.Config.Validate()));
    }
}
