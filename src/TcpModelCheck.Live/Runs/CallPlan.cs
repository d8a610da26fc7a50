using TcpModelCheck.Conformance.Scripts;
using TcpModelCheck.Live.Kernel;

namespace TcpModelCheck.Live.Runs;

/// <summary>
/// A script's system call made ready to run: the call itself, whether it may block (a blocking descriptor and a
/// call that waits), and how to turn its result into the line a recording writes. <see cref="Unsupported"/> names
/// what the runner cannot do (the script's verdict is then "unsupported", never a guess).
/// </summary>
internal sealed record CallPlan(Func<CallOutcome> Call, bool MayBlock, string? Unsupported = null)
{
    public static CallPlan Refuse(string why) => new(() => throw new InvalidOperationException(why), false, why);
}

/// <summary>What a call returned: its result, and the value an out-argument got (getsockopt's).</summary>
internal sealed record CallOutcome(SyscallResult Result, Expr? OutValue = null, int? ScriptFd = null);
