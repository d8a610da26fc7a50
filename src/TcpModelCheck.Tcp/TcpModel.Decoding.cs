using System.Buffers.Binary;
using TcpModelCheck.Engine.Model;

namespace TcpModelCheck.Tcp;

/// <summary>
/// The inverse of <see cref="Encode"/>: lets the engine keep its breadth-first queue as these packed bytes
/// (about 50 + 6 per segment) instead of the state objects, and decode a state when it is expanded. Every field
/// <see cref="Encode"/> writes is read back here, so a change to one must be made to the other; the engine
/// checks <c>Decode(Encode(s)) == s</c> on the first states of every search, and a test checks it on every
/// state of a small row.
/// </summary>
public sealed partial class TcpModel : IStateDecoder<TcpState>
{
    public TcpState Decode(ReadOnlySpan<byte> encoding)
    {
        var client = ReadEndpoint(encoding);
        var server = ReadEndpoint(encoding[EndpointBytes..]);
        var n = 2 * EndpointBytes;
        var used = new Budgets(encoding[n], encoding[n + 1], encoding[n + 2], (encoding[n + 3] & 1) != 0)
        {
            Delays = (byte)(encoding[n + 3] >> 1),
        };
        var isnClock = encoding[n + 4];
        var segments = new Segment[encoding[n + 5]];
        n += 6;
        for (var i = 0; i < segments.Length; i++, n += SegmentBytes)
        {
            var flags = encoding[n + 2];
            segments[i] = new Segment(encoding[n] | (ulong)encoding[n + 1] << 8 | (ulong)(flags & 15) << 16
                | (ulong)(flags >> 4 & 1) << 20 | (ulong)encoding[n + 3] << 24 | (ulong)encoding[n + 4] << 32
                | (ulong)encoding[n + 5] << 40 | (ulong)(flags >> 6 & 1) << 48 | (ulong)(flags >> 5 & 1) << 56);
        }
        return new TcpState(client, server, segments, used, isnClock);
    }

    /// <summary>One endpoint from its 22 bytes, read as whole words (the layout is in <see cref="Encode"/>'s remarks).</summary>
    private static Endpoint ReadEndpoint(ReadOnlySpan<byte> d)
    {
        var low = BinaryPrimitives.ReadUInt64LittleEndian(d);
        var high = BinaryPrimitives.ReadUInt64LittleEndian(d[8..]);
        var held = BinaryPrimitives.ReadUInt32LittleEndian(d[16..]) | (ulong)BinaryPrimitives.ReadUInt16LittleEndian(d[20..]) << 32;
        return new Endpoint
        {
            State = (ConnectionState)(byte)low,
            Iss = (byte)(low >> 8),
            Irs = (byte)(low >> 16),
            SndUna = (byte)(low >> 24),
            SndNxt = (byte)(low >> 32),
            RcvNxt = (byte)(low >> 40),
            Timer = (byte)(low >> 48),
            Retransmits = (byte)(low >> 56),
            Passive = (high & 1) != 0,
            CloseCalled = (high & 2) != 0,
            EndOfStream = (high & 4) != 0,
            Opens = (byte)(high >> 8),
            Sent = (byte)(high >> 16),
            Incarnation = (byte)(high >> 24),
            PeerIncarnation = (byte)(high >> 32),
            Delivered = (byte)(high >> 40),
            Observed = (Observations)(byte)(high >> 48),
            LastEnd = (EndReason)(byte)(high >> 56),
            Held = held,
        };
    }
}
