namespace TcpModelCheck.Tcp.Tests;

/// <summary>The packed forms the encoding is written from without rearranging: <see cref="Endpoint"/>'s explicit layout,
/// gathered by byte shuffles (<see cref="Endpoint.EncodeTo"/>, <see cref="Endpoint.DecodeInto"/>), and the copies of
/// <see cref="Segment"/>'s sender and straggler bits in its low bytes (<see cref="Segment.Encoded"/>). Checked on random
/// values that set every bit a field can hold, beyond what the rows of <see cref="StateEncodingTests"/> reach.</summary>
public class PackedLayoutTests
{
    private static Endpoint RandomEndpoint(Random r) => new()
    {
        State = (ConnectionState)r.Next(11), Iss = r.Next(256), Irs = r.Next(256), SndUna = r.Next(256), SndNxt = r.Next(256),
        RcvNxt = r.Next(256), Timer = r.Next(256), Retransmits = (byte)r.Next(256), Passive = r.Next(2) == 1,
        CloseCalled = r.Next(2) == 1, EndOfStream = r.Next(2) == 1, Opens = (byte)r.Next(256), Sent = r.Next(256),
        Incarnation = (byte)r.Next(256), PeerIncarnation = (byte)r.Next(256), Delivered = (byte)r.Next(256),
        Observed = (Observations)r.Next(256), LastEnd = (EndReason)r.Next(7), Held = (ulong)r.NextInt64(1L << 48),
    };

    /// <summary>The 22 bytes of the layout in <see cref="TcpModel.Encode(in TcpState, Span{byte})"/>'s remarks, field by field.</summary>
    private static byte[] Reference(Endpoint e)
    {
        var d = new List<byte>
        {
            (byte)e.State, (byte)e.Iss, (byte)e.Irs, (byte)e.SndUna, (byte)e.SndNxt, (byte)e.RcvNxt, (byte)e.Timer, e.Retransmits,
            (byte)((e.Passive ? 1 : 0) | (e.CloseCalled ? 2 : 0) | (e.EndOfStream ? 4 : 0)), e.Opens, (byte)e.Sent, e.Incarnation,
            e.PeerIncarnation, e.Delivered, (byte)e.Observed, (byte)e.LastEnd,
        };
        for (var i = 0; i < 6; i++) d.Add((byte)(e.Held >> (8 * i)));
        return d.ToArray();
    }

    [Fact]
    public void An_endpoint_is_encoded_field_by_field_and_decoded_back()
    {
        var r = new Random(7);
        var buffer = new byte[Endpoint.EncodedBytes + 10];
        for (var k = 0; k < 20_000; k++)
        {
            var e = RandomEndpoint(r);
            Array.Fill(buffer, (byte)0xA5);
            e.EncodeTo(ref buffer[3]);
            Assert.Equal(Reference(e), buffer[3..(3 + Endpoint.EncodedBytes)]);
            // what the path without SSSE3 writes: the two packed words, little-endian
            Assert.Equal(Reference(e)[..16], BitConverter.GetBytes(e.PackLow).Concat(BitConverter.GetBytes(e.PackHigh)));
            Assert.All(buffer[..3].Concat(buffer[(3 + Endpoint.EncodedBytes)..]), b => Assert.Equal(0xA5, b));   // nothing written outside
            var back = new Endpoint { Held = 99, Opens = 7 };   // every byte overwritten
            Endpoint.DecodeInto(ref buffer[3], ref back);
            Assert.Equal(e, back);
            Assert.Equal((e.PackLow, e.PackHigh), (back.PackLow, back.PackHigh));
        }
    }

    [Fact]
    public void The_flags_byte_keeps_each_flag_apart()
    {
        var e = new Endpoint { Passive = true, EndOfStream = true };
        Assert.Equal((true, false, true), (e.Passive, e.CloseCalled, e.EndOfStream));
        e = e with { Passive = false, CloseCalled = true };
        Assert.Equal((false, true, true), (e.Passive, e.CloseCalled, e.EndOfStream));
        Assert.Equal(6UL, e.PackHigh & 0xFF);
        Assert.NotEqual(new Endpoint { Passive = true }, new Endpoint { CloseCalled = true });
    }

    [Fact]
    public void A_segment_is_its_encoding_and_its_mirrored_bits_never_change_the_order()
    {
        var r = new Random(11);
        var segments = new List<Segment>();
        for (var k = 0; k < 20_000; k++)
        {
            var s = Segment.Create(r.Next(2) == 0 ? Side.Client : Side.Server, (SegmentFlags)r.Next(16), r.Next(256), r.Next(256),
                r.Next(2) == 1, r.Next(256), r.Next(256));
            if (r.Next(2) == 1) s = s.AsStraggler();
            for (var age = r.Next(4); age > 0; age--) s = s.Aged();
            segments.Add(s);
            Assert.Equal((s.Bits >> 56 & 1, s.Bits >> 48 & 1), (s.Bits >> 21 & 1, s.Bits >> 22 & 1));
            Assert.Equal(s, Segment.FromEncoded(s.Encoded));
            Assert.Equal((byte)((int)s.Flags | (s.HasData ? 16 : 0) | (s.From == Side.Server ? 32 : 0) | (s.Straggler ? 64 : 0)),
                (byte)(s.Encoded >> 16));
        }
        const ulong mirrors = 1UL << 21 | 1UL << 22;
        Assert.Equal(segments.OrderBy(s => s.Bits & ~mirrors).Select(s => s.Bits & ~mirrors), segments.Order().Select(s => s.Bits & ~mirrors));
    }

    /// <summary>The sizes the hot path counts on: an endpoint is 48 bytes (the layout the shuffles read), and an action
    /// 16 (a byte-sized <see cref="Side"/>): at most 16 bytes, a struct is passed in two registers, not copied through
    /// the stack, where reading the 24-byte copy of a 20-byte action stalled on the store that wrote only 20 of them.</summary>
    [Fact]
    public void An_endpoint_is_48_bytes_and_an_action_16()
    {
        Assert.Equal(48, System.Runtime.CompilerServices.Unsafe.SizeOf<Endpoint>());
        Assert.Equal(16, System.Runtime.CompilerServices.Unsafe.SizeOf<TcpAction>());
        Assert.Equal(1, System.Runtime.CompilerServices.Unsafe.SizeOf<Side>());
    }
}
