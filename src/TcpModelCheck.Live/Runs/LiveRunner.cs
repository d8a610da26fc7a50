using TcpModelCheck.Conformance.Scripts;
using TcpModelCheck.Live.Isolation;

namespace TcpModelCheck.Live.Runs;

/// <summary>
/// Runs packetdrill scripts against this machine's kernel: each script in a fresh, private network namespace
/// (see <see cref="IsolatedNetwork"/> for why nothing outlives the run), with the kernel's socket at 192.0.2.1 and
/// the tool playing the peer at 192.0.2.2 through a TUN device. A script's sysctl lines are applied inside that
/// namespace at their place in the script (those before the first event before any socket exists).
/// </summary>
public static class LiveRunner
{
    /// <summary>
    /// A handshake and close run once per process before the first real script and thrown away: the first run
    /// otherwise spends tens of milliseconds compiling the runner's own code, time the script's clock would blame on
    /// the kernel.
    /// </summary>
    private const string WarmUpScript = """
        0 socket(..., SOCK_STREAM, IPPROTO_TCP) = 3
        +0 bind(3, ..., ...) = 0
        +0 listen(3, 1) = 0
        +0 < S 0:0(0) win 32792 <mss 1000>
        +0 > S. 0:0(0) ack 1 <...>
        +0 < . 1:1(0) ack 1 win 257
        +0 accept(3, ..., ...) = 4
        +0 write(4, ..., 10) = 10
        +0 > P. 1:11(10) ack 1
        +0 < F. 1:1(0) ack 11 win 257
        +0 read(4, ..., 10) = 0
        +0 close(4) = 0
        +0 > F. 11:11(0) ack 2
        """;

    private static readonly Lazy<bool> WarmedUp = new(() =>
    {
        IsolatedNetwork.Run(NetworkPlan.Default, [], net =>
            new ScriptExecution(net, ScriptParser.Parse(WarmUpScript, "warm-up"), LiveRunOptions.Default with { SettleMicros = 0 }).Run());
        return true;
    });

    /// <summary>Runs one script. Throws <see cref="LiveSetupException"/> when the namespace cannot be made.</summary>
    public static LiveRunResult Run(Script script, LiveRunOptions? options = null)
    {
        _ = WarmedUp.Value;
        return IsolatedNetwork.Run(NetworkPlan.Default, [],
            net => new ScriptExecution(net, script, options ?? LiveRunOptions.Default).Run());
    }
}
