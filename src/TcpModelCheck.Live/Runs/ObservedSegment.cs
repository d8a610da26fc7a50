using TcpModelCheck.Live.Packets;

namespace TcpModelCheck.Live.Runs;

/// <summary>
/// A segment the kernel sent, and when: it reached the TUN device no earlier than <see cref="NotBeforeMicros"/> (the
/// last moment the device was seen empty) and was read at <see cref="AtMicros"/>. A TUN read carries no timestamp,
/// so when the runner was busy the arrival is only known to lie in that interval, and a time check accepts the
/// segment if any moment of it fits the script's window: the kernel is blamed only for provable lateness.
/// </summary>
public sealed record ObservedSegment(long NotBeforeMicros, long AtMicros, TcpSegment Segment);
