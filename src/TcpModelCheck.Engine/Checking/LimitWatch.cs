using System.Diagnostics;

namespace TcpModelCheck.Engine.Checking;

/// <summary>
/// Watches the time, memory and cancellation limits of a search, reports progress, and tracks the peak
/// working set. Strategies call <see cref="Check"/> at safe points (between parallel rounds, or every
/// thousand-odd transitions); the clock is read on every call, the working set at most every
/// <see cref="MemorySampleInterval"/> (it is a system call).
/// </summary>
internal sealed class LimitWatch
{
    private static readonly TimeSpan MemorySampleInterval = TimeSpan.FromMilliseconds(20);

    private readonly SearchLimits _limits;
    private readonly TimeSpan _progressInterval;
    private readonly CancellationToken _cancel;
    private readonly Action<SearchProgress>? _progress;
    private TimeSpan _lastProgress = TimeSpan.Zero;
    private TimeSpan _lastSample = TimeSpan.Zero;
    private long _lastWorkingSet;

    /// <param name="clock">The search's clock, already running (it counts from before the store's allocation).</param>
    public LimitWatch(CheckOptions options, CancellationToken cancel, Action<SearchProgress>? progress, Stopwatch clock)
    {
        Clock = clock;
        _limits = options.Limits;
        _progressInterval = options.ProgressInterval;
        _cancel = cancel;
        _progress = progress;
        SampleMemory();
    }

    public Stopwatch Clock { get; }

    /// <summary>The largest working set seen (bytes of physical memory the process used).</summary>
    public long PeakMemory { get; private set; }

    /// <summary>The largest managed heap seen.</summary>
    public long PeakManaged { get; private set; }

    public void SampleMemory()
    {
        PeakManaged = Math.Max(PeakManaged, GC.GetTotalMemory(false));
        _lastWorkingSet = Environment.WorkingSet;
        if (_lastWorkingSet > PeakMemory) PeakMemory = _lastWorkingSet;
        _lastSample = Clock.Elapsed;
    }

    /// <summary>Which limit, if any, says to stop now; calls the progress callback when it is due.</summary>
    public StopReason Check(long states, Func<SearchProgress> snapshot)
    {
        if (_cancel.IsCancellationRequested) return StopReason.Cancelled;
        var now = Clock.Elapsed;
        if (_limits.MaxTime is { } mt && now > mt) return StopReason.MaxTime;
        if (now - _lastSample >= MemorySampleInterval) SampleMemory();
        if (_limits.MaxMemoryBytes is { } mm && _lastWorkingSet > mm) return StopReason.MaxMemory;
        if (_progress is not null && now - _lastProgress >= _progressInterval)
        {
            _lastProgress = now;
            _progress(snapshot() with { MemoryBytes = _lastWorkingSet });
        }
        return StopReason.None;
    }
}

/// <summary>What a search hands to the result builder.</summary>
/// <param name="Graph">Predecessor links of every state (edges are added later, for liveness only).</param>
/// <param name="States">The states by id, when the strategy kept them (it does when liveness is checked).</param>
internal sealed record SearchOutcome<TState>(SearchGraph Graph, IReadOnlyList<TState>? States, SearchStatistics Statistics)
    where TState : IEquatable<TState>
{
    /// <summary>The states as encodings with their index, when the search kept them that way (then
    /// <see cref="States"/> decodes from it); null otherwise.</summary>
    public Storage.EncodedStateTable<TState>? Encoded { get; init; }
}
