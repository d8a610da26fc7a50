using TcpModelCheck.Engine.Model;
using TcpModelCheck.Tcp.Schedules;

namespace TcpModelCheck.Tcp.Tests.Schedules;

/// <summary>A toy action: its intent kind and the message it concerns (-1 for none).</summary>
public readonly record struct ToyAction(IntentKind Kind, int Message = -1);

/// <summary>
/// The toy channel's state: messages sent so far, how many copies of each message are in flight (4 bits per
/// message), the next message the receiver expects, faults used, and whether the application finished.
/// </summary>
public readonly record struct ToyState(int Sent, int Copies, int Expected, int Losses, int Duplications, bool OutOfOrder, bool Finished)
{
    public int CopiesOf(int message) => Copies >> (4 * message) & 0xF;
}

/// <summary>
/// A tiny lossy, duplicating, reordering channel with known answers, so the schedule interpreter and shrinker
/// are tested independently of the TCP model. The sender sends messages 0..2 in order (App), then finishes
/// (App) once nothing is in flight; the network delivers, loses (budget 1) or duplicates (budget 1) any
/// in-flight copy; a tick changes nothing. Shortest violations, by hand: <c>in-order</c> needs send, send,
/// deliver message 1 (3 steps); <c>no-duplicate-delivery</c> needs send, duplicate, deliver, deliver (4 steps).
/// </summary>
public sealed class ToyChannel : IModel<ToyState, ToyAction>
{
    public const int Messages = 3;

    public string Name => "toy-channel";
    public IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string> { ["messages"] = "3" };
    public IReadOnlyList<ToyState> InitialStates { get; } = [default];

    public void Actions(in ToyState s, List<ToyAction> actions)
    {
        if (s.Finished) return;
        if (s.Sent < Messages) actions.Add(new(IntentKind.App));
        else if (s.Copies == 0) actions.Add(new(IntentKind.App));
        for (var m = 0; m < Messages; m++) if (s.CopiesOf(m) > 0) actions.Add(new(IntentKind.Deliver, m));
        for (var m = 0; m < Messages && s.Losses < 1; m++) if (s.CopiesOf(m) > 0) actions.Add(new(IntentKind.Lose, m));
        for (var m = 0; m < Messages && s.Duplications < 1; m++) if (s.CopiesOf(m) > 0) actions.Add(new(IntentKind.Duplicate, m));
        if (s.Copies != 0) actions.Add(new(IntentKind.Tick));
    }

    public ToyState Next(in ToyState s, ToyAction a) => a.Kind switch
    {
        IntentKind.App when s.Sent < Messages => s with { Sent = s.Sent + 1, Copies = s.Copies + (1 << 4 * s.Sent) },
        IntentKind.App => s with { Finished = true },
        IntentKind.Deliver => Delivered(s with { Copies = s.Copies - (1 << 4 * a.Message) }, a.Message),
        IntentKind.Lose => s with { Copies = s.Copies - (1 << 4 * a.Message), Losses = s.Losses + 1 },
        IntentKind.Duplicate => s with { Copies = s.Copies + (1 << 4 * a.Message), Duplications = s.Duplications + 1 },
        _ => s,
    };

    private static ToyState Delivered(ToyState s, int m) =>
        m == s.Expected ? s with { Expected = m + 1 } : m > s.Expected ? s with { OutOfOrder = true } : s;

    public bool IsTerminal(in ToyState s) => s.Finished;

    public IReadOnlyList<Property<ToyState, ToyAction>> Properties { get; } =
    [
        Property<ToyState, ToyAction>.Always("in-order", s => !s.OutOfOrder),
        Property<ToyState, ToyAction>.ForEveryStep("no-duplicate-delivery",
            (s, a, _) => a.Kind != IntentKind.Deliver || a.Message >= s.Expected),
        Property<ToyState, ToyAction>.Sometimes("finished", s => s.Finished),
        Property<ToyState, ToyAction>.NoDeadlock(),
    ];

    public int MaxEncodedLength => 16;

    public int Encode(in ToyState s, Span<byte> d)
    {
        d[0] = (byte)s.Sent; d[1] = (byte)s.Expected; d[2] = (byte)s.Losses; d[3] = (byte)s.Duplications;
        d[4] = (byte)((s.OutOfOrder ? 1 : 0) | (s.Finished ? 2 : 0));
        BitConverter.TryWriteBytes(d[5..], s.Copies);
        return 9;
    }

    public string FormatAction(in ToyState s, ToyAction a) => a.Message < 0 ? Intent.Name(a.Kind) : $"{Intent.Name(a.Kind)} m{a.Message}";

    /// <summary>An interpreter for this model checking the given properties (null: all safety properties).</summary>
    public static ScheduleInterpreter<ToyState, ToyAction> Interpreter(params string[]? properties)
    {
        var model = new ToyChannel();
        return new(model, a => a.Kind, properties is null ? null : model.Properties.Where(p => properties.Contains(p.Name)).ToList());
    }
}
