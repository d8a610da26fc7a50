using System.Buffers.Binary;

namespace TcpModelCheck.Live.Packets;

/// <summary>The Internet checksum (RFC 1071): the ones' complement of the ones' complement sum of 16-bit words.</summary>
public static class InternetChecksum
{
    /// <summary>Adds the bytes, as big-endian 16-bit words (an odd last byte padded with zero), to a running sum.</summary>
    public static uint Add(uint sum, ReadOnlySpan<byte> bytes)
    {
        var i = 0;
        for (; i + 1 < bytes.Length; i += 2) sum += BinaryPrimitives.ReadUInt16BigEndian(bytes[i..]);
        if (i < bytes.Length) sum += (uint)(bytes[i] << 8);
        return sum;
    }

    /// <summary>Folds the carries and complements: the value to store in a checksum field.</summary>
    public static ushort Finish(uint sum)
    {
        while (sum > 0xffff) sum = (sum & 0xffff) + (sum >> 16);
        return (ushort)~sum;
    }

    /// <summary>The checksum of the bytes alone (the IPv4 header's).</summary>
    public static ushort Of(ReadOnlySpan<byte> bytes) => Finish(Add(0, bytes));

    /// <summary>The TCP checksum: over the IPv4 pseudo-header (RFC 9293 §3.1) and the whole segment.</summary>
    public static ushort Tcp(ReadOnlySpan<byte> source, ReadOnlySpan<byte> destination, ReadOnlySpan<byte> segment)
    {
        var sum = Add(Add(0, source), destination);
        sum += 6u + (uint)segment.Length;
        return Finish(Add(sum, segment));
    }
}
