namespace TcpModelCheck.Live.Runs;

/// <summary>
/// How a live run treats time. <see cref="ToleranceMicros"/> overrides the script's <c>--tolerance_usecs</c>
/// (packetdrill's default is 4 ms; a loaded machine may need more). <see cref="SettleMicros"/> is how long the run
/// keeps listening after the last line so the recording holds what the kernel sent in reply (a delayed ACK is
/// 40 ms on Linux). <see cref="AnyTimeLimitMicros"/> bounds the wait for a segment written with time <c>*</c>.
/// </summary>
public sealed record LiveRunOptions(long? ToleranceMicros = null, long SettleMicros = 250_000, long AnyTimeLimitMicros = 10_000_000)
{
    public static LiveRunOptions Default { get; } = new();
}
