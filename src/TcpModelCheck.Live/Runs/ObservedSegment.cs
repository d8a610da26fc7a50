using TcpModelCheck.Live.Packets;

namespace TcpModelCheck.Live.Runs;

/// <summary>A segment the kernel sent, and when it was read from the TUN device (script time, µs).</summary>
public sealed record ObservedSegment(long AtMicros, TcpSegment Segment);
