using TcpModelCheck.Conformance.Open;
using TcpModelCheck.Conformance.Scripts;
using TcpModelCheck.Tcp;

namespace TcpModelCheck.Conformance.Checking;

/// <summary>The socket layer over the endpoint: file descriptors, blocking, errors, and the mapping of each
/// syscall to the RFC 9293 user call it makes (§3.10.1 OPEN, §3.10.2 SEND, §3.10.3 RECEIVE, §3.10.4 CLOSE,
/// §3.10.5 ABORT) as a BSD-socket stack makes it.</summary>
internal sealed partial class ScriptRun
{
    private readonly Dictionary<long, Sock> _fds = [];
    private readonly List<(SyscallEvent Call, Func<(long, string?)?> Attempt)> _blocked = [];
    private bool _listening;
    private bool _accepted;
    private string? _error;
    private long _received;
    private long _read;
    private int _lastRcvNxt;

    private sealed class Sock
    {
        public bool Listener;
        public bool Connection;
        public bool Nonblocking;
        public bool Linger0;
    }

    /// <summary>After each step: remember what was received and turn a connection's end into a socket error.</summary>
    private void AfterStep(Endpoint before)
    {
        var e = _ep.E;
        if (e.State.IsSynchronized() || e.State == ConnectionState.SynReceived)
        {
            _received = Math.Max(_received, Math.Max(0, SeqMath.Full.Distance(e.Irs, e.RcvNxt) - 1 - (e.EndOfStream ? 1 : 0)));
            _lastRcvNxt = e.RcvNxt;
        }
        // A connection reopened from TIME-WAIT by a SYN (RFC 6191) is a new one for the listener to accept.
        if (before.State == ConnectionState.TimeWait && e.State == ConnectionState.SynReceived) _accepted = false;
        if (e.State != ConnectionState.Closed || before.State is ConnectionState.Closed or ConnectionState.Listen) return;
        _error = e.LastEnd switch
        {
            EndReason.Reset => before.State == ConnectionState.SynSent ? "ECONNREFUSED" : "ECONNRESET",
            EndReason.UserTimeout => "ETIMEDOUT",
            _ => _error,
        };
    }

    private void Syscall(SyscallEvent s)
    {
        var fd = s.Argument(0) is IntExpr i ? i.Value : -1;
        Func<(long, string?)?> attempt = s.Name switch
        {
            "socket" => () => Socket(s),
            "bind" => () => (0, null),
            "setsockopt" => () => SetOption(s, fd),
            "getsockopt" => () => (0, null),
            "fcntl" => () => Fcntl(s, fd),
            "listen" => () => Listen(fd),
            "connect" => () => Connect(fd),
            "accept" => () => Accept(fd),
            "write" or "send" => () => Write(s, fd),
            "read" or "recv" => () => Read(s, fd),
            "close" => () => Close(fd),
            "shutdown" => () => Shutdown(s, fd),
            _ => throw Support.Unsupported(s.Line, $"syscall {s.Name}"),
        };
        if (s.Name == "getsockopt") { CheckSoError(s); return; }
        if (attempt() is { } result) Compare(s, result);
        else _blocked.Add((s, attempt));
    }

    private void CompleteBlockedCalls(bool final = false)
    {
        for (var i = 0; i < _blocked.Count; i++)
        {
            var (call, attempt) = _blocked[i];
            if (attempt() is not { } result) continue;
            _blocked.RemoveAt(i--);
            Compare(call, result);
        }
        if (final && _blocked.Count > 0)
            throw Disagree(_blocked[0].Call.Line, $"the script expects {_blocked[0].Call.Name} to return; in the variant it still blocks ({_ep.E.State.RfcName()})");
    }

    private void Compare(SyscallEvent s, (long Value, string? Errno) got)
    {
        var want = s.ResultValue ?? 0;
        var wantErrno = ErrnoKey(s.Errno);
        if (want == got.Value && (want != -1 || wantErrno is null || wantErrno == ErrnoKey(got.Errno))) return;
        var actual = got.Value == -1 ? $"-1 {got.Errno}" : got.Value.ToString();
        var expected = want == -1 && s.Errno is not null ? $"-1 {s.Errno}" : want.ToString();
        throw Disagree(s.Line, $"the script expects {s.Name}(…) = {expected}; the variant returns {actual} ({_ep.E.State.RfcName()}, {CallSection(s.Name)})");
    }


    private static string CallSection(string name) => name switch
    {
        "listen" or "connect" or "accept" => "RFC 9293 §3.10.1 OPEN",
        "write" or "send" => "RFC 9293 §3.10.2 SEND",
        "read" or "recv" => "RFC 9293 §3.10.3 RECEIVE",
        _ => "RFC 9293 §3.10.4 CLOSE",
    };

    private (long, string?)? Socket(SyscallEvent s)
    {
        var fd = s.ResultValue ?? -1;
        if (fd < 0 || _fds.ContainsKey(fd)) return (_fds.Keys.DefaultIfEmpty(2).Max() + 1, null);
        _fds[fd] = new Sock();
        return (fd, null);
    }

    private Sock Get(long fd, SyscallEvent? s = null) =>
        _fds.TryGetValue(fd, out var sock) ? sock : throw Disagree(s?.Line ?? 0, $"file descriptor {fd} is not open in the variant's run");

    private (long, string?)? SetOption(SyscallEvent s, long fd)
    {
        if (!_fds.TryGetValue(fd, out var sock)) return (-1, "EBADF");
        if (s.Argument(2) is WordExpr { Word: "SO_LINGER" } && s.Argument(3) is BraceExpr b)
            sock.Linger0 = b.Field("onoff") is IntExpr { Value: not 0 } && b.Field("linger") is IntExpr { Value: 0 };
        return (0, null);
    }

    private (long, string?)? Fcntl(SyscallEvent s, long fd)
    {
        if (!_fds.TryGetValue(fd, out var sock)) return (-1, "EBADF");
        sock.Nonblocking = s.Argument(2) is { } flags && ScriptWriter.Expression(flags).Contains("O_NONBLOCK");
        return (0, null);
    }

    private void CheckSoError(SyscallEvent s)
    {
        var got = _error ?? "0";
        _error = null;
        var want = s.Argument(3) is ListExpr { Items.Count: 1 } l ? ScriptWriter.Expression(l.Items[0]) : "0";
        if (ErrnoKey(want) != ErrnoKey(got))
            throw Disagree(s.Line, $"the script expects SO_ERROR {want}; the variant has {got} ({_ep.E.State.RfcName()})");
    }

    /// <summary>An errno compared by its number, so EWOULDBLOCK matches EAGAIN and SO_ERROR's 104 matches
    /// ECONNRESET; a word the errno table does not know is compared as written.</summary>
    private static string? ErrnoKey(string? e) =>
        e is null ? null : Errno.Number(e)?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? e;
}
