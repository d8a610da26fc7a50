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
            segments[i] = Tcp.Segment.FromEncoded(BinaryPrimitives.ReadUInt32LittleEndian(encoding[n..])
                | (ulong)BinaryPrimitives.ReadUInt16LittleEndian(encoding[(n + 4)..]) << 32);
        }
        return new TcpState(encoding, segments, used, isnClock);   // the endpoints decoded into the state's fields
    }
}
