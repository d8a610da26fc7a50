using TcpModelCheck.Tcp.Charts;

namespace TcpModelCheck.Reports.Charts;

/// <summary>One step of a trace as the charts see it: the recorded action label and what happened.</summary>
/// <param name="Action">The action's one-line label from the trace (shown only when no event explains the step).</param>
/// <param name="Events">What the model says happened, in order (see <see cref="StepEvent"/>).</param>
public sealed record ChartStep(string Action, IReadOnlyList<StepEvent> Events);

/// <summary>
/// Everything a chart renderer needs, and nothing model-specific: the two peers' names and initial states,
/// the explained steps, and where a lasso's loop starts. Built by <see cref="TcpTraceExplainer"/> from a
/// replayed trace; built by hand in tests.
/// </summary>
/// <param name="Header">Lines printed above the chart (variant, workload, property, choice path, ...).</param>
/// <param name="PeerA">Column title of endpoint A, e.g. "TCP Peer A (client)".</param>
/// <param name="PeerB">Column title of endpoint B.</param>
/// <param name="InitialA">A's connection state before step 1, e.g. "CLOSED".</param>
/// <param name="InitialB">B's connection state before step 1, e.g. "LISTEN".</param>
/// <param name="Steps">Step 1 is <c>Steps[0]</c>: chart line numbers equal trace step numbers.</param>
/// <param name="LoopStart">For a lasso: the number of steps after which the cycle starts (the state after
/// that step recurs after the last step); null for a finite trace.</param>
/// <param name="Ending">A closing remark, e.g. "no action is enabled (deadlock)"; null for none.</param>
/// <param name="InitialTime">The clock value before step 1 (ages of segments are measured from it).</param>
public sealed record ChartInput(
    IReadOnlyList<string> Header,
    string PeerA,
    string PeerB,
    string InitialA,
    string InitialB,
    IReadOnlyList<ChartStep> Steps,
    int? LoopStart = null,
    string? Ending = null,
    int InitialTime = 0)
{
    /// <summary>True when some segment or received item belongs to a later incarnation than the first, so
    /// the charts tag segments with their (ghost) incarnation.</summary>
    public bool ManyIncarnations => Steps.SelectMany(s => s.Events).Any(e => e switch
    {
        StepEvent.Sent x => x.Segment.Incarnation > 1,
        StepEvent.Delivered x => x.Segment.Incarnation > 1,
        StepEvent.Lost x => x.Segment.Incarnation > 1,
        StepEvent.Duplicated x => x.Segment.Incarnation > 1,
        StepEvent.Expired x => x.Segment.Incarnation > 1,
        StepEvent.Delayed x => x.Segment.Incarnation > 1,
        StepEvent.AppReceived x => x.Incarnation > 1,
        _ => false,
    });
}
