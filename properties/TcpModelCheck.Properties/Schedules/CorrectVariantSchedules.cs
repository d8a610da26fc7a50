using FsCheck;
using FsCheck.Fluent;
using TcpModelCheck.Tcp;
using TcpModelCheck.Tcp.Schedules;
using Xunit.Abstractions;

namespace TcpModelCheck.Properties.Schedules;

/// <summary>
/// Random deep fault schedules — far more losses, duplications and incarnations than the explorer can afford,
/// in a sequence space that wraps around — never violate a safety property of a correct variant. Thousands of
/// schedules per configuration from a fixed seed; a failure prints the shrunk schedule's chart and replay token.
/// </summary>
public sealed class CorrectVariantSchedules(ITestOutputHelper output)
{
    private const ulong Seed = 7UL, Gamma = 0x5851F42D4C957F2DUL;
    private const int Tests = 3000;

    /// <summary>The correct variants, with each workload that exercises them.</summary>
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var v in new[] { Tcp.Variants.Rfc9293, Tcp.Variants.Rfc1337 })
            foreach (var w in Workloads.All)
                data.Add(v, w.Name);
        return data;
    }

    [Theory, MemberData(nameof(Cases))]
    public void Every_safety_property_holds_on_random_deep_schedules(string variant, string workload)
    {
        var config = DeepConfigs.For(variant, workload);
        var model = new TcpModel(config);
        output.WriteLine($"{variant}/{workload}: losses {config.LossBudget}, duplications {config.DuplicationBudget}, "
            + $"incarnations {config.EffectiveIncarnations}, capacity {config.NetworkCapacity}, sequence space {config.SequenceSpace}; {Tests} schedules");
        var failure = FsCheckRun.Check(model, ScheduleShape.Default, Config.Quick.WithReplay(Seed, Gamma, 0).WithMaxTest(Tests));
        if (failure is null) return;
        var run = ScheduleRunner.Run(model, failure.Shrunk);
        ScheduleReport.PrintAndReplay(model, run, failure, output);
        Assert.Fail($"{variant}/{workload}: {run.Violation!.Property} violated after {run.Trace.Length} steps (chart above)");
    }
}
