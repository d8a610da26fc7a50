using TcpModelCheck.Conformance.Open;
using TcpModelCheck.Conformance.Scripts;
using TcpModelCheck.Tcp;

namespace TcpModelCheck.Conformance.Checking;

/// <summary>The syscalls that drive the endpoint. A call that would block returns null and is retried after
/// every later event (packetdrill runs blocking calls on their own thread).</summary>
internal sealed partial class ScriptRun
{
    private const int MaxWriteSegment = 65535;

    private void Call(string what, StepAction action)
    {
        var before = _ep.E;
        _events.Add(new Tcp.Charts.StepEvent.AppCall(Tcp.Side.Client, what));
        var sent = _ep.Apply(_now, action);
        ChartStep(before, sent);
        foreach (var seg in sent) _pending.Add(new Pending(Relative(seg), _now, Why(what, CallSectionFor(what)), false));
        AfterStep(before);
    }

    private static string CallSectionFor(string what) => what.StartsWith("close") ? "RFC 9293 §3.10.4"
        : what.StartsWith("abort") ? "RFC 9293 §3.10.5" : what.StartsWith("write") ? "RFC 9293 §3.10.2" : "RFC 9293 §3.10.1";

    private (long, string?)? Listen(long fd)
    {
        var sock = Get(fd);
        sock.Listener = true;
        _listening = _ep.Listening = true;
        if (_ep.E.State == ConnectionState.Closed) Call("listen", (ref Step s) => UserCalls.Open(ref s, OpenEndpoint.Kernel, true, 0));
        return (0, null);
    }

    private (long, string?)? Connect(long fd)
    {
        var sock = Get(fd);
        if (!sock.Connection)
        {
            sock.Connection = true;
            _accepted = true;
            Call("connect: active OPEN", (ref Step s) => UserCalls.Open(ref s, OpenEndpoint.Kernel, false, 0));
            if (sock.Nonblocking) return (-1, "EINPROGRESS");
        }
        if (_ep.E.State.IsSynchronized()) return (0, null);
        if (_ep.E.State == ConnectionState.Closed) return (-1, TakeError() ?? "ECONNREFUSED");
        return sock.Nonblocking ? (-1, "EALREADY") : null;
    }

    private (long, string?)? Accept(long fd)
    {
        var sock = Get(fd);
        var e = _ep.E;
        if (!_accepted && (e.State.IsSynchronized() || (e.State == ConnectionState.Closed && _received > 0)))
        {
            _accepted = true;
            var newFd = _fds.Keys.Max() + 1;
            _fds[newFd] = new Sock { Connection = true };
            return (newFd, null);
        }
        return sock.Nonblocking ? (-1, "EAGAIN") : null;
    }

    private (long, string?)? Write(SyscallEvent s, long fd)
    {
        var sock = Get(fd, s);
        if (TakeError() is { } err) return (-1, err);
        var state = _ep.E.State;
        if (state is ConnectionState.SynSent or ConnectionState.SynReceived)
            return sock.Nonblocking ? (-1, "EAGAIN") : null;
        if (state is not (ConnectionState.Established or ConnectionState.CloseWait)) return (-1, state == ConnectionState.Closed && !sock.Connection ? "ENOTCONN" : "EPIPE");
        var n = s.Argument(2) is IntExpr i ? (int)i.Value : 0;
        for (var left = n; left > 0;)
        {
            var chunk = Math.Min(left, Math.Min(_ep.Mss, MaxWriteSegment));
            Call($"write of {n} bytes", (ref Step st) => UserCalls.Send(ref st, OpenEndpoint.Kernel, chunk));
            left -= chunk;
        }
        return (n, null);
    }

    private (long, string?)? Read(SyscallEvent s, long fd)
    {
        var sock = Get(fd, s);
        var want = s.Argument(2) is IntExpr i ? i.Value : 0;
        var available = _received - _read;
        if (available > 0)
        {
            var n = Math.Min(want, available);
            _read += n;
            return (n, null);
        }
        if (TakeError() is { } err) return (-1, err);
        if (_ep.E.EndOfStream || _ep.E.State is ConnectionState.CloseWait or ConnectionState.LastAck or ConnectionState.Closing
            or ConnectionState.TimeWait) return (0, null);
        if (_ep.E.State == ConnectionState.Closed) return (0, null);
        return sock.Nonblocking ? (-1, "EAGAIN") : null;
    }

    private string? TakeError()
    {
        var e = _error;
        _error = null;
        return e;
    }

    /// <summary>close(): a listener stops listening (resetting a connection not yet accepted); a connection is
    /// aborted with SO_LINGER 0 or unread data (RFC 9293 §3.6.1 / RFC 1122 §4.2.2.13), deleted in SYN-SENT, and
    /// otherwise closed with a FIN (§3.10.4). The socket is then orphaned (Linux's FIN-WAIT-2 timeout applies).</summary>
    private (long, string?)? Close(long fd)
    {
        if (!_fds.Remove(fd, out var sock)) return (-1, "EBADF");
        if (sock.Listener)
        {
            _listening = _ep.Listening = false;
            if (_ep.E.State == ConnectionState.Listen) Call("close of the listener", (ref Step s) => UserCalls.Close(ref s, OpenEndpoint.Kernel));
            else if (!_accepted && _ep.E.State != ConnectionState.Closed) Call("abort: close of the listener with a connection not accepted", Abort);
            return (0, null);
        }
        if (!sock.Connection) return (0, null);
        _ep.Orphaned = true;
        var state = _ep.E.State;
        if (sock.Linger0 || _received > _read)
        {
            if (state != ConnectionState.Closed) Call(sock.Linger0 ? "abort: close with SO_LINGER 0" : "abort: close with unread data", Abort);
        }
        else if (state == ConnectionState.SynSent) Call("close in SYN-SENT: delete the TCB", (ref Step s) => Tcb.Delete(ref s, OpenEndpoint.Kernel, EndReason.None));
        else if (state is ConnectionState.SynReceived or ConnectionState.Established or ConnectionState.CloseWait)
            Call("close", (ref Step s) => UserCalls.Close(ref s, OpenEndpoint.Kernel));
        return (0, null);
    }

    private static void Abort(ref Step s) => UserCalls.Abort(ref s, OpenEndpoint.Kernel);

    private (long, string?)? Shutdown(SyscallEvent s, long fd)
    {
        Get(fd, s);
        var how = s.Argument(1) is WordExpr w ? w.Word : "SHUT_WR";
        if (how == "SHUT_RD") return (0, null);
        var state = _ep.E.State;
        if (state is ConnectionState.Closed or ConnectionState.Listen or ConnectionState.SynSent) return (-1, "ENOTCONN");
        if (state is ConnectionState.SynReceived or ConnectionState.Established or ConnectionState.CloseWait)
            Call("close: shutdown(SHUT_WR)", (ref Step st) => UserCalls.Close(ref st, OpenEndpoint.Kernel));
        return (0, null);
    }
}
