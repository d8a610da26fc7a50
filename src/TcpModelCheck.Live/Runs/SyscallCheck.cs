using TcpModelCheck.Conformance.Scripts;

namespace TcpModelCheck.Live.Runs;

/// <summary>Compares what a call returned with what its script line expects, and writes the line as it really went.</summary>
internal static class SyscallCheck
{
    /// <summary>Null when the outcome is the expected one; otherwise the line as expected and as it went.</summary>
    public static (string Expected, string Got)? Mismatch(SyscallEvent e, CallOutcome o)
    {
        if (ResultMatches(e, o) && OutValueMatches(e, o)) return null;
        var got = Actual(e, o, EventTime.None, null);
        return (ScriptWriter.Syscall(e with { Note = null, BlockingEndMicros = null }), ScriptWriter.Syscall(got));
    }

    /// <summary>The line as the kernel answered it, at <paramref name="time"/>; a call that blocked gets its end time.</summary>
    public static SyscallEvent Actual(SyscallEvent e, CallOutcome o, EventTime time, long? returnedAtMicros)
    {
        var failed = o.Result.Failed;
        var errno = failed ? Conformance.Scripts.Errno.Name(o.Result.Errno) : null;
        var args = e.Arguments;
        if (e.Name == "getsockopt" && o.OutValue is { } value && args.Count > 3)
            args = args.Select((a, i) => i == 3 ? value : a).ToValueList();
        return e with
        {
            Time = time,
            Arguments = args,
            Result = new IntExpr(failed ? -1 : o.ScriptFd ?? o.Result.Value),
            Errno = errno,
            Note = failed && errno == e.Errno ? e.Note : null,
            BlockingEndMicros = returnedAtMicros,
            BlockingEndRelative = false,
        };
    }

    private static bool ResultMatches(SyscallEvent e, CallOutcome o)
    {
        var expected = e.ResultValue;
        if (o.Result.Failed) return expected == -1 && (e.Errno is null || e.Errno == Conformance.Scripts.Errno.Name(o.Result.Errno));
        if (o.ScriptFd is not null) return expected >= 0;
        return expected == o.Result.Value;
    }

    private static bool OutValueMatches(SyscallEvent e, CallOutcome o) =>
        e.Name != "getsockopt" || o.OutValue is null
        || SyscallConstants.Evaluate(e.Argument(3)) == SyscallConstants.Evaluate(o.OutValue);
}
