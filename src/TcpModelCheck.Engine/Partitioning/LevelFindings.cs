using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Engine.Model;
using TcpModelCheck.Engine.Strategies;

namespace TcpModelCheck.Engine.Partitioning;

/// <summary>The findings of one partition in one level: per property the smallest (local id, choice), so the
/// record a partition publishes does not depend on the order it met them in.</summary>
internal sealed class LevelFindings<TState, TAction> where TState : IEquatable<TState>
{
    private readonly Dictionary<Property<TState, TAction>, (long Id, int Choice)> _best = [];

    public void Found(Property<TState, TAction> property, long stateId, int edgeChoice)
    {
        if (!_best.TryGetValue(property, out var b) || (stateId, edgeChoice).CompareTo(b) < 0) _best[property] = (stateId, edgeChoice);
    }

    /// <summary>The records to publish, and empties the set for the next level.</summary>
    public List<FindingRecord> Drain()
    {
        var list = _best.Select(kv => new FindingRecord(kv.Key.Name, kv.Value.Id, kv.Value.Choice)).ToList();
        _best.Clear();
        return list;
    }
}

/// <summary>The finding sink of a partition (a struct, so the property checks stay inlined).</summary>
internal readonly struct LevelSink<TState, TAction>(LevelFindings<TState, TAction> findings) : IFindingSink<TState, TAction>
    where TState : IEquatable<TState>
{
    public void Found(Property<TState, TAction> property, long stateId, int edgeChoice) => findings.Found(property, stateId, edgeChoice);
}

/// <summary>A finding every partition agreed on: the partition owning the state, its local id there, the edge choice
/// (−1 for none).</summary>
internal readonly record struct GlobalFinding(int Partition, long StateId, int Choice);
