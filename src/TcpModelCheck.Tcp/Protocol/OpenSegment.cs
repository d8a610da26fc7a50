namespace TcpModelCheck.Tcp;

/// <summary>A segment the open endpoint sends (see <see cref="Step.Open"/>): control bits, SEG.SEQ and SEG.ACK as
/// 32-bit numbers, the payload in bytes, and whether it is a retransmission.</summary>
public readonly record struct OpenSegment(SegmentFlags Flags, int Seq, int Ack, int DataLength, bool Retransmission)
{
    public bool Syn => (Flags & SegmentFlags.Syn) != 0;
    public bool Fin => (Flags & SegmentFlags.Fin) != 0;
    public int Length => DataLength + (Syn ? 1 : 0) + (Fin ? 1 : 0);
}
