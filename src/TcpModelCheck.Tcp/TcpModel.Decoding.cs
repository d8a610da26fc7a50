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

    private static Endpoint ReadEndpoint(ReadOnlySpan<byte> d)
    {
        ulong held = 0;
        for (var i = 0; i < 6; i++) held |= (ulong)d[16 + i] << (8 * i);
        return new Endpoint
        {
            State = (ConnectionState)d[0],
            Iss = d[1],
            Irs = d[2],
            SndUna = d[3],
            SndNxt = d[4],
            RcvNxt = d[5],
            Timer = d[6],
            Retransmits = d[7],
            Passive = (d[8] & 1) != 0,
            CloseCalled = (d[8] & 2) != 0,
            EndOfStream = (d[8] & 4) != 0,
            Opens = d[9],
            Sent = d[10],
            Incarnation = d[11],
            PeerIncarnation = d[12],
            Delivered = d[13],
            Observed = (Observations)d[14],
            LastEnd = (EndReason)d[15],
            Held = held,
        };
    }
}
