using System.Text;
using TcpModelCheck.Live.Native;
using Errno = TcpModelCheck.Conformance.Scripts.Errno;

namespace TcpModelCheck.Live.Isolation;

/// <summary>
/// A TUN device (IFF_TUN | IFF_NO_PI: each read or write is one bare IPv4 packet) created inside the run's network
/// namespace. It is not persistent (no TUNSETPERSIST), so the kernel deletes it when its file descriptor closes —
/// on <see cref="Dispose"/>, or when the process dies in any way; the namespace's destruction would delete it too.
/// </summary>
public sealed unsafe class TunDevice : IDisposable
{
    private const nuint TunSetIff = 0x400454ca;
    private const short IffTun = 0x0001, IffNoPi = 0x1000;
    private int _fd;

    private TunDevice(int fd, string name) { _fd = fd; Name = name; }

    /// <summary>The interface name inside the namespace.</summary>
    public string Name { get; }

    /// <summary>Opens /dev/net/tun and attaches a new TUN interface called <paramref name="name"/>.</summary>
    internal static TunDevice Create(string name)
    {
        var path = Encoding.ASCII.GetBytes("/dev/net/tun\0");
        int fd;
        fixed (byte* p = path) fd = Libc.open(p, Libc.ORdWr | Libc.ONonBlock | Libc.OCloExec);
        if (fd < 0) throw new LiveSetupException($"cannot open /dev/net/tun: {Errno.Name(Libc.Errno)}");
        var ifr = InterfaceRequest.Named(name);
        BitConverter.TryWriteBytes(ifr.AsSpan(16), (short)(IffTun | IffNoPi));
        int rc;
        fixed (byte* p = ifr) rc = Libc.ioctl(fd, TunSetIff, p);
        if (rc < 0)
        {
            var errno = Libc.Errno;
            Libc.close(fd);
            throw new LiveSetupException($"cannot create TUN device {name}: {Errno.Name(errno)}");
        }
        return new TunDevice(fd, name);
    }

    /// <summary>Writes one IPv4 packet: the kernel receives it as if it came from the wire.</summary>
    public void Write(ReadOnlySpan<byte> packet)
    {
        nint n;
        fixed (byte* p = packet) n = Libc.write(_fd, p, packet.Length);
        if (n != packet.Length) throw new LiveSetupException($"TUN write failed: {Errno.Name(Libc.Errno)}");
    }

    /// <summary>Waits up to <paramref name="timeout"/> for a packet the kernel sent; null when none came.</summary>
    public byte[]? Read(TimeSpan timeout)
    {
        var pfd = new Libc.PollFd { Fd = _fd, Events = Libc.PollIn };
        var ms = (int)Math.Clamp(Math.Ceiling(timeout.TotalMilliseconds), 0, int.MaxValue);
        if (Libc.poll(&pfd, 1, ms) <= 0) return null;
        var buffer = new byte[65536];
        nint n;
        fixed (byte* p = buffer) n = Libc.read(_fd, p, buffer.Length);
        return n <= 0 ? null : buffer.AsSpan(0, (int)n).ToArray();
    }

    /// <summary>Closes the descriptor, which deletes the interface.</summary>
    public void Dispose()
    {
        if (_fd >= 0) Libc.close(_fd);
        _fd = -1;
    }
}
