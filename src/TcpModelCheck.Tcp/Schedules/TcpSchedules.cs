using TcpModelCheck.Engine.Model;
using TcpModelCheck.Engine.Schedules;
using TcpModelCheck.Engine.Traces;

namespace TcpModelCheck.Tcp.Schedules;

/// <summary>
/// What a schedule step asks the run to do on the TCP model: each kind names a group of the model's actions; the
/// step's selector picks one action of that group (modulo how many are enabled), so a schedule never refers to a
/// position in the action list that a removed or changed earlier step could shift.
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
/// The TCP model's part in fault schedules: its action kinds (<see cref="Kinds"/>, <see cref="Classify"/>) and
/// default kind weights (<see cref="Shape"/>). Everything else — interpreting, shrinking, searching — is the
/// engine's (<c>TcpModelCheck.Engine.Schedules</c>); the members below only bind it to <see cref="TcpModel"/>.
/// </summary>
public static class TcpSchedules
{
    /// <summary>The kinds, their token words and which spend a fault budget; a fault is weakened to a delivery, an
    /// application call, a tick or a timeout. Deliveries are the held kind: the hold and priority strategies hold a
    /// segment in flight back (a network delay), never a tick, a timeout or an application call.</summary>
    public static ScheduleKinds<IntentKind> Kinds { get; } = new(
        [
            (IntentKind.Deliver, "deliver", false), (IntentKind.Lose, "lose", true), (IntentKind.Duplicate, "dup", true),
            (IntentKind.Tick, "tick", false), (IntentKind.App, "app", false), (IntentKind.Timeout, "timeout", false),
            (IntentKind.Crash, "crash", true), (IntentKind.Delay, "delay", true),
        ],
        [IntentKind.Deliver, IntentKind.App, IntentKind.Tick, IntentKind.Timeout],
        held: [IntentKind.Deliver]);

    /// <summary>
    /// The default distribution: 100 intents, selectors 0..15, kind weights deliver 40, lose 8, dup 5, tick 14,
    /// app 18, timeout 8, crash 2, delay 6.
    /// </summary>
    /// <remarks>
    /// Delivery dominates because a connection needs about a dozen deliveries to open, carry data and close;
    /// application calls and ticks come next (the workload and TIME-WAIT need several); faults are rarer so that most
    /// runs still get far into the workload before the budgets are spent. An intent whose kind is not enabled falls
    /// back to an ordinary step, so no weight is wasted on an invalid choice. Selectors range over 0..15: more than
    /// the enabled actions of any one kind in the default budgets (segments in flight × ISN choices).
    /// </remarks>
    public static ScheduleShape Shape { get; } = new() { Weights = [40, 8, 5, 14, 18, 8, 2, 6] };

    /// <summary>The intent kind of a TCP action: OPEN/SEND/CLOSE/ABORT are application calls; every other kind
    /// maps one to one.</summary>
    public static IntentKind Classify(TcpAction action) => action.Kind switch
    {
        TcpActionKind.Deliver => IntentKind.Deliver,
        TcpActionKind.Lose => IntentKind.Lose,
        TcpActionKind.Duplicate => IntentKind.Duplicate,
        TcpActionKind.Tick => IntentKind.Tick,
        TcpActionKind.Timeout => IntentKind.Timeout,
        TcpActionKind.Crash => IntentKind.Crash,
        TcpActionKind.Delay => IntentKind.Delay,
        TcpActionKind.Open or TcpActionKind.Send or TcpActionKind.Close or TcpActionKind.Abort => IntentKind.App,
        _ => throw new ArgumentOutOfRangeException(nameof(action), $"unknown action kind {action.Kind}"),
    };

    /// <summary>
    /// The abstraction of a state the coverage strategy counts (state kind, action kind) pairs over: both endpoints'
    /// connection states (RFC 9293 §3.3.2), the client's connection number (for reconnect), and whether a late
    /// segment (a straggler that may outlive its connection) is in flight.
    /// </summary>
    public static int StateKind(TcpState state)
    {
        var straggler = false;
        foreach (var s in state.Segments) straggler |= s.Straggler;
        return (int)state.Client.State | (int)state.Server.State << 5 | Math.Min((int)state.Client.Opens, 7) << 10 | (straggler ? 1 << 13 : 0);
    }

    /// <summary>Parses a schedule's text form, e.g. <c>app app deliver1 lose tick</c>.</summary>
    public static Schedule<IntentKind> Parse(string text) => Kinds.Parse(text);

    /// <summary>A schedule of these intents.</summary>
    public static Schedule<IntentKind> Of(params Intent<IntentKind>[] intents) => new(Kinds, intents);

    /// <summary>The schedule of a run seed (<see cref="ScheduleSearch.RunSeed"/>), drawn from <paramref name="shape"/>
    /// (null: <see cref="Shape"/>).</summary>
    public static Schedule<IntentKind> Generate(ulong runSeed, ScheduleShape? shape = null) =>
        ScheduleSearch.Generate(Kinds, runSeed, shape ?? Shape);

    /// <summary>An interpreter for <paramref name="model"/> checking the named safety properties (null: all of them);
    /// reuse it for many runs on one thread.</summary>
    public static ScheduleInterpreter<TcpState, TcpAction, IntentKind> Interpreter(TcpModel model, IReadOnlyList<string>? properties = null) =>
        new(model, Kinds, Classify, Select(model, properties));

    /// <summary>Runs <paramref name="schedule"/> on the model of <paramref name="config"/>, checking the named
    /// safety properties (null: all of them). Throws <see cref="ArgumentException"/> for an invalid
    /// configuration or an unknown or non-safety property name.</summary>
    public static ScheduleResult<IntentKind> Run(TcpConfig config, Schedule<IntentKind> schedule, IReadOnlyList<string>? properties = null) =>
        Run(new TcpModel(config), schedule, properties);

    public static ScheduleResult<IntentKind> Run(TcpModel model, Schedule<IntentKind> schedule, IReadOnlyList<string>? properties = null) =>
        Interpreter(model, properties).Run(schedule);

    /// <summary>The schedule that reproduces <paramref name="trace"/> (e.g. an explorer counterexample) on
    /// <paramref name="model"/>; throws <see cref="InvalidOperationException"/> if the trace does not replay.</summary>
    public static Schedule<IntentKind> FromTrace(TcpModel model, Trace trace) => Interpreter(model, []).FromTrace(trace);

    /// <summary>Runs <paramref name="count"/> random schedules from <paramref name="seed"/> on the model of
    /// <paramref name="config"/> (see <see cref="ScheduleSearch.Run"/>), checking the named safety properties (null:
    /// all of them), with schedules of <paramref name="length"/> intents (null: the shape's).</summary>
    public static ScheduleSearchSummary<IntentKind> Search(TcpConfig config, ulong seed, int count, int? length = null,
        IReadOnlyList<string>? properties = null, ScheduleSearchOptions? options = null, ScheduleShape? shape = null)
    {
        shape ??= Shape;
        if (length is { } l) shape = shape with { Length = l };
        return ScheduleSearch.Run(Interpreter(new TcpModel(config), properties), shape, seed, count, options, StateKind);
    }

    /// <summary>The safety properties named (null: every safety property of the model), in the model's order.</summary>
    public static IReadOnlyList<Property<TcpState, TcpAction>> Select(TcpModel model, IReadOnlyList<string>? names)
    {
        if (names is null) return model.Properties.Where(p => p.IsSafety).ToList();
        var selected = new List<Property<TcpState, TcpAction>>();
        foreach (var name in names)
        {
            var p = model.Properties.FirstOrDefault(p => p.Name == name) ?? throw new ArgumentException(
                $"unknown property '{name}'; safety properties: {string.Join(", ", model.Properties.Where(q => q.IsSafety).Select(q => q.Name))}");
            if (!p.IsSafety)
                throw new ArgumentException($"property '{name}' is not a safety property ({p.Kind}): a finite run cannot refute it; use the explorer (tcpmc check)");
            selected.Add(p);
        }
        return selected;
    }
}
