namespace TcpModelCheck.Live.Runs;

/// <summary>
/// A system call running on its own thread, as packetdrill runs a blocking call: the script goes on (its next
/// segments are injected) while the call waits in the kernel, and its result and return time are checked when it
/// returns. Only calls on existing descriptors run here — socket() is made on the namespace's thread.
/// </summary>
internal sealed class PendingCall
{
    private readonly Thread _thread;
    private readonly ManualResetEventSlim _done = new();
    private CallOutcome? _result;
    private long _returnedAt;
    private Exception? _failure;

    public PendingCall(ScriptClock clock, long startedAt, Func<CallOutcome> call)
    {
        StartedAt = startedAt;
        _thread = new Thread(() =>
        {
            try { _result = call(); }
            catch (Exception e) { _failure = e; }
            _returnedAt = clock.NowMicros;
            _done.Set();
        }, 256 << 10) { IsBackground = true, Name = "tcpmc-syscall" };
        _thread.Start();
    }

    public long StartedAt { get; }

    public bool Returned => _done.IsSet;

    /// <summary>Waits up to <paramref name="timeout"/>; true when the call has returned.</summary>
    public bool Wait(TimeSpan timeout) => _done.Wait(timeout);

    /// <summary>The result and its return time; only after <see cref="Returned"/>.</summary>
    public (CallOutcome Outcome, long ReturnedAt) Result
    {
        get
        {
            if (!Returned) throw new InvalidOperationException("the call has not returned");
            if (_failure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(_failure);
            return (_result!, _returnedAt);
        }
    }
}
