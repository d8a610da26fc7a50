using System.Diagnostics;

namespace TcpModelCheck.Live.Runs;

/// <summary>Microseconds since the script started, from a monotonic clock (packetdrill's script time).</summary>
public sealed class ScriptClock
{
    private readonly Stopwatch _watch = Stopwatch.StartNew();

    public long NowMicros => _watch.ElapsedTicks * 1_000_000 / Stopwatch.Frequency;

    /// <summary>How long from now until <paramref name="micros"/> (zero when it has passed).</summary>
    public TimeSpan Until(long micros) => TimeSpan.FromTicks(Math.Max(0, micros - NowMicros) * 10);
}
