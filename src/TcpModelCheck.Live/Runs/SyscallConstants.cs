using TcpModelCheck.Conformance.Scripts;
using TcpModelCheck.Live.Kernel;

namespace TcpModelCheck.Live.Runs;

/// <summary>
/// The symbols packetdrill scripts pass to socket calls (levels, option names, fcntl flags, shutdown modes) and
/// the Linux values they stand for; <see cref="Evaluate"/> folds <c>a|b</c> and <c>[1]</c> into an integer.
/// </summary>
internal static class SyscallConstants
{
    private static readonly Dictionary<string, long> Symbols = new(StringComparer.Ordinal)
    {
        ["SOL_SOCKET"] = KernelCalls.SolSocket, ["IPPROTO_TCP"] = KernelCalls.IpProtoTcp, ["SOL_TCP"] = KernelCalls.IpProtoTcp,
        ["SO_REUSEADDR"] = KernelCalls.SoReuseAddr, ["SO_ERROR"] = KernelCalls.SoError, ["SO_SNDBUF"] = KernelCalls.SoSndBuf,
        ["SO_RCVBUF"] = KernelCalls.SoRcvBuf, ["SO_KEEPALIVE"] = KernelCalls.SoKeepAlive, ["SO_LINGER"] = KernelCalls.SoLinger,
        ["SO_REUSEPORT"] = 15, ["TCP_NODELAY"] = KernelCalls.TcpNoDelay, ["TCP_MAXSEG"] = KernelCalls.TcpMaxSeg,
        ["TCP_LINGER2"] = 8, ["TCP_SYNCNT"] = 7, ["TCP_USER_TIMEOUT"] = 18, ["TCP_KEEPIDLE"] = 4,
        ["TCP_KEEPINTVL"] = 5, ["TCP_KEEPCNT"] = 6,
        ["F_GETFL"] = 3, ["F_SETFL"] = 4, ["O_RDONLY"] = 0, ["O_WRONLY"] = 1, ["O_RDWR"] = 2, ["O_NONBLOCK"] = 0x800,
        ["SHUT_RD"] = KernelCalls.ShutRd, ["SHUT_WR"] = KernelCalls.ShutWr, ["SHUT_RDWR"] = KernelCalls.ShutRdWr,
        ["AF_INET"] = 2, ["PF_INET"] = 2, ["SOCK_STREAM"] = 1, ["IPPROTO_IP"] = 0,
    };

    /// <summary>The integer an expression stands for, or null when it is not a constant this runner knows.</summary>
    public static long? Evaluate(Expr? e) => e switch
    {
        IntExpr i => i.Value,
        WordExpr w when Symbols.TryGetValue(w.Word, out var v) => v,
        WordExpr w when Conformance.Scripts.Errno.Number(w.Word) is { } errno => errno,
        BinaryExpr { Operator: "|" } b when Evaluate(b.Left) is { } l && Evaluate(b.Right) is { } r => l | r,
        ListExpr { Items.Count: 1 } l => Evaluate(l.Items[0]),
        _ => null,
    };

    /// <summary>The name packetdrill would print for a value of a given option (an errno for SO_ERROR).</summary>
    public static Expr Spell(long option, int value) =>
        option == KernelCalls.SoError && value != 0 ? new WordExpr(Conformance.Scripts.Errno.Name(value)) : new IntExpr(value);
}
