using TcpModelCheck.Conformance.Scripts;
using TcpModelCheck.Live.Kernel;

namespace TcpModelCheck.Live.Runs;

/// <summary>setsockopt/getsockopt as scripts write them: <c>[1]</c> for an int, <c>{onoff=1, linger=0}</c> for SO_LINGER.</summary>
internal static class SocketOptions
{
    public static CallPlan Set(SyscallEvent e, int fd)
    {
        if (SyscallConstants.Evaluate(e.Argument(1)) is not { } level || SyscallConstants.Evaluate(e.Argument(2)) is not { } name)
            return CallPlan.Refuse($"setsockopt(): an option this runner does not know ({Text(e.Argument(2))})");
        if (name == KernelCalls.SoLinger && level == KernelCalls.SolSocket)
        {
            if (e.Argument(3) is not BraceExpr linger || SyscallConstants.Evaluate(linger.Field("onoff")) is not { } on
                || SyscallConstants.Evaluate(linger.Field("linger")) is not { } seconds)
                return CallPlan.Refuse("setsockopt(SO_LINGER) without {onoff=…, linger=…}");
            return new CallPlan(() => new CallOutcome(KernelCalls.SetLinger(fd, (int)on, (int)seconds)), false);
        }
        if (SyscallConstants.Evaluate(e.Argument(3)) is not { } value)
            return CallPlan.Refuse($"setsockopt(): a value this runner does not understand ({Text(e.Argument(3))})");
        return new CallPlan(() => new CallOutcome(KernelCalls.SetSockOptInt(fd, (int)level, (int)name, (int)value)), false);
    }

    public static CallPlan Get(SyscallEvent e, int fd)
    {
        if (SyscallConstants.Evaluate(e.Argument(1)) is not { } level || SyscallConstants.Evaluate(e.Argument(2)) is not { } name
            || name == KernelCalls.SoLinger)
            return CallPlan.Refuse($"getsockopt(): an option this runner does not read ({Text(e.Argument(2))})");
        return new CallPlan(() =>
        {
            var result = KernelCalls.GetSockOptInt(fd, (int)level, (int)name, out var value);
            return new CallOutcome(result, result.Failed ? null : new ListExpr([SyscallConstants.Spell(name, value)]));
        }, false);
    }

    private static string Text(Expr? e) => e is null ? "(none)" : ScriptWriter.Expression(e);
}
