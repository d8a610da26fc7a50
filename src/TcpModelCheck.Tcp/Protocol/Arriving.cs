using TcpModelCheck.Tcp.Charts;

namespace TcpModelCheck.Tcp;

/// <summary>
/// An arriving segment as the event processing of RFC 9293 §3.10.7 reads it: receiver, control bits, SEG.SEQ,
/// SEG.ACK, the payload length in sequence units, and the ghost fields. The explorer makes one from its packed
/// <see cref="Segment"/> (payload 0 or 1 unit); the conformance checker's open endpoint from a script line
/// (32-bit numbers, payload in bytes, possibly a FIN with data). One type, so both run the same rules.
/// </summary>
/// <remarks>The rules take it by reference (<c>in</c>): passed by value, the 28 bytes just written field by field were
/// read back by 16-byte copies into each call's arguments, which cannot be forwarded from those smaller stores and wait
/// for them to reach the cache (2.6 % of a fingerprint search of rfc9293/reconnect sat on one such copy; the bench's
/// hot-path profile: the successor's encoding 52.8 → 46.5–48.4 ns per transition).</remarks>
internal readonly record struct Arriving(Side To, SegmentFlags Flags, int Seq, int Ack, int DataLength, int Item, int Incarnation)
{
    public static Arriving Of(Segment s) =>
        new(s.To, s.Flags, s.Seq, s.Ack, s.HasData ? 1 : 0, s.Item, s.Incarnation);

    public bool Syn => (Flags & SegmentFlags.Syn) != 0;
    public bool HasAck => (Flags & SegmentFlags.Ack) != 0;
    public bool Fin => (Flags & SegmentFlags.Fin) != 0;
    public bool Rst => (Flags & SegmentFlags.Rst) != 0;
    public bool HasData => DataLength > 0;

    /// <summary>SEG.LEN (RFC 9293 §3.4): the payload plus one for a SYN and one for a FIN.</summary>
    public int Length => DataLength + (Syn ? 1 : 0) + (Fin ? 1 : 0);
}
