using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using TcpModelCheck.Engine.Model;

namespace TcpModelCheck.Tcp;

public sealed partial class TcpModel
{
    internal const int EndpointBytes = Endpoint.EncodedBytes;
    private const int SegmentBytes = 6;

    /// <summary>Upper bound of <see cref="Encode"/>: two endpoints, budgets, the ISN clock, a count, and at most
    /// <see cref="TcpConfig.NetworkCapacity"/> segments per direction.</summary>
    public int MaxEncodedLength => 2 * EndpointBytes + 6 + 2 * Config.NetworkCapacity * SegmentBytes;

    /// <summary>
    /// The canonical packed bytes of a state (22 bytes per endpoint, 6 per segment, 6 more), used by the engine's
    /// fingerprints. Equal states have equal bytes because the state itself is canonical; different states differ
    /// in some field, and every field is written.
    /// </summary>
    /// <remarks>Layout, byte by byte: per endpoint State, Iss, Irs, SndUna, SndNxt, RcvNxt, Timer, Retransmits (the
    /// bytes of <see cref="Endpoint.PackLow"/>), flags (Passive 1, CloseCalled 2, EndOfStream 4), Opens, Sent,
    /// Incarnation, PeerIncarnation, Delivered, Observed, LastEnd (<see cref="Endpoint.PackHigh"/>), the 6 low bytes of
    /// Held; then Losses, Duplications, Crashes, Overflowed | Delays &lt;&lt; 1, the ISN clock, the segment count; per
    /// segment Seq, Ack, flags (SYN/ACK/FIN/RST bits | data 16 | from B 32 | straggler 64), Item, Incarnation, Age.
    /// Written as whole words (one bounds check each, not one per byte): this is on the hot path, once per
    /// transition (the profile of rfc9293/reconnect put the byte-by-byte version at 14 % of the search). Neither the
    /// endpoints nor the segments are rearranged field by field: an endpoint's bytes are gathered from its explicit layout
    /// by three byte shuffles (<see cref="Endpoint.EncodeTo"/>), a segment's are the low six bytes of its bits
    /// (<see cref="Segment.Encoded"/>). The bench's hot-path profile of the first 100,000 states: encoding 25.8 → 11.7 ns
    /// per transition, the successor's encoding as a whole 63 → 52 ns.</remarks>
    public int Encode(in TcpState state, Span<byte> destination) =>
        Encode(state.Client, state.Server, state.Segments, state.Used, state.IsnClock, destination);

    /// <summary>
    /// The encoding of the state that <see cref="Next"/> would build, written straight from the working copy of the
    /// step: byte for byte what <c>Encode(Next(state, action))</c> writes (the same <see cref="Encode(in Endpoint, in Endpoint,
    /// ReadOnlySpan{Segment}, Budgets, int, Span{byte})"/> writes both), without allocating the successor and its
    /// segment array (<see cref="IEncodedSuccessors{TState,TAction}"/>).
    /// </summary>
    [SkipLocalsInit]
    public int NextEncoded(in TcpState state, TcpAction action, Span<byte> destination)
    {
        var need = Step.BufferFor(state);
        var step = new Step(Rules, state, null, need <= StepStackSegments ? stackalloc Segment[StepStackSegments] : new Segment[need]);
        Apply(ref step, action);
        return step.Encode(destination);
    }

    /// <summary>Room for a step's working copy of the network on the stack: two directions of at most 16 segments (the
    /// largest network capacity) and the two a step may add. Fixed, and not cleared (<see cref="SkipLocalsInitAttribute"/>:
    /// the copy reads only what it wrote), so a step no longer computes a size, checks it for overflow and clears it
    /// push by push (1.5 % of a pinned rfc9293/reconnect search); a larger network gets an array.</summary>
    internal const int StepStackSegments = 34;

    /// <summary>The connection state of endpoint <paramref name="side"/> in an encoding (its first byte, see
    /// <see cref="Encode(in TcpState, Span{byte})"/>): what the action properties judged on encodings read.</summary>
    internal static ConnectionState EncodedState(ReadOnlySpan<byte> encoding, Side side) =>
        (ConnectionState)encoding[side == Side.Client ? 0 : EndpointBytes];

    /// <summary>Whether the network ever overflowed (<see cref="Budgets.Overflowed"/>), read from an encoding.</summary>
    internal static bool EncodedOverflowed(ReadOnlySpan<byte> encoding) => (encoding[2 * EndpointBytes + 3] & 1) != 0;

    /// <summary>The encoding of a state given by its parts (a <see cref="TcpState"/>'s, or a <see cref="Step"/>'s).</summary>
    internal static int Encode(in Endpoint client, in Endpoint server, ReadOnlySpan<Segment> segments, Budgets u, int isnClock,
        Span<byte> destination)
    {
        if (destination.Length < 2 * EndpointBytes) throw new ArgumentException("destination too short", nameof(destination));
        client.EncodeTo(ref MemoryMarshal.GetReference(destination));
        server.EncodeTo(ref Unsafe.Add(ref MemoryMarshal.GetReference(destination), EndpointBytes));
        var n = 2 * EndpointBytes;
        BinaryPrimitives.WriteUInt32LittleEndian(destination[n..],
            u.Losses | (uint)u.Duplications << 8 | (uint)u.Crashes << 16 | (uint)(byte)((u.Overflowed ? 1 : 0) | u.Delays << 1) << 24);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[(n + 4)..], (ushort)((byte)isnClock | (byte)segments.Length << 8));
        n += 6;
        // The segments, with one bounds check for all of them: this loop ran once per segment of every transition, and
        // with a check per write it was 39 % of NextEncoded's samples (5 % of a fingerprint search of rfc9293/reconnect).
        if (destination.Length < n + segments.Length * SegmentBytes) throw new ArgumentException("destination too short", nameof(destination));
        ref var d = ref MemoryMarshal.GetReference(destination);
        foreach (var s in segments)
        {
            var word = s.Encoded;   // the flags byte's sender and straggler bits are kept there (see Segment's remarks)
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref d, n), LittleEndian((uint)word));
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref d, n + 4), LittleEndian((ushort)(word >> 32)));
            n += SegmentBytes;
        }
        return n;
    }

    private static uint LittleEndian(uint v) => BitConverter.IsLittleEndian ? v : BinaryPrimitives.ReverseEndianness(v);

    private static ushort LittleEndian(ushort v) => BitConverter.IsLittleEndian ? v : BinaryPrimitives.ReverseEndianness(v);
}
