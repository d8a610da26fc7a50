using System.Buffers.Binary;
using TcpModelCheck.Engine.Model;

namespace TcpModelCheck.Engine.Tests.Graphs;

/// <summary>
/// A <see cref="GraphSpec"/> as a model: a state is a node, the enabled actions of a node are the positions of
/// its out-edges. It offers one property of every kind, so one random graph exercises them all.
/// </summary>
public sealed class GraphModel(GraphSpec graph) : IModel<int, int>
{
    public const string NoBad = "no-bad", NoBadEdge = "no-bad-edge", NoDeadlock = "no-deadlock",
        EventuallyGoal = "eventually-goal", TriggerLeadsToGoal = "trigger-leads-to-goal",
        EventuallyGoalTimed = "eventually-goal-timed", TriggerLeadsToGoalTimed = "trigger-leads-to-goal-timed";

    /// <summary>The properties whose verdicts do not need the whole graph (fingerprint storage can check them).</summary>
    public static readonly IReadOnlyList<string> Safety = [NoBad, NoBadEdge, NoDeadlock];

    /// <summary>The liveness properties: each under strong fairness and under time progress (tick edges).</summary>
    public static readonly IReadOnlyList<string> Liveness = [EventuallyGoal, TriggerLeadsToGoal, EventuallyGoalTimed, TriggerLeadsToGoalTimed];

    public static string Reach(int node) => $"reach-{node}";

    public GraphSpec Graph => graph;

    public string Name => "graph";

    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["graph"] = graph.ToString() };

    public IReadOnlyList<int> InitialStates => graph.Initial;

    public void Actions(in int state, List<int> actions)
    {
        for (var k = 0; k < graph.Edges[state].Length; k++) actions.Add(k);
    }

    public int Next(in int state, int action) => graph.Edges[state][action].To;

    public bool IsTerminal(in int state) => graph.Has(state, NodeMark.Terminal);

    public IReadOnlyList<Property<int, int>> Properties =>
    [
        Property<int, int>.Always(NoBad, s => !graph.Has(s, NodeMark.Bad)),
        Property<int, int>.ForEveryStep(NoBadEdge, (s, k, _) => !graph.Edges[s][k].Bad),
        Property<int, int>.NoDeadlock(NoDeadlock),
        Property<int, int>.Eventually(EventuallyGoal, s => graph.Has(s, NodeMark.Goal)),
        Property<int, int>.LeadsTo(TriggerLeadsToGoal, s => graph.Has(s, NodeMark.Trigger), s => graph.Has(s, NodeMark.Goal)),
        Property<int, int>.Eventually(EventuallyGoalTimed, s => graph.Has(s, NodeMark.Goal)).AssumingTimeProgress(IsTick),
        Property<int, int>.LeadsTo(TriggerLeadsToGoalTimed, s => graph.Has(s, NodeMark.Trigger), s => graph.Has(s, NodeMark.Goal))
            .AssumingTimeProgress(IsTick),
        .. Enumerable.Range(0, graph.NodeCount).Select(i => Property<int, int>.Sometimes(Reach(i), s => s == i)),
    ];

    private bool IsTick(int state, int action) => graph.Edges[state][action].Tick;

    /// <summary>Every witness property: their verdicts are the reachable set.</summary>
    public IReadOnlyList<string> ReachNames => Enumerable.Range(0, graph.NodeCount).Select(Reach).ToList();

    public int MaxEncodedLength => 4;

    public int Encode(in int state, Span<byte> destination)
    {
        BinaryPrimitives.WriteInt32LittleEndian(destination, state);
        return 4;
    }

    public string FormatAction(in int state, int action) => $"{state}->{graph.Edges[state][action].To}";
}
