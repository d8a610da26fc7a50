using System.Buffers.Binary;
using TcpModelCheck.Engine.Model;
using TcpModelCheck.Engine.Simulation;

namespace TcpModelCheck.Engine.Tests.Strategies;

/// <summary>
/// A seeded random directed graph as a model: state = node number, action k = the k-th out-edge. Nodes with no
/// out-edge whose number is a multiple of 5 are terminal, the others deadlock. Used to cross-check the strategies
/// against <see cref="Reference"/>, a plain breadth-first search written independently of the engine.
/// </summary>
internal sealed class RandomGraphModel : IModel<int, int>
{
    private readonly int[][] _edges;
    private readonly int _target;

    /// <param name="maxOut">Random out-degrees are uniform in [<paramref name="minOut"/>, maxOut].</param>
    /// <param name="homing">Every node divisible by this also gets a last edge to the target (0: none), so
    /// that "eventually target" can hold.</param>
    public RandomGraphModel(ulong seed, int nodes, int maxOut, int target, int initials = 1, int minOut = 0, int homing = 0)
    {
        var rng = new SplitMix64(seed);
        _edges = new int[nodes][];
        for (var v = 0; v < nodes; v++)
        {
            var home = homing > 0 && v % homing == 0;
            _edges[v] = new int[minOut + rng.NextInt(maxOut - minOut + 1) + (home ? 1 : 0)];
            for (var k = 0; k < _edges[v].Length; k++) _edges[v][k] = rng.NextInt(nodes);
            if (home) _edges[v][^1] = target;
        }
        _target = target;
        InitialStates = Enumerable.Range(0, initials).ToArray();
        Properties =
        [
            Property<int, int>.Always("avoid-target", n => n != _target),
            Property<int, int>.ForEveryStep("no-step-to-target", (_, _, to) => to != _target),
            Property<int, int>.Sometimes("reach-target", n => n == _target),
            Property<int, int>.NoDeadlock(),
            Property<int, int>.Eventually("eventually-target", n => n == _target),
        ];
    }

    public string Name => "random-graph";
    public IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();
    public IReadOnlyList<int> InitialStates { get; }
    public IReadOnlyList<Property<int, int>> Properties { get; }
    public int MaxEncodedLength => 4;

    public void Actions(in int state, List<int> actions)
    {
        for (var k = 0; k < _edges[state].Length; k++) actions.Add(k);
    }

    public int Next(in int state, int action) => _edges[state][action];
    public bool IsTerminal(in int state) => state % 5 == 0;

    public int Encode(in int state, Span<byte> destination)
    {
        BinaryPrimitives.WriteInt32LittleEndian(destination, state);
        return 4;
    }

    /// <summary>The reachable nodes with their breadth-first depth, and the number of edges out of them.</summary>
    public (Dictionary<int, int> Depth, long Edges) Reference()
    {
        var depth = new Dictionary<int, int>();
        var queue = new Queue<int>();
        foreach (var s in InitialStates)
            if (depth.TryAdd(s, 0)) queue.Enqueue(s);
        long edges = 0;
        while (queue.Count > 0)
        {
            var v = queue.Dequeue();
            foreach (var w in _edges[v])
            {
                edges++;
                if (depth.TryAdd(w, depth[v] + 1)) queue.Enqueue(w);
            }
        }
        return (depth, edges);
    }
}
