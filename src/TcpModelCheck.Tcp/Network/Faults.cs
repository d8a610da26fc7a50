using TcpModelCheck.Tcp.Charts;

namespace TcpModelCheck.Tcp.Network;

/// <summary>
/// What the network may do to a segment in flight: deliver it (any of them — reordering — or with FIFO only the
/// oldest of its direction), lose it, duplicate it, or hold it back as a straggler, each fault within its per-run
/// budget. Identical segments sit next to each other in the canonical order and acting on either gives the same
/// next state, so only the first of a run of equal segments is offered.
/// </summary>
internal static class Faults
{
    /// <summary>Appends the network's enabled actions: deliveries, losses, duplications, delays, each in
    /// <see cref="TcpState.InFlight"/> order. A SYN arriving in LISTEN selects the receiver's ISS, so its delivery
    /// carries the choice: the ISN clock, or one action per ISN of the set.</summary>
    public static void AddActions(TcpState state, Rules rules, List<TcpAction> actions)
    {
        var net = state.Segments;
        var config = rules.Config;
        for (var i = 0; i < net.Length; i++)
        {
            if (!Distinct(net, i) || !Deliverable(net, i, config.Fifo)) continue;
            var to = net[i].To;
            if (!Arrival.ChoosesIsn(state[to], net[i])) actions.Add(new TcpAction(TcpActionKind.Deliver, to, i));
            else if (rules.ClockIsn) actions.Add(new TcpAction(TcpActionKind.Deliver, to, i, state.IsnClock));
            else foreach (var isn in rules.Isns) actions.Add(new TcpAction(TcpActionKind.Deliver, to, i, isn));
        }
        if (state.Used.Losses < config.LossBudget)
            for (var i = 0; i < net.Length; i++)
                if (Distinct(net, i)) actions.Add(new TcpAction(TcpActionKind.Lose, net[i].From, i));
        if (state.Used.Duplications < config.DuplicationBudget)
            for (var i = 0; i < net.Length; i++)
                if (Distinct(net, i) && state.CountFrom(net[i].From) < config.NetworkCapacity)
                    actions.Add(new TcpAction(TcpActionKind.Duplicate, net[i].From, i));
        if (state.Used.Delays < rules.DelayBudget)
            for (var i = 0; i < net.Length; i++)
                if (Distinct(net, i) && !net[i].Straggler) actions.Add(new TcpAction(TcpActionKind.Delay, net[i].From, i));
    }

    private static bool Distinct(ReadOnlySpan<Segment> net, int i) => i == 0 || net[i].Bits != net[i - 1].Bits;

    private static bool Deliverable(ReadOnlySpan<Segment> net, int i, bool fifo) =>
        !fifo || i == 0 || net[i - 1].From != net[i].From;

    /// <summary>Takes the delivered segment out of the network (the receiver then processes it).</summary>
    public static Segment Deliver(ref Step step, TcpAction a)
    {
        var seg = step.Net.RemoveAt(a.Segment);
        if (step.Explaining) step.Emit(new StepEvent.Delivered(seg.Label, Overtook(ref step, seg)));
        return seg;
    }

    /// <summary>Charts: the delivered segment overtook an older one in flight to the same receiver.</summary>
    private static bool Overtook(ref Step step, Segment seg)
    {
        for (var i = 0; i < step.Net.Count; i++)
            if (step.Net[i].From == seg.From && step.Net[i].Age > seg.Age) return true;
        return false;
    }

    public static void Lose(ref Step step, TcpAction a)
    {
        var seg = step.Net.RemoveAt(a.Segment);
        SpendLoss(ref step);
        if (step.Explaining) step.Emit(new StepEvent.Lost(seg.Label));
    }

    /// <summary>One segment of the run's loss budget is used: a loss, or a tail drop within the budget
    /// (<see cref="Transmit"/>).</summary>
    public static void SpendLoss(ref Step step) => step.Used = step.Used with { Losses = (byte)(step.Used.Losses + 1) };

    public static void Duplicate(ref Step step, TcpAction a)
    {
        var seg = step.Net[a.Segment];
        step.Net.Insert(seg, a.Segment);
        step.Used = step.Used with { Duplications = (byte)(step.Used.Duplications + 1) };
        if (step.Explaining) step.Emit(new StepEvent.Duplicated(seg.Label));
    }

    /// <summary>The segment becomes a straggler (it keeps its age, 0); with FIFO it keeps its place.</summary>
    public static void Delay(ref Step step, TcpAction a)
    {
        var seg = step.Net[a.Segment];
        step.Used = step.Used with { Delays = (byte)(step.Used.Delays + 1) };
        if (step.Explaining) step.Emit(new StepEvent.Delayed(seg.Label));
        if (step.Rules.Config.Fifo) { step.Net.Replace(a.Segment, seg.AsStraggler()); return; }
        step.Net.RemoveAt(a.Segment);
        step.Net.Insert(seg.AsStraggler(), -1);
    }
}
