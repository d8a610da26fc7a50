using System.Net;
using TcpModelCheck.Live.Packets;
using ScriptWriter = TcpModelCheck.Conformance.Scripts.ScriptWriter;
using TcpFlags = TcpModelCheck.Conformance.Scripts.TcpFlags;

namespace TcpModelCheck.Live.Tests;

public sealed class CodecTests
{
    private static readonly IPAddress A = IPAddress.Parse("192.0.2.2"), B = IPAddress.Parse("192.0.2.1");

    private static TcpSegment Syn(params TcpOption[] options) => new()
    {
        Source = A, Destination = B, SourcePort = 40000, DestinationPort = 8080, Sequence = 0xfffffff0,
        Acknowledgment = 0, Flags = TcpFlags.Syn, Window = 65535, Options = options,
    };

    [Fact]
    public void Rfc1071_example_sums_to_the_published_value()
    {
        // RFC 1071 §3: the words 0001 f203 f4f5 f6f7 sum to ddf2 (with carries folded); the checksum is its complement.
        byte[] bytes = [0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7];
        Assert.Equal((ushort)0x220d, InternetChecksum.Of(bytes));
    }

    [Fact]
    public void Encoded_segment_is_read_back_identically()
    {
        var segment = Syn(TcpOption.Mss(1460), TcpOption.SackPermitted, TcpOption.Timestamp(7, 0), TcpOption.Nop,
            TcpOption.WindowScale(7)) with { Flags = TcpFlags.Ack | TcpFlags.Psh, Payload = [1, 2, 3], Acknowledgment = 9 };
        var decoded = Ipv4TcpCodec.TryDecode(Ipv4TcpCodec.Encode(segment, 77), out var problem);
        Assert.Null(problem);
        Assert.NotNull(decoded);
        Assert.Equal(segment.ToString(), decoded.ToString());
        Assert.Equal("mss 1460,sackOK,TS val 7 ecr 0,nop,wscale 7", string.Join(",", decoded.Options));
        Assert.Equal(segment.Payload, decoded.Payload);
    }

    [Fact]
    public void PacketDotNet_agrees_on_fields_and_both_checksums()
    {
        var segment = Syn(TcpOption.Mss(1000), TcpOption.Nop, TcpOption.WindowScale(3)) with { Payload = [9, 8, 7] };
        var bytes = Ipv4TcpCodec.Encode(segment, 4242);
        var ip = new PacketDotNet.IPv4Packet(new PacketDotNet.Utils.ByteArraySegment(bytes));
        var tcp = ip.Extract<PacketDotNet.TcpPacket>();
        Assert.True(ip.ValidIPChecksum);
        Assert.True(tcp.ValidTcpChecksum);
        Assert.Equal((ushort)4242, ip.Id);
        Assert.Equal(A, ip.SourceAddress);
        Assert.Equal(B, ip.DestinationAddress);
        Assert.Equal((ushort)40000, tcp.SourcePort);
        Assert.Equal(0xfffffff0u, tcp.SequenceNumber);
        Assert.True(tcp.Synchronize);
        Assert.Equal(segment.Payload, tcp.PayloadData);
    }

    [Fact]
    public void A_corrupted_byte_is_a_bad_checksum_not_a_segment()
    {
        var bytes = Ipv4TcpCodec.Encode(Syn() with { Payload = [1, 2, 3, 4] });
        bytes[^1] ^= 0x40;
        Assert.Null(Ipv4TcpCodec.TryDecode(bytes, out var problem));
        Assert.Equal("bad TCP checksum", problem);
        bytes[^1] ^= 0x40;
        bytes[8] = 1;
        Assert.Null(Ipv4TcpCodec.TryDecode(bytes, out problem));
        Assert.Equal("bad IPv4 header checksum", problem);
    }

    [Fact]
    public void Non_tcp_and_truncated_packets_are_named()
    {
        var bytes = Ipv4TcpCodec.Encode(Syn());
        Assert.Null(Ipv4TcpCodec.TryDecode(bytes.AsSpan(0, 30), out var problem));
        Assert.Equal("truncated IPv4 packet", problem);
        byte[] ipv6 = [0x60, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        Assert.Null(Ipv4TcpCodec.TryDecode(ipv6, out problem));
        Assert.Equal("not an IPv4 packet", problem);
    }

    [Fact]
    public void Sequence_length_counts_syn_fin_and_data()
    {
        Assert.Equal(1u, Syn().SequenceLength);
        Assert.Equal(5u, (Syn() with { Flags = TcpFlags.Fin | TcpFlags.Ack, Payload = [1, 2, 3, 4] }).SequenceLength);
        Assert.Equal("SF.", ScriptWriter.Flags(TcpFlags.Syn | TcpFlags.Fin | TcpFlags.Ack));
        Assert.Equal("-", ScriptWriter.Flags(TcpFlags.None));
    }
}
