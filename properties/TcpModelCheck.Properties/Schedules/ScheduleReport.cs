using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Engine.Paths;
using TcpModelCheck.Engine.Schedules;
using TcpModelCheck.Engine.Traces;
using TcpModelCheck.Reports.Tcp;
using TcpModelCheck.Tcp;
using TcpModelCheck.Tcp.Schedules;
using Xunit.Abstractions;

namespace TcpModelCheck.Properties.Schedules;

/// <summary>
/// What the schedule suites do with a failing schedule: print it as the same message sequence chart as the
/// explorer's counterexamples together with FsCheck's replay token, save it as the same JSON trace, read it
/// back, rebuild the model from the trace's own settings and replay it to the same violation.
/// </summary>
internal static class ScheduleReport
{
    /// <summary>Prints <paramref name="result"/> (a schedule's run ending in a violation) and checks its JSON
    /// round trip; returns the trace read back from the file.</summary>
    public static Trace PrintAndReplay(TcpModel model, ScheduleResult<IntentKind> result, FsCheckFailure? failure, ITestOutputHelper output)
    {
        var violation = result.Violation ?? throw new ArgumentException("the schedule's run violates nothing", nameof(result));
        output.WriteLine(TcpTraceReport.Of(model, result.Trace, Verdict.Violated).Chart);
        output.WriteLine($"schedule ({result.Schedule.Length} intents): {result.Schedule}");
        if (failure is not null)
        {
            output.WriteLine($"FsCheck: {failure.Tests} test(s), {failure.Shrinks} shrink(s); drawn schedule had {failure.Original.Length} intents");
            output.WriteLine(failure.ReplayToken);
            output.WriteLine(failure.Report);
        }
        var dir = Directory.CreateTempSubdirectory("tcpmc-schedule-");
        try
        {
            var path = Path.Combine(dir.FullName, $"{violation.Property}.json");
            TraceJson.Write(result.Trace, path);
            var back = TraceJson.Read(path);
            var rebuilt = TcpModel.FromSettings(back.Settings);
            var again = Reproducer.Reproduce(rebuilt, back);   // violated at the trace's last step and not before
            Assert.True(again.Reproduced, again.Reason);
            Assert.Equal(violation, again.Violation);
            output.WriteLine($"trace written to and replayed from {path}: {back.Length} steps, choice path {back.ChoicePath}");
            return back;
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
