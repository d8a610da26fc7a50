using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Reports.Comparison;
using TcpModelCheck.Tcp;

namespace TcpModelCheck.Reports.Tcp;

/// <summary>
/// THE expected-verdict table of the default matrix (<see cref="TcpMatrix.Default"/>): the one place that says
/// which property fails in which configuration and why. Every cell not listed is expected to hold. The
/// verdicts are what the model finds (measured with <c>tcpmc compare</c>); the property suite asserts them
/// and the comparison prints them next to what it found.
/// </summary>
public static class ExpectedVerdicts
{
    private const string NoTimeWaitOne = "no-time-wait/client-closes-first";
    private const string NoTimeWaitReconnect = "no-time-wait/reconnect";
    private const string NaiveFin = "naive-fin/client-closes-first";

    public static ExpectationTable Table { get; } = new(
    [
        new(NoTimeWaitOne, TcpProperties.GracefulClose, Verdict.Violated,
            "A's last ACK is lost; A is already CLOSED, so B's retransmitted FIN is answered by a reset (RFC 9293 §3.6.1)"),
        new(NoTimeWaitReconnect, TcpProperties.NoStaleData, Verdict.Violated,
            "a delayed data segment of connection 1 is acceptable to connection 2 and delivered to its application"),
        new(NaiveFin, TcpProperties.NoDataLoss, Verdict.Violated,
            "the FIN overtakes the data before it and is processed at once: end-of-stream before the data arrives"),
    ]);
}
