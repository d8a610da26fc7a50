using TcpModelCheck.Engine.Model;

namespace TcpModelCheck.Engine.Tests.Paths;

/// <summary>A hand-drawn directed graph as a model: states are node numbers, the actions of a node are its
/// successors in the order given, node 0 is the initial state; the properties are given per test.</summary>
public sealed class TinyGraph(int[][] successors, params Property<int, int>[] properties) : IModel<int, int>
{
    public string Name => "tiny-graph";
    public IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();
    public IReadOnlyList<int> InitialStates { get; } = [0];
    public void Actions(in int state, List<int> actions) => actions.AddRange(successors[state]);
    public int Next(in int state, int action) => action;
    public bool IsTerminal(in int state) => false;
    public IReadOnlyList<Property<int, int>> Properties { get; } = properties;
    public int MaxEncodedLength => 4;
    public int Encode(in int state, Span<byte> destination) { BitConverter.TryWriteBytes(destination, state); return 4; }
    public string FormatAction(in int state, int action) => $"{state}->{action}";
}
