using System.Buffers.Binary;
using System.Net;

namespace TcpModelCheck.Live.Native;

/// <summary>struct sockaddr_in (16 bytes): family in host order, port and address in network order.</summary>
internal static class SockAddrIn
{
    internal const int Size = 16;

    internal static void WriteIPv4(Span<byte> into, IPAddress address, int port)
    {
        into[..Size].Clear();
        BinaryPrimitives.WriteUInt16LittleEndian(into, Libc.AfInet);
        BinaryPrimitives.WriteUInt16BigEndian(into[2..], (ushort)port);
        address.GetAddressBytes().CopyTo(into[4..]);
    }

    internal static byte[] IPv4(IPAddress address, int port)
    {
        var bytes = new byte[Size];
        WriteIPv4(bytes, address, port);
        return bytes;
    }
}
