using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Engine.Paths;
using TcpModelCheck.Engine.Simulation;
using TcpModelCheck.Properties.Support;
using TcpModelCheck.Reports.Tcp;
using TcpModelCheck.Tcp.Schedules;
using Xunit.Abstractions;
using TcpModelCheck.Tcp.Matrix;

namespace TcpModelCheck.Properties.Schedules;

/// <summary>
/// Schedules and the explorer agree: every counterexample (and witness path) the explorer finds on the default
/// matrix, converted to a schedule, runs the same path and reproduces the same violation at the same step.
/// The exhaustive checks are the suite's shared ones (<see cref="MatrixResults"/>): in a full run they are paid
/// for once by the matrix tests, and this class adds only the conversions (run alone, it pays for the checks).
/// </summary>
public sealed class ExplorerCrossCheck(ITestOutputHelper output)
{
    public static TheoryData<string> Configurations() => new(TcpMatrix.Default.Select(e => e.Name));

    [Theory, MemberData(nameof(Configurations))]
    public void Every_explorer_path_converted_to_a_schedule_replays_to_the_same_violation(string configuration)
    {
        var (model, explored) = MatrixResults.Get(configuration);
        var paths = explored.Properties.Select(p => (p, Path: p.Counterexample ?? p.Witness)).Where(x => x.Path is not null).ToList();
        Assert.NotEmpty(paths);
        foreach (var (result, path) in paths)
        {
            var schedule = TcpSchedules.FromTrace(model, path!.Trace);
            var properties = result.Property.IsSafety ? [result.Name] : Array.Empty<string>();
            var run = TcpSchedules.Run(model, schedule, properties);
            Assert.Equal(path.Trace.ChoicePath, run.Trace.ChoicePath);
            PathViolation? expected = null;
            if (result.Property.IsSafety && result.Verdict == Verdict.Violated)
            {
                var explorer = Reproducer.Reproduce(model, path.Trace);   // violated at its last step and not before
                Assert.True(explorer.Reproduced, explorer.Reason);
                expected = explorer.Violation;
                Assert.True(Reproducer.Reproduce(model, run.Trace).Reproduced);
            }
            Assert.Equal(expected, run.Violation);
            output.WriteLine($"{result.Name} ({result.Verdict}): {path.Length} steps -> schedule {schedule}");
        }
    }
}
