using TcpModelCheck.Tcp.Charts;

namespace TcpModelCheck.Tcp.Network;

/// <summary>
/// A segment handed to the network by a host: it becomes a straggler at once when every segment may take up to
/// MSL (<see cref="TcpConfig.DelayBudget"/> unlimited), and a direction that already holds
/// <see cref="TcpConfig.NetworkCapacity"/> segments drops it (tail drop) and sets the ghost overflow flag that
/// the <c>within-capacity</c> property reads.
/// </summary>
internal static class Transmit
{
    public static void Send(ref Step step, Segment seg, bool retransmission)
    {
        if (step.Rules.AllStragglers) seg = seg.AsStraggler();
        if (step.Explaining) step.Emit(new StepEvent.Sent(seg.Label, retransmission));
        if (step.Net.CountFrom(seg.From) >= step.Rules.Capacity)
        {
            step.Used = step.Used with { Overflowed = true };
            step.Note(seg.From, "network full: segment dropped");
            return;
        }
        step.Net.Insert(seg, -1);
    }
}
