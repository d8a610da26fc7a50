using TcpModelCheck.Engine.Model;

namespace TcpModelCheck.Engine.Tests.Models;

/// <summary>What is on the single-slot, lossy wire between client and server.</summary>
public enum Wire : byte { Empty, Request, Nack }

/// <summary>Client and server protocol versions, the wire (with the version it carries; 0 when empty), and
/// whether the server has accepted a request.</summary>
public readonly record struct RetryState(byte ClientVersion, byte ServerVersion, Wire Wire, byte WireVersion, bool Accepted)
{
    public override string ToString() =>
        $"client v{ClientVersion} server v{ServerVersion} wire {(Wire == Wire.Empty ? "-" : $"{Wire}(v{WireVersion})")}{(Accepted ? " ACCEPTED" : "")}";
}

public enum RetryAction { Send, Receive, Lose, Upgrade }

/// <summary>
/// A client retries a request until a server accepts it. The server accepts only requests of its own version
/// and answers others with a Nack naming its version; it may upgrade (version 0 → 1) at any time before it
/// accepts. The wire holds one message and may lose it, so the client's retransmission makes the graph cyclic.
/// <para>
/// <c>adoptVersion: true</c> — the client adopts the version named by a Nack: from every state acceptance is
/// still reachable, so "eventually accepted" holds despite the retry cycles (under the engine's fairness).
/// </para>
/// <para>
/// <c>adoptVersion: false</c> — the client ignores the Nack and retries the stale version: once the server has
/// upgraded before accepting, the client loops send → Nack → retry forever — a livelock, not a deadlock (there
/// is always an enabled action). The liveness check must report it as a lasso. By hand: actions are listed
/// in the order Send, Receive, Lose, Upgrade; the nearest state from which acceptance is unreachable is one
/// Upgrade away from the initial state (choice 1); the engine then follows first choices: Send, Receive (the
/// Nack), Receive (the Nack, ignored) — back to the state after the Upgrade. Lasso: choices 1/0/0/0, loop
/// start 1.
/// </para>
/// </summary>
public sealed class VersionedRetryModel(bool adoptVersion) : IModel<RetryState, RetryAction>
{
    public string Name => "versioned-retry";
    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["adopt-version"] = adoptVersion ? "yes" : "no" };
    public IReadOnlyList<RetryState> InitialStates { get; } = [default];

    public void Actions(in RetryState s, List<RetryAction> actions)
    {
        if (s.Wire == Wire.Empty && !s.Accepted) actions.Add(RetryAction.Send);
        if (s.Wire != Wire.Empty) actions.Add(RetryAction.Receive);
        if (s.Wire != Wire.Empty) actions.Add(RetryAction.Lose);
        if (s.ServerVersion == 0 && !s.Accepted) actions.Add(RetryAction.Upgrade);
    }

    public RetryState Next(in RetryState s, RetryAction a) => a switch
    {
        RetryAction.Send => s with { Wire = Wire.Request, WireVersion = s.ClientVersion },
        RetryAction.Receive when s.Wire == Wire.Nack => Cleared(s) with { ClientVersion = adoptVersion ? s.WireVersion : s.ClientVersion },
        RetryAction.Receive when s.WireVersion == s.ServerVersion => Cleared(s) with { Accepted = true },
        RetryAction.Receive => s with { Wire = Wire.Nack, WireVersion = s.ServerVersion },
        RetryAction.Lose => Cleared(s),
        RetryAction.Upgrade => s with { ServerVersion = 1 },
        _ => throw new ArgumentOutOfRangeException(nameof(a)),
    };

    private static RetryState Cleared(RetryState s) => s with { Wire = Wire.Empty, WireVersion = 0 };

    /// <summary>Once accepted, nothing is left to do.</summary>
    public bool IsTerminal(in RetryState s) => s.Accepted;

    public IReadOnlyList<Property<RetryState, RetryAction>> Properties =>
    [
        Property<RetryState, RetryAction>.Eventually("eventually-accepted", s => s.Accepted),
        Property<RetryState, RetryAction>.LeadsTo("request-leads-to-accept", s => s.Wire == Wire.Request, s => s.Accepted),
        Property<RetryState, RetryAction>.Sometimes("accepted-reachable", s => s.Accepted),
        Property<RetryState, RetryAction>.NoDeadlock(),
    ];

    public int MaxEncodedLength => 1;

    public int Encode(in RetryState s, Span<byte> d)
    {
        d[0] = (byte)(s.ClientVersion | s.ServerVersion << 1 | (byte)s.Wire << 2 | s.WireVersion << 4 | (s.Accepted ? 1 << 5 : 0));
        return 1;
    }
}
