using TcpModelCheck.Conformance.Scripts;
using TcpModelCheck.Live.Kernel;

namespace TcpModelCheck.Live.Runs;

/// <summary>
/// Turns a script's system calls into real calls on the kernel socket under test. Script descriptors (3, 4, …)
/// map to the process's real ones; addresses written <c>...</c> are packetdrill's defaults: bind to the kernel's
/// address and port 8080, connect to the peer's port 8080. Every descriptor opened is closed by <see cref="CloseAll"/>.
/// </summary>
internal sealed class SyscallDriver(PeerLink peer)
{
    private readonly Dictionary<long, int> _fds = [];
    private readonly HashSet<int> _nonBlocking = [];
    private readonly Lock _lock = new();

    public CallPlan Prepare(SyscallEvent e)
    {
        if (e.Result is not IntExpr) return CallPlan.Refuse($"{e.Name}: an expected result other than an integer");
        if (e.Name == "socket") return new CallPlan(() => Opened(e, KernelCalls.Socket()), false);
        if (Fd(e.Argument(0)) is not { } fd)
            return CallPlan.Refuse($"{e.Name}: descriptor {Describe(e.Argument(0))} was not opened by the script");
        var blocking = !_nonBlocking.Contains(fd);
        return e.Name switch
        {
            "bind" => Plain(() => KernelCalls.Bind(fd, peer.Plan.Local, peer.ListenPort)),
            "listen" => Int(e, 1) is { } backlog ? Plain(() => KernelCalls.Listen(fd, (int)backlog)) : Bad(e, "backlog"),
            "accept" => new CallPlan(() => Opened(e, KernelCalls.Accept(fd)), blocking),
            "connect" => new CallPlan(() => new CallOutcome(KernelCalls.Connect(fd, peer.Plan.Remote, peer.ListenPort)), blocking),
            "write" or "send" => Transfer(e, fd, blocking, write: true),
            "read" or "recv" => Transfer(e, fd, blocking, write: false),
            "close" => new CallPlan(() => Closed(e, fd), blocking),
            "shutdown" => Int(e, 1) is { } how ? Plain(() => KernelCalls.Shutdown(fd, (int)how)) : Bad(e, "mode"),
            "fcntl" => Fcntl(e, fd),
            "setsockopt" => SocketOptions.Set(e, fd),
            "getsockopt" => SocketOptions.Get(e, fd),
            _ => CallPlan.Refuse($"the live runner does not make {e.Name}() calls"),
        };
    }

    /// <summary>The script descriptor a real one is known by (for recordings).</summary>
    public long ScriptFdOf(int realFd)
    {
        lock (_lock) return _fds.FirstOrDefault(p => p.Value == realFd).Key;
    }

    /// <summary>Closes every descriptor the script left open (packetdrill does the same at the end).</summary>
    public void CloseAll()
    {
        lock (_lock)
        {
            foreach (var fd in _fds.Values) KernelCalls.Close(fd);
            _fds.Clear();
        }
    }

    private int? Fd(Expr? e)
    {
        lock (_lock) return e is IntExpr i && _fds.TryGetValue(i.Value, out var fd) ? fd : null;
    }

    private CallOutcome Opened(SyscallEvent e, SyscallResult result)
    {
        if (result.Failed) return new CallOutcome(result);
        lock (_lock)
        {
            var scriptFd = e.ResultValue is { } v && v >= 0 && !_fds.ContainsKey(v) ? v : NextFreeFd();
            _fds[scriptFd] = (int)result.Value;
            return new CallOutcome(result, ScriptFd: (int)scriptFd);
        }
    }

    private long NextFreeFd() => _fds.Count == 0 ? 3 : Math.Max(3, _fds.Keys.Max() + 1);

    private CallOutcome Closed(SyscallEvent e, int fd)
    {
        var result = KernelCalls.Close(fd);
        lock (_lock)
        {
            if (e.Argument(0) is IntExpr i) _fds.Remove(i.Value);
            _nonBlocking.Remove(fd);
        }
        return new CallOutcome(result);
    }

    private CallPlan Transfer(SyscallEvent e, int fd, bool blocking, bool write)
    {
        if (Int(e, 2) is not { } count || count < 0) return Bad(e, "byte count");
        if (e.Arguments.Count > 3 && Int(e, 3) is not 0) return CallPlan.Refuse($"{e.Name}() with flags other than 0");
        return write
            ? new CallPlan(() => new CallOutcome(KernelCalls.Write(fd, new byte[count])), blocking)
            : new CallPlan(() => new CallOutcome(KernelCalls.Read(fd, (int)count, out _)), blocking);
    }

    private CallPlan Fcntl(SyscallEvent e, int fd)
    {
        if (Int(e, 1) is not { } command) return Bad(e, "command");
        if (command == 3) return Plain(() => KernelCalls.Fcntl(fd, 3, 0));
        if (command != 4 || Int(e, 2) is not { } flags) return CallPlan.Refuse("fcntl() other than F_GETFL / F_SETFL");
        return Plain(() =>
        {
            var result = KernelCalls.Fcntl(fd, 4, (int)flags);
            if (!result.Failed)
                lock (_lock)
                    if ((flags & 0x800) != 0) _nonBlocking.Add(fd); else _nonBlocking.Remove(fd);
            return result;
        });
    }

    private static CallPlan Plain(Func<SyscallResult> call) => new(() => new CallOutcome(call()), false);

    private static long? Int(SyscallEvent e, int index) => SyscallConstants.Evaluate(e.Argument(index));

    private static CallPlan Bad(SyscallEvent e, string what) =>
        CallPlan.Refuse($"{e.Name}(): its {what} is not a value the live runner understands");

    private static string Describe(Expr? e) => e is null ? "(none)" : ScriptWriter.Expression(e);
}
