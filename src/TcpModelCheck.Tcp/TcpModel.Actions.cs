using TcpModelCheck.Tcp.Charts;

namespace TcpModelCheck.Tcp;

public sealed partial class TcpModel
{
    /// <summary>
    /// The enabled actions in a fixed order: application calls (A, then B), expired timers (A, B), deliveries,
    /// losses, duplications (by position in <see cref="TcpState.InFlight"/>; identical segments are offered once),
    /// crashes (A, B), and the tick.
    /// </summary>
    public void Actions(in TcpState state, List<TcpAction> actions)
    {
        Rules.Script.AddActions(state, Rules, actions);
        if (Timers.Expired(state.Client)) actions.Add(new TcpAction(TcpActionKind.Timeout, Side.Client));
        if (Timers.Expired(state.Server)) actions.Add(new TcpAction(TcpActionKind.Timeout, Side.Server));
        AddNetworkActions(state, actions);
        if (state.Used.Crashes < Config.CrashBudget)
        {
            if (state.Client.State != ConnectionState.Closed) actions.Add(new TcpAction(TcpActionKind.Crash, Side.Client));
            if (state.Server.State != ConnectionState.Closed) actions.Add(new TcpAction(TcpActionKind.Crash, Side.Server));
        }
        if (Timers.CanTick(state, Rules.ClockIsn && Rules.Script.AnyEnabled(state, Rules), Rules)) actions.Add(TcpAction.Tick);
    }

    private void AddNetworkActions(TcpState state, List<TcpAction> actions)
    {
        var net = state.Segments;
        for (var i = 0; i < net.Length; i++)
        {
            if (!Distinct(net, i) || !Deliverable(net, i)) continue;
            var to = net[i].To;
            if (!Arrival.ChoosesIsn(state[to], net[i])) actions.Add(new TcpAction(TcpActionKind.Deliver, to, i));
            else if (Rules.ClockIsn) actions.Add(new TcpAction(TcpActionKind.Deliver, to, i, state.IsnClock));
            else foreach (var isn in Rules.Isns) actions.Add(new TcpAction(TcpActionKind.Deliver, to, i, isn));
        }
        if (state.Used.Losses < Config.LossBudget)
            for (var i = 0; i < net.Length; i++)
                if (Distinct(net, i)) actions.Add(new TcpAction(TcpActionKind.Lose, net[i].From, i));
        if (state.Used.Duplications < Config.DuplicationBudget)
            for (var i = 0; i < net.Length; i++)
                if (Distinct(net, i) && state.CountFrom(net[i].From) < Config.NetworkCapacity)
                    actions.Add(new TcpAction(TcpActionKind.Duplicate, net[i].From, i));
        if (state.Used.Delays < Rules.DelayBudget)
            for (var i = 0; i < net.Length; i++)
                if (Distinct(net, i) && !net[i].Straggler) actions.Add(new TcpAction(TcpActionKind.Delay, net[i].From, i));
    }

    /// <summary>Identical segments sit next to each other (the multiset is sorted; with FIFO a duplicate follows
    /// its original), and acting on either gives the same next state: offer the first only.</summary>
    private static bool Distinct(ReadOnlySpan<Segment> net, int i) => i == 0 || net[i].Bits != net[i - 1].Bits;

    /// <summary>Any segment may be delivered (reordering), except with FIFO: only the oldest of its direction.</summary>
    private bool Deliverable(ReadOnlySpan<Segment> net, int i) =>
        !Config.Fifo || i == 0 || net[i - 1].From != net[i].From;

    public TcpState Next(in TcpState state, TcpAction action)
    {
        var step = new Step(Rules, state, null, stackalloc Segment[Step.BufferFor(state)]);
        Apply(ref step, action);
        return step.Build();
    }

    /// <summary>Applies one action to the working copy; shared by <see cref="Next"/> and <see cref="Explain"/>.</summary>
    private void Apply(ref Step step, TcpAction a)
    {
        switch (a.Kind)
        {
            case TcpActionKind.Open: UserCalls.Open(ref step, a.Side, a.Passive, a.Isn); break;
            case TcpActionKind.Send: UserCalls.Send(ref step, a.Side); break;
            case TcpActionKind.Close: UserCalls.Close(ref step, a.Side); break;
            case TcpActionKind.Abort: UserCalls.Abort(ref step, a.Side); break;
            case TcpActionKind.Timeout: Timers.Fire(ref step, a.Side); break;
            case TcpActionKind.Tick: Timers.Tick(ref step); break;
            case TcpActionKind.Deliver: Deliver(ref step, a); break;
            case TcpActionKind.Lose: Lose(ref step, a); break;
            case TcpActionKind.Duplicate: Duplicate(ref step, a); break;
            case TcpActionKind.Crash: Crash(ref step, a.Side); break;
            case TcpActionKind.Delay: Delay(ref step, a); break;
            default: throw new ArgumentOutOfRangeException(nameof(a), a.Kind, "unknown action kind");
        }
    }

    private static void Deliver(ref Step step, TcpAction a)
    {
        var seg = step.RemoveAt(a.Segment);
        if (step.Explaining) step.Emit(new StepEvent.Delivered(seg.Label, Overtook(ref step, seg)));
        Arrival.Process(ref step, seg, a.Isn);
    }

    /// <summary>Charts: the delivered segment overtook an older one in flight to the same receiver.</summary>
    private static bool Overtook(ref Step step, Segment seg)
    {
        for (var i = 0; i < step.Count; i++)
            if (step.SegmentAt(i).From == seg.From && step.SegmentAt(i).Age > seg.Age) return true;
        return false;
    }

    private static void Lose(ref Step step, TcpAction a)
    {
        var seg = step.RemoveAt(a.Segment);
        step.Used = step.Used with { Losses = (byte)(step.Used.Losses + 1) };
        if (step.Explaining) step.Emit(new StepEvent.Lost(seg.Label));
    }

    private static void Duplicate(ref Step step, TcpAction a)
    {
        var seg = step.SegmentAt(a.Segment);
        step.Insert(seg, a.Segment);
        step.Used = step.Used with { Duplications = (byte)(step.Used.Duplications + 1) };
        if (step.Explaining) step.Emit(new StepEvent.Duplicated(seg.Label));
    }

    /// <summary>The segment becomes a straggler (it keeps its age, 0); with FIFO it keeps its place.</summary>
    private static void Delay(ref Step step, TcpAction a)
    {
        var seg = step.SegmentAt(a.Segment);
        step.Used = step.Used with { Delays = (byte)(step.Used.Delays + 1) };
        if (step.Explaining) step.Emit(new StepEvent.Delayed(seg.Label));
        if (step.Rules.Config.Fifo) { step.Replace(a.Segment, seg.AsStraggler()); return; }
        step.RemoveAt(a.Segment);
        step.Insert(seg.AsStraggler(), -1);
    }

    /// <summary>A host crash (RFC 9293 §3.5.1): the TCB is lost without a word to the peer; the application
    /// restarts its script from CLOSED (a client with connections left will OPEN again).</summary>
    private static void Crash(ref Step step, Side side)
    {
        step.Used = step.Used with { Crashes = (byte)(step.Used.Crashes + 1) };
        if (step.Explaining) step.Emit(new StepEvent.Crashed(side));
        Tcb.Delete(ref step, side, EndReason.Crashed);
    }
}
