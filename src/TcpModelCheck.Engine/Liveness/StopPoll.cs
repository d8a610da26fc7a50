using TcpModelCheck.Engine.Checking;

namespace TcpModelCheck.Engine.Liveness;

/// <summary>
/// The limits of a check (time, memory, cancellation), polled from inside the liveness pass: every loop of the graph
/// rebuild and of one property's check (its goal pass, the reversed edges, the backward reach, the strong components,
/// the forward search to a trap, the cycle) calls <see cref="Step"/> once per state or edge it handles, and every
/// <see cref="Interval"/> calls the limits are asked. On the big rows one property's check takes minutes, so asking only
/// between properties left a time limit or a Ctrl+C unanswered that long.
/// </summary>
internal sealed class StopPoll(Func<StopReason> stop)
{
    /// <summary>Steps between two questions to the limits (asking reads the clock and the working set).</summary>
    public const int Interval = 4096;

    private int _steps;

    /// <summary>Counts one step; every <see cref="Interval"/> steps asks the limits and throws
    /// <see cref="LivenessStoppedException"/> when one is reached.</summary>
    public void Step()
    {
        if (++_steps < Interval) return;
        _steps = 0;
        if (stop() is var reason && reason != StopReason.None) throw new LivenessStoppedException(reason);
    }

    /// <summary>Asks the limits now: the reason one is reached, or <see cref="StopReason.None"/>.</summary>
    public StopReason Now() => stop();
}

/// <summary>Thrown by <see cref="StopPoll.Step"/> out of a liveness check that a limit cut short; caught by the model
/// checker, which makes the property's verdict inconclusive with the reason. Never escapes the engine.</summary>
internal sealed class LivenessStoppedException(StopReason reason) : Exception($"liveness check stopped: {reason}")
{
    public StopReason Reason { get; } = reason;
}
