using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Engine.Model;

namespace TcpModelCheck.Engine.Partitioning;

/// <summary>
/// The global state of a partitioned search as every partition derives it from the same barrier files: the totals,
/// the findings kept (per property the first partition, in partition order, that reported one in the first level
/// with any), and whether and why the search ends. Deterministic given the files, so all partitions agree.
/// </summary>
internal sealed class PartitionDecision<TState, TAction>(PropertyTracker<TState, TAction> tracker, CheckOptions options,
    PartitionSpec spec, string configuration) where TState : IEquatable<TState>
{
    private readonly Property<TState, TAction>[] _safety = tracker.Selected.Where(p => !p.IsLiveness).ToArray();

    public string Configuration { get; } = configuration;
    public Dictionary<Property<TState, TAction>, GlobalFinding> Found { get; } = [];
    public bool Ended { get; private set; }
    public long States { get; private set; }
    public long Transitions { get; private set; }
    public int MaxDepth { get; private set; }
    private bool _depthCut;
    private StopReason _stop;

    /// <summary>How the search ended: a limit or cancellation any partition hit, every property settled, the depth
    /// bound cut some state's successors, or none (exhausted).</summary>
    public StopReason Stop => _stop == StopReason.None && _depthCut ? StopReason.MaxDepth : _stop;

    /// <summary>Takes the statuses of one barrier (in partition order); <paramref name="depth"/> is the level just
    /// expanded (for the initial barrier, 0 with nothing expanded).</summary>
    public void Take(PartitionStatus[] all, int depth)
    {
        var initial = all[spec.Index].Configuration.Length > 0;
        for (var k = 0; k < all.Length; k++)
        {
            if (initial && all[k].Configuration != Configuration)
                throw new PartitionException($"partition {k}/{spec.Count} runs another configuration ({all[k].Configuration}) " +
                                             $"than partition {spec} ({Configuration})");
            foreach (var f in all[k].Findings)
            {
                var p = tracker.Selected.FirstOrDefault(x => x.Name == f.Property)
                    ?? throw new PartitionException($"partition {k}/{spec.Count} reports unknown property '{f.Property}'");
                if (Found.TryAdd(p, new GlobalFinding(k, f.StateId, f.Choice))) tracker.Record(p, 0);
            }
        }
        States = all.Sum(s => s.OwnStates);
        Transitions = all.Sum(s => s.Transitions);
        var queued = all.Sum(s => s.Queued);
        if (!initial && queued > 0) MaxDepth = depth + 1;
        _depthCut |= all.Any(s => s.DepthCut);
        _stop = all.Select(s => s.Stop).FirstOrDefault(s => s != StopCode.None) switch
        {
            StopCode.MaxTime => StopReason.MaxTime,
            StopCode.MaxMemory => StopReason.MaxMemory,
            StopCode.Cancelled => StopReason.Cancelled,
            _ => options.StopWhenAllSettled && _safety.Length > 0 && _safety.All(Found.ContainsKey)
                ? StopReason.AllPropertiesSettled : StopReason.None,
        };
        Ended = _stop != StopReason.None || queued == 0;
    }
}
