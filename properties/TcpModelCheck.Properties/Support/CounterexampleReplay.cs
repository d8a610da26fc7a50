using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Engine.Paths;
using TcpModelCheck.Engine.Traces;
using TcpModelCheck.Reports.Tcp;
using TcpModelCheck.Tcp;
using Xunit.Abstractions;

namespace TcpModelCheck.Properties.Support;

/// <summary>
/// What every test that expects a violation does with its counterexample: print the chart, write the trace
/// as JSON to a temporary directory, read it back, rebuild the model from the trace's own settings, and see it
/// reproduce its violation (the engine's one <see cref="Reproducer"/>: a safety property at the trace's last step
/// and not before; a liveness property on a lasso that closes, judged as the liveness check judges it).
/// </summary>
internal static class CounterexampleReplay
{
    public static void Check(TcpModel model, PropertyResult<TcpState, TcpAction> result, ITestOutputHelper output)
    {
        Assert.Equal(Verdict.Violated, result.Verdict);
        var cx = result.Counterexample ?? throw new Xunit.Sdk.XunitException($"{result.Name}: violated without a counterexample");
        output.WriteLine(TcpTraceReport.Of(model, result).Chart);

        var dir = Directory.CreateTempSubdirectory("tcpmc-cx-");
        try
        {
            var path = Path.Combine(dir.FullName, $"{result.Name}.json");
            TraceJson.Write(cx.Trace, path);
            var back = TraceJson.Read(path);
            output.WriteLine($"trace written to and read back from {path} ({back.Length} steps, choice path {back.ChoicePath})");
            Assert.Equal(cx.Trace.ChoicePath, back.ChoicePath);
            Assert.Equal(result.Name, back.Property);
            var rebuilt = TcpModel.FromSettings(back.Settings);
            var reproduction = Reproducer.Reproduce(rebuilt, back);
            Assert.True(reproduction.Reproduced, $"{result.Name}: {reproduction.Reason}");
            output.WriteLine($"replayed: {reproduction.Reason}");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
