using System.Net;
using TcpModelCheck.Live.Native;

namespace TcpModelCheck.Live.Kernel;

/// <summary>
/// The socket calls packetdrill scripts make, issued as the real system calls on real descriptors. A socket is
/// created in the network namespace of the calling thread, so <see cref="Socket"/> must be called on the
/// <see cref="Isolation.IsolatedNetwork"/>'s thread; the other calls act on the descriptor wherever they run.
/// </summary>
public static unsafe class KernelCalls
{
    public const int SolSocket = 1, SoReuseAddr = 2, SoError = 4, SoSndBuf = 7, SoRcvBuf = 8, SoKeepAlive = 9, SoLinger = 13;
    public const int IpProtoTcp = 6, TcpNoDelay = 1, TcpMaxSeg = 2, TcpInfo = 11;
    public const int ShutRd = 0, ShutWr = 1, ShutRdWr = 2;

    public static SyscallResult Socket() => SyscallResult.Of(Libc.socket(Libc.AfInet, Libc.SockStream, Libc.IpProtoTcp));

    public static SyscallResult Bind(int fd, IPAddress address, int port)
    {
        var sa = SockAddrIn.IPv4(address, port);
        fixed (byte* p = sa) return SyscallResult.Of(Libc.bind(fd, p, sa.Length));
    }

    public static SyscallResult Listen(int fd, int backlog) => SyscallResult.Of(Libc.listen(fd, backlog));

    public static SyscallResult Accept(int fd) => SyscallResult.Of(Libc.accept(fd, null, null));

    public static SyscallResult Connect(int fd, IPAddress address, int port)
    {
        var sa = SockAddrIn.IPv4(address, port);
        fixed (byte* p = sa) return SyscallResult.Of(Libc.connect(fd, p, sa.Length));
    }

    public static SyscallResult Write(int fd, ReadOnlySpan<byte> data)
    {
        fixed (byte* p = data) return SyscallResult.Of(Libc.write(fd, p, data.Length));
    }

    /// <summary>Reads up to <paramref name="count"/> bytes; the bytes read are in <paramref name="data"/>.</summary>
    public static SyscallResult Read(int fd, int count, out byte[] data)
    {
        var buffer = new byte[Math.Max(count, 0)];
        SyscallResult result;
        fixed (byte* p = buffer) result = SyscallResult.Of(Libc.read(fd, p, buffer.Length));
        data = result.Failed ? [] : buffer.AsSpan(0, (int)result.Value).ToArray();
        return result;
    }

    public static SyscallResult Close(int fd) => SyscallResult.Of(Libc.close(fd));

    public static SyscallResult Shutdown(int fd, int how) => SyscallResult.Of(Libc.shutdown(fd, how));

    public static SyscallResult SetSockOpt(int fd, int level, int name, ReadOnlySpan<byte> value)
    {
        fixed (byte* p = value) return SyscallResult.Of(Libc.setsockopt(fd, level, name, p, value.Length));
    }

    public static SyscallResult SetSockOptInt(int fd, int level, int name, int value) =>
        SetSockOpt(fd, level, name, BitConverter.GetBytes(value));

    /// <summary>SO_LINGER: struct linger { int l_onoff; int l_linger; }.</summary>
    public static SyscallResult SetLinger(int fd, int onOff, int seconds) =>
        SetSockOpt(fd, SolSocket, SoLinger, [.. BitConverter.GetBytes(onOff), .. BitConverter.GetBytes(seconds)]);

    /// <summary>An int-valued option; the value is in <paramref name="value"/>.</summary>
    public static SyscallResult GetSockOptInt(int fd, int level, int name, out int value)
    {
        int v = 0, len = sizeof(int);
        var result = SyscallResult.Of(Libc.getsockopt(fd, level, name, (byte*)&v, &len));
        value = v;
        return result;
    }

    public static SyscallResult Fcntl(int fd, int command, int argument) => SyscallResult.Of(Libc.fcntl(fd, command, argument));

    /// <summary>Sets or clears O_NONBLOCK, keeping the other status flags.</summary>
    public static SyscallResult SetNonBlocking(int fd, bool on)
    {
        var flags = Libc.fcntl(fd, Libc.FGetFl, 0);
        if (flags < 0) return SyscallResult.Of(flags);
        return Fcntl(fd, Libc.FSetFl, on ? flags | Libc.ONonBlock : flags & ~Libc.ONonBlock);
    }

    /// <summary>The kernel's TCP state of a socket (struct tcp_info's first byte, include/net/tcp_states.h).</summary>
    public static KernelTcpState State(int fd)
    {
        var info = stackalloc byte[256];
        var len = 256;
        return Libc.getsockopt(fd, IpProtoTcp, TcpInfo, info, &len) < 0 ? KernelTcpState.Unknown : (KernelTcpState)info[0];
    }
}
