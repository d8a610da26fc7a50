using System.Net;
using System.Text;
using TcpModelCheck.Live.Native;
using Errno = TcpModelCheck.Conformance.Scripts.Errno;

namespace TcpModelCheck.Live.Isolation;

/// <summary>
/// struct ifreq (40 bytes: a 16-byte name, then a union) and the SIOCSIF* ioctls that give the TUN device its
/// address and bring it up — done with ioctls on the namespace's own thread, not by running `ip`, so no child
/// process can end up in the wrong namespace.
/// </summary>
internal static unsafe class InterfaceRequest
{
    private const nuint SiocGIfFlags = 0x8913, SiocSIfFlags = 0x8914, SiocSIfAddr = 0x8916, SiocSIfNetmask = 0x891c;
    private const short IffUp = 0x1, IffRunning = 0x40;

    internal static byte[] Named(string name)
    {
        var ifr = new byte[40];
        var bytes = Encoding.ASCII.GetBytes(name);
        if (bytes.Length > 15) throw new ArgumentException("interface names have at most 15 characters", nameof(name));
        bytes.CopyTo(ifr, 0);
        return ifr;
    }

    /// <summary>Assigns address/prefix to the interface and sets it up (the connected route follows).</summary>
    internal static void Configure(string name, IPAddress address, int prefixLength)
    {
        var fd = Libc.socket(Libc.AfInet, Libc.SockDgram, 0);
        if (fd < 0) throw new LiveSetupException($"socket(AF_INET) failed: {Errno.Name(Libc.Errno)}");
        try
        {
            Ioctl(fd, SiocSIfAddr, WithAddress(name, address), "set address");
            var mask = prefixLength == 0 ? 0u : uint.MaxValue << (32 - prefixLength);
            var maskBytes = new byte[4];
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(maskBytes, mask);
            Ioctl(fd, SiocSIfNetmask, WithAddress(name, new IPAddress(maskBytes)), "set netmask");
            var flags = Named(name);
            Ioctl(fd, SiocGIfFlags, flags, "get flags");
            var value = (short)(BitConverter.ToInt16(flags, 16) | IffUp | IffRunning);
            BitConverter.TryWriteBytes(flags.AsSpan(16), value);
            Ioctl(fd, SiocSIfFlags, flags, "bring up");
        }
        finally { Libc.close(fd); }
    }

    private static byte[] WithAddress(string name, IPAddress address)
    {
        var ifr = Named(name);
        SockAddrIn.WriteIPv4(ifr.AsSpan(16, 16), address, 0);
        return ifr;
    }

    private static void Ioctl(int fd, nuint request, byte[] ifr, string what)
    {
        int rc;
        fixed (byte* p = ifr) rc = Libc.ioctl(fd, request, p);
        if (rc < 0) throw new LiveSetupException($"cannot {what} on {Encoding.ASCII.GetString(ifr, 0, 15).TrimEnd('\0')}: {Errno.Name(Libc.Errno)}");
    }
}
