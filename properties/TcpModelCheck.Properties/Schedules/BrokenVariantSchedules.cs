using FsCheck;
using FsCheck.Fluent;
using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Properties.Support;
using TcpModelCheck.Reports.Tcp;
using TcpModelCheck.Tcp.Schedules;
using Xunit.Abstractions;

namespace TcpModelCheck.Properties.Schedules;

/// <summary>
/// For every broken cell of the expected-verdict table (a safety property a variant violates), FsCheck finds
/// the violation from a fixed seed within a fixed number of tests, shrinks it, and the shrunk run is compared
/// with the explorer's breadth-first (shortest) counterexample on the same configuration: never shorter (the
/// explorer would have missed it), and at most <see cref="Slack"/> steps longer.
/// </summary>
public sealed class BrokenVariantSchedules(ITestOutputHelper output)
{
    /// <summary>How many steps a shrunk schedule may exceed the shortest counterexample by. Shrinking stops at a
    /// 1-minimal schedule, which need not be the shortest; see the measured lengths in <see cref="Cases"/>.</summary>
    public const int Slack = 2;

    /// <summary>FsCheck's fixed seed (the gamma must be odd) and the number of tests it may use to find each
    /// violation.</summary>
    private const ulong Seed = 20261124UL, Gamma = 0x9E3779B97F4A7C15UL;
    private const int MaxTests = 2000;

    /// <summary>Every (configuration, safety property) the table expects to be violated.</summary>
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var e in ExpectedVerdicts.Table.Exceptions.Where(e => e.Verdict == Verdict.Violated))
        {
            var model = new Tcp.TcpModel(TcpMatrix.Get(e.Configuration).Config);
            if (model.Properties.Single(p => p.Name == e.Property).IsSafety) data.Add(e.Configuration, e.Property);
        }
        return data;
    }

    [Theory, MemberData(nameof(Cases))]
    public void FsCheck_finds_the_violation_and_shrinks_it_close_to_the_shortest(string configuration, string property)
    {
        var (model, explored) = MatrixResults.Get(configuration);
        var shortest = explored[property].Counterexample
            ?? throw new Xunit.Sdk.XunitException($"the explorer finds no counterexample of {property} on {configuration}");
        var failure = FsCheckRun.Check(model, ScheduleShape.Default, Config.Quick.WithReplay(Seed, Gamma, 0).WithMaxTest(MaxTests), property);
        Assert.True(failure is not null, $"FsCheck found no violation of {property} on {configuration} in {MaxTests} tests");
        var run = ScheduleRunner.Run(model, failure.Shrunk, [property]);
        Assert.Equal(property, run.Violation?.Property);
        ScheduleReport.PrintAndReplay(model, run, failure, output);
        output.WriteLine($"{configuration} {property}: FsCheck shrunk to {run.Trace.Length} steps, explorer's shortest is {shortest.Length} steps (slack {Slack})");
        Assert.InRange(run.Trace.Length, shortest.Length, shortest.Length + Slack);
        Assert.Equal(run.Trace.Length, failure.Shrunk.Length); // shrunk to its canonical form: one intent per step
    }

    [Theory, MemberData(nameof(Cases))]
    public void The_printed_replay_token_regenerates_the_failing_schedule(string configuration, string property)
    {
        var (model, _) = MatrixResults.Get(configuration);
        var first = FsCheckRun.Check(model, ScheduleShape.Default, Config.Quick.WithReplay(Seed, Gamma, 0).WithMaxTest(MaxTests), property)!;
        var again = FsCheckRun.Check(model, ScheduleShape.Default, Config.Quick.WithReplay(first.Seed, first.Gamma, first.Size).WithMaxTest(1), property);
        Assert.NotNull(again);
        Assert.Equal(1, again.Tests);
        Assert.Equal(first.Original, again.Original);
        Assert.Equal(first.Shrunk, again.Shrunk);
    }
}
