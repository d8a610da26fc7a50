using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Tcp;

namespace TcpModelCheck.Explorer.Tests.Support;

/// <summary>The configuration the explorer's tests poke: no-time-wait, whose graceful-close counterexample (RFC 9293
/// §3.10.7.4: without TIME-WAIT the last ACK meets a CLOSED endpoint, which answers with a reset) is the issue's
/// example. Its path is what the checker finds, computed once.</summary>
internal static class NoTimeWait
{
    public static TcpModel Model { get; } = new(TcpConfig.ForVariant("no-time-wait"));

    private static readonly Lazy<string> Path = new(() =>
    {
        var result = ModelChecker.Check(Model, new CheckOptions { Properties = ["graceful-close"] });
        return result["graceful-close"].Counterexample!.Trace.ChoicePath;
    });

    /// <summary>The shortest graceful-close counterexample's choice path, as <c>tcpmc check</c> prints it.</summary>
    public static string CounterexamplePath => Path.Value;

    public static int[] Choices => CounterexamplePath.Split('/').Select(int.Parse).ToArray();
}
