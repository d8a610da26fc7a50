using TcpModelCheck.Tcp.Charts;

namespace TcpModelCheck.Tcp.Network;

/// <summary>
/// A segment handed to the network by a host: it becomes a straggler at once when every segment may take up to
/// MSL (<see cref="TcpConfig.DelayBudget"/> unlimited), and a direction that already holds
/// <see cref="TcpConfig.NetworkCapacity"/> segments drops it (tail drop). A tail drop is never silent: while the
/// loss budget lasts it is one of the budgeted losses (the lossy network could have sent and then lost the
/// segment, so no behaviour is added or hidden); beyond the budget it is a drop the fault model does not
/// allow, and it sets the ghost overflow flag that the <c>within-capacity</c> property reads — a violation of
/// that property says the capacity bound cut the exploration, and the row needs a larger capacity.
/// </summary>
internal static class Transmit
{
    public static void Send(ref Step step, Segment seg, bool retransmission)
    {
        if (step.Rules.AllStragglers) seg = seg.AsStraggler();
        if (step.Explaining) step.Emit(new StepEvent.Sent(seg.Label, retransmission));
        if (step.Net.CountFrom(seg.From) >= step.Rules.Capacity)
        {
            if (step.Used.Losses < step.Rules.Config.LossBudget)
            {
                Faults.SpendLoss(ref step);
                step.Note(seg.From, "network full: segment dropped (uses the loss budget)");
                return;
            }
            step.Used = step.Used with { Overflowed = true };
            step.Note(seg.From, "network full: segment dropped beyond the loss budget");
            return;
        }
        step.Net.Insert(seg, -1);
    }
}
