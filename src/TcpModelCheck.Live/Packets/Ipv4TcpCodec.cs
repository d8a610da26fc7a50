using System.Buffers.Binary;
using System.Net;
using TcpFlags = TcpModelCheck.Conformance.Scripts.TcpFlags;

namespace TcpModelCheck.Live.Packets;

/// <summary>
/// Encodes and decodes IPv4 packets carrying TCP (RFC 791 header without options, RFC 9293 §3.1 header with
/// options), checksums included. A small codec of our own rather than PacketDotNet: the runner must write options
/// byte-exactly in the order a script lists them and read the kernel's packets straight off a TUN descriptor;
/// the tests check every encoding against PacketDotNet as an independent decoder.
/// </summary>
public static class Ipv4TcpCodec
{
    private const int IpHeader = 20, TcpHeader = 20, ProtocolTcp = 6;

    /// <summary>The IPv4 packet for a segment (TTL 64, DF set, identification as given).</summary>
    public static byte[] Encode(TcpSegment segment, ushort identification = 0)
    {
        var optionBytes = EncodeOptions(segment.Options);
        var tcpLength = TcpHeader + optionBytes.Length + segment.Payload.Length;
        var packet = new byte[IpHeader + tcpLength];
        var ip = packet.AsSpan(0, IpHeader);
        ip[0] = 0x45;
        BinaryPrimitives.WriteUInt16BigEndian(ip[2..], (ushort)packet.Length);
        BinaryPrimitives.WriteUInt16BigEndian(ip[4..], identification);
        BinaryPrimitives.WriteUInt16BigEndian(ip[6..], 0x4000);
        ip[8] = 64;
        ip[9] = ProtocolTcp;
        segment.Source.GetAddressBytes().CopyTo(ip[12..]);
        segment.Destination.GetAddressBytes().CopyTo(ip[16..]);
        BinaryPrimitives.WriteUInt16BigEndian(ip[10..], InternetChecksum.Of(ip));
        var tcp = packet.AsSpan(IpHeader);
        BinaryPrimitives.WriteUInt16BigEndian(tcp, segment.SourcePort);
        BinaryPrimitives.WriteUInt16BigEndian(tcp[2..], segment.DestinationPort);
        BinaryPrimitives.WriteUInt32BigEndian(tcp[4..], segment.Sequence);
        BinaryPrimitives.WriteUInt32BigEndian(tcp[8..], segment.Acknowledgment);
        tcp[12] = (byte)(((TcpHeader + optionBytes.Length) / 4) << 4);
        tcp[13] = (byte)segment.Flags;
        BinaryPrimitives.WriteUInt16BigEndian(tcp[14..], segment.Window);
        BinaryPrimitives.WriteUInt16BigEndian(tcp[18..], segment.Urgent);
        optionBytes.CopyTo(tcp[TcpHeader..]);
        segment.Payload.CopyTo(tcp[(TcpHeader + optionBytes.Length)..]);
        BinaryPrimitives.WriteUInt16BigEndian(tcp[16..], InternetChecksum.Tcp(ip[12..16], ip[16..20], tcp));
        return packet;
    }

    /// <summary>The options in the given order, padded with zero (EOL) bytes to a multiple of four (RFC 9293 §3.1).</summary>
    private static byte[] EncodeOptions(IReadOnlyList<TcpOption> options)
    {
        var length = options.Sum(o => o.WireLength);
        var bytes = new byte[(length + 3) / 4 * 4];
        if (bytes.Length > 40) throw new ArgumentException("TCP options exceed 40 bytes", nameof(options));
        var at = 0;
        foreach (var option in options)
        {
            bytes[at++] = option.Kind;
            if (option.WireLength == 1) continue;
            bytes[at++] = (byte)option.WireLength;
            option.Data.CopyTo(bytes, at);
            at += option.Data.Length;
        }
        return bytes;
    }

    /// <summary>Decodes an IPv4/TCP packet, or returns why it is not one (wrong version or protocol, truncated, bad checksum).</summary>
    public static TcpSegment? TryDecode(ReadOnlySpan<byte> packet, out string? problem)
    {
        problem = Validate(packet);
        if (problem is not null) return null;
        var ihl = (packet[0] & 0xf) * 4;
        var total = BinaryPrimitives.ReadUInt16BigEndian(packet[2..]);
        var tcp = packet[ihl..total];
        var offset = (tcp[12] >> 4) * 4;
        var options = DecodeOptions(tcp[TcpHeader..offset], out problem);
        if (options is null) return null;
        return new TcpSegment
        {
            Source = new IPAddress(packet[12..16]),
            Destination = new IPAddress(packet[16..20]),
            SourcePort = BinaryPrimitives.ReadUInt16BigEndian(tcp),
            DestinationPort = BinaryPrimitives.ReadUInt16BigEndian(tcp[2..]),
            Sequence = BinaryPrimitives.ReadUInt32BigEndian(tcp[4..]),
            Acknowledgment = BinaryPrimitives.ReadUInt32BigEndian(tcp[8..]),
            Flags = (TcpFlags)tcp[13],
            Window = BinaryPrimitives.ReadUInt16BigEndian(tcp[14..]),
            Urgent = BinaryPrimitives.ReadUInt16BigEndian(tcp[18..]),
            Options = options,
            Payload = tcp[offset..].ToArray(),
        };
    }

    private static string? Validate(ReadOnlySpan<byte> packet)
    {
        if (packet.Length < IpHeader || packet[0] >> 4 != 4) return "not an IPv4 packet";
        var ihl = (packet[0] & 0xf) * 4;
        var total = BinaryPrimitives.ReadUInt16BigEndian(packet[2..]);
        if (ihl < IpHeader || total < ihl + TcpHeader || total > packet.Length) return "truncated IPv4 packet";
        if (packet[9] != ProtocolTcp) return $"IP protocol {packet[9]}, not TCP";
        if (InternetChecksum.Of(packet[..ihl]) != 0) return "bad IPv4 header checksum";
        var tcp = packet[ihl..total];
        var offset = (tcp[12] >> 4) * 4;
        if (offset < TcpHeader || offset > tcp.Length) return "bad TCP data offset";
        if (InternetChecksum.Tcp(packet[12..16], packet[16..20], tcp) != 0) return "bad TCP checksum";
        return null;
    }

    private static List<TcpOption>? DecodeOptions(ReadOnlySpan<byte> bytes, out string? problem)
    {
        var options = new List<TcpOption>();
        problem = null;
        for (var at = 0; at < bytes.Length;)
        {
            var kind = bytes[at];
            if (kind == TcpOption.EndKind) { options.Add(TcpOption.Eol); break; }
            if (kind == TcpOption.NopKind) { options.Add(TcpOption.Nop); at++; continue; }
            if (at + 1 >= bytes.Length || bytes[at + 1] < 2 || at + bytes[at + 1] > bytes.Length)
            {
                problem = $"malformed TCP option of kind {kind}";
                return null;
            }
            options.Add(new TcpOption(kind, bytes.Slice(at + 2, bytes[at + 1] - 2).ToArray()));
            at += bytes[at + 1];
        }
        return options;
    }
}
