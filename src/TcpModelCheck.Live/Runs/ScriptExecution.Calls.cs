using TcpModelCheck.Conformance.Scripts;

namespace TcpModelCheck.Live.Runs;

/// <summary>
/// System calls: made at their script time. One that may block (accept, connect, read, write, close on a blocking
/// descriptor) runs on its own thread while the script goes on, as in packetdrill; its result is checked when it
/// returns, and before the next call is made.
/// </summary>
internal sealed partial class ScriptExecution
{
    /// <summary>How long a blocked call may hold up the next call before the run calls it a failure.</summary>
    private const long BlockedCallLimitMicros = 5_000_000;

    private void Call(SyscallEvent s, long at)
    {
        FinishPending(Math.Max(at, _clock.NowMicros) + BlockedCallLimitMicros);
        if (_stopped) return;
        WaitUntil(at);
        var plan = _calls.Prepare(s);
        if (plan.Unsupported is { } why) { Unsupported(s.Line, why); return; }
        Input(at);
        if (!plan.MayBlock)
        {
            var outcome = plan.Call();
            Complete(s, outcome, _lastInputAt, _lastInputAt);
            return;
        }
        var call = new PendingCall(_clock, _lastInputAt, plan.Call);
        _pending.Add((call, s));
        call.Wait(TimeSpan.FromTicks(Math.Max(_tolerance, 1000) * 10));
        CollectPending();
    }

    private bool AnyPendingReturned() => _pending.Exists(p => p.Call.Returned);

    /// <summary>Checks and records every pending call that has returned.</summary>
    private void CollectPending()
    {
        foreach (var (call, e) in _pending.Where(p => p.Call.Returned).ToList())
        {
            _pending.RemoveAll(p => p.Call == call);
            var (outcome, returnedAt) = call.Result;
            Complete(e, outcome, call.StartedAt, returnedAt);
        }
    }

    /// <summary>Waits (reading the kernel's segments meanwhile) until every pending call returned, or fails it.</summary>
    private void FinishPending(long deadline)
    {
        while (_pending.Count > 0 && _clock.NowMicros < deadline)
        {
            _peer.Wait(deadline, untilSegment: false, stop: AnyPendingReturned);
            CollectPending();
        }
        foreach (var (_, e) in _pending)
        {
            Fail(e.Line, ScriptWriter.Syscall(e with { Note = null }), "a call still blocked " + ScriptWriter.Seconds(BlockedCallLimitMicros) + " s later");
            _stopped = true; // the blocked thread still owns the descriptor: nothing after it can be trusted
        }
    }

    private void Complete(SyscallEvent e, CallOutcome outcome, long startedAt, long returnedAt)
    {
        var blocked = returnedAt - startedAt > _tolerance;
        var actual = SyscallCheck.Actual(e, outcome, EventTime.Absolute(startedAt), blocked ? returnedAt : null);
        _recording.Add(startedAt, actual, e.Line);
        if (SyscallCheck.Mismatch(e, outcome) is var (expected, got)) { Fail(e.Line, expected, got); return; }
        if (e.BlockingEndMicros is { } end)
        {
            var (scriptStart, _) = e.Time.Window(_previous);
            var expectedEnd = e.BlockingEndRelative ? scriptStart + end : end;
            if (Math.Abs(returnedAt - expectedEnd) > _tolerance)
                Fail(e.Line, $"{e.Name}() to return at {ScriptWriter.Seconds(expectedEnd)} s", $"it returned at {ScriptWriter.Seconds(returnedAt)} s");
        }
    }
}
