using TcpModelCheck.Engine.Model;
using TcpModelCheck.Engine.Schedules;

namespace TcpModelCheck.Engine.Tests.Schedules;

/// <summary>The toy channel's action kinds (the toy uses five of them; the rest exercise the text form).</summary>
public enum ToyKind : byte { Deliver, Lose, Duplicate, Tick, App, Timeout, Crash, Delay }

/// <summary>A toy action: its intent kind and the message it concerns (-1 for none).</summary>
public readonly record struct ToyAction(ToyKind Kind, int Message = -1);

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

    /// <summary>The toy's action kinds, named as the TCP model's are (so the schedule texts read the same).</summary>
    public static ScheduleKinds<ToyKind> Kinds { get; } = new(
        [
            (ToyKind.Deliver, "deliver", false), (ToyKind.Lose, "lose", true), (ToyKind.Duplicate, "dup", true),
            (ToyKind.Tick, "tick", false), (ToyKind.App, "app", false), (ToyKind.Timeout, "timeout", false),
            (ToyKind.Crash, "crash", true), (ToyKind.Delay, "delay", true),
        ],
        [ToyKind.Deliver, ToyKind.App, ToyKind.Tick, ToyKind.Timeout]);

    /// <summary>The TCP model's default weights, for schedules of the same mix.</summary>
    public static ScheduleShape Shape { get; } = new() { Weights = [40, 8, 5, 14, 18, 8, 2, 6] };

    public string Name => "toy-channel";
    public IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string> { ["messages"] = "3" };
    public IReadOnlyList<ToyState> InitialStates { get; } = [default];

    public void Actions(in ToyState s, List<ToyAction> actions)
    {
        if (s.Finished) return;
        if (s.Sent < Messages) actions.Add(new(ToyKind.App));
        else if (s.Copies == 0) actions.Add(new(ToyKind.App));
        for (var m = 0; m < Messages; m++) if (s.CopiesOf(m) > 0) actions.Add(new(ToyKind.Deliver, m));
        for (var m = 0; m < Messages && s.Losses < 1; m++) if (s.CopiesOf(m) > 0) actions.Add(new(ToyKind.Lose, m));
        for (var m = 0; m < Messages && s.Duplications < 1; m++) if (s.CopiesOf(m) > 0) actions.Add(new(ToyKind.Duplicate, m));
        if (s.Copies != 0) actions.Add(new(ToyKind.Tick));
    }

    public ToyState Next(in ToyState s, ToyAction a) => a.Kind switch
    {
        ToyKind.App when s.Sent < Messages => s with { Sent = s.Sent + 1, Copies = s.Copies + (1 << 4 * s.Sent) },
        ToyKind.App => s with { Finished = true },
        ToyKind.Deliver => Delivered(s with { Copies = s.Copies - (1 << 4 * a.Message) }, a.Message),
        ToyKind.Lose => s with { Copies = s.Copies - (1 << 4 * a.Message), Losses = s.Losses + 1 },
        ToyKind.Duplicate => s with { Copies = s.Copies + (1 << 4 * a.Message), Duplications = s.Duplications + 1 },
        _ => s,
    };

    private static ToyState Delivered(ToyState s, int m) =>
        m == s.Expected ? s with { Expected = m + 1 } : m > s.Expected ? s with { OutOfOrder = true } : s;

    public bool IsTerminal(in ToyState s) => s.Finished;

    public IReadOnlyList<Property<ToyState, ToyAction>> Properties { get; } =
    [
        Property<ToyState, ToyAction>.Always("in-order", s => !s.OutOfOrder),
        Property<ToyState, ToyAction>.ForEveryStep("no-duplicate-delivery",
            (s, a, _) => a.Kind != ToyKind.Deliver || a.Message >= s.Expected),
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

    public string FormatAction(in ToyState s, ToyAction a) => a.Message < 0 ? Kinds.Names.Name(a.Kind) : $"{Kinds.Names.Name(a.Kind)} m{a.Message}";

    /// <summary>An interpreter for this model checking the given properties (null: all safety properties).</summary>
    public static ScheduleInterpreter<ToyState, ToyAction, ToyKind> Interpreter(params string[]? properties)
    {
        var model = new ToyChannel();
        return new(model, Kinds, a => a.Kind, properties is null ? null : model.Properties.Where(p => properties.Contains(p.Name)).ToList());
    }
}
