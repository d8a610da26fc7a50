namespace TcpModelCheck.Tcp.Schedules;

/// <summary>
/// What a schedule step asks the run to do. Each kind names a group of the model's actions; the step's
/// <see cref="Intent.K"/> picks one action of that group (modulo how many are enabled), so a schedule never
/// refers to a position in the action list that a removed or changed earlier step could shift.
/// </summary>
public enum IntentKind : byte
{
    /// <summary>The network delivers an in-flight segment (SEGMENT ARRIVES, RFC 9293 §3.10.7).</summary>
    Deliver,
    /// <summary>The network loses an in-flight segment (a fault: uses the loss budget).</summary>
    Lose,
    /// <summary>The network duplicates an in-flight segment (a fault: uses the duplication budget).</summary>
    Duplicate,
    /// <summary>The clock advances one tick.</summary>
    Tick,
    /// <summary>An application call of either endpoint's workload: OPEN, SEND, CLOSE or ABORT (RFC 9293 §3.10.1–5).</summary>
    App,
    /// <summary>An expired timer fires: retransmission, TIME-WAIT, FIN-WAIT-2 (RFC 9293 §3.10.8).</summary>
    Timeout,
    /// <summary>A host crashes and loses its TCB (a fault: uses the crash budget, RFC 9293 §3.5.2).</summary>
    Crash,
    /// <summary>The network holds an in-flight segment back as a straggler that may outlive later traffic, up to
    /// MSL (a fault: uses the delay budget). Last, so the earlier kinds keep their numbers.</summary>
    Delay,
}

/// <summary>
/// One step of a fault schedule: a kind of action and a selector <paramref name="K"/> (≥ 0) that picks the
/// <c>K mod n</c>-th of the n enabled actions of that kind, in the model's action order. See
/// <see cref="ScheduleInterpreter{TState, TAction}"/> for what happens when no action of the kind is enabled.
/// </summary>
public readonly record struct Intent(IntentKind Kind, int K = 0)
{
    /// <summary>Lose, Duplicate, Crash and Delay spend a fault budget; the shrinker removes or weakens them.</summary>
    public bool IsFault => IsFaultKind(Kind);

    /// <summary>True for the kinds that spend a fault budget.</summary>
    public static bool IsFaultKind(IntentKind kind) =>
        kind is IntentKind.Lose or IntentKind.Duplicate or IntentKind.Crash or IntentKind.Delay;

    public static Intent Deliver(int k = 0) => new(IntentKind.Deliver, k);
    public static Intent Lose(int k = 0) => new(IntentKind.Lose, k);
    public static Intent Duplicate(int k = 0) => new(IntentKind.Duplicate, k);
    public static Intent Tick(int k = 0) => new(IntentKind.Tick, k);
    public static Intent App(int k = 0) => new(IntentKind.App, k);
    public static Intent Timeout(int k = 0) => new(IntentKind.Timeout, k);
    public static Intent Crash(int k = 0) => new(IntentKind.Crash, k);
    public static Intent Delay(int k = 0) => new(IntentKind.Delay, k);

    /// <summary>The compact token, e.g. <c>deliver2</c>, <c>tick</c> (a zero selector is left out).</summary>
    public override string ToString() => K == 0 ? Name(Kind) : Name(Kind) + K.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The token word of a kind: deliver, lose, dup, tick, app, timeout, crash, delay.</summary>
    public static string Name(IntentKind kind) => kind switch
    {
        IntentKind.Deliver => "deliver",
        IntentKind.Lose => "lose",
        IntentKind.Duplicate => "dup",
        IntentKind.Tick => "tick",
        IntentKind.App => "app",
        IntentKind.Timeout => "timeout",
        IntentKind.Crash => "crash",
        IntentKind.Delay => "delay",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Parses one token (<see cref="ToString"/>'s form); null when it is not one.</summary>
    public static Intent? TryParse(string token)
    {
        var split = 0;
        while (split < token.Length && char.IsAsciiLetter(token[split])) split++;
        var word = token[..split].ToLowerInvariant();
        var digits = token[split..];
        var k = 0;
        if (digits.Length > 0 && (digits.Length > 6 || !digits.All(char.IsAsciiDigit) || !int.TryParse(digits, out k)))
            return null;
        foreach (var kind in Enum.GetValues<IntentKind>())
            if (Name(kind) == word) return new Intent(kind, k);
        return null;
    }
}
