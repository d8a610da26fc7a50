using System.Buffers.Binary;
using TcpModelCheck.Engine.Model;

namespace TcpModelCheck.Engine.Tests.Strategies;

/// <summary>
/// Three counters, each incremented by its own action up to <c>Size − 1</c>: Size³ states, and a state's depth
/// is the sum of its counters whichever way it is reached, so the states within depth d are the triples with
/// sum ≤ d — C(d+3, 3) of them while d &lt; Size. The corner (Size−1)³ has no action and is terminal.
/// </summary>
/// <param name="coarseEncoding">Encode only the sum of the counters: distinct states then share fingerprints
/// (allowed by the contract — equal states must encode equally, not the converse), which only exact storage
/// can tell apart.</param>
internal sealed class GridModel(int size, (int X, int Y, int Z)? throwAt = null, bool coarseEncoding = false)
    : IModel<(int X, int Y, int Z), int>
{
    public string Name => "grid";
    public IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string> { ["size"] = size.ToString() };
    public IReadOnlyList<(int X, int Y, int Z)> InitialStates { get; } = [(0, 0, 0)];
    public int MaxEncodedLength => 12;

    public IReadOnlyList<Property<(int X, int Y, int Z), int>> Properties { get; } =
    [
        Property<(int X, int Y, int Z), int>.Always("in-bounds", s => s.X < size && s.Y < size && s.Z < size),
        Property<(int X, int Y, int Z), int>.Always("sum-below-4", s => s.X + s.Y + s.Z < 4),
        Property<(int X, int Y, int Z), int>.Sometimes("corner", s => s.X + s.Y + s.Z == 3 * (size - 1)),
        Property<(int X, int Y, int Z), int>.NoDeadlock(),
        Property<(int X, int Y, int Z), int>.Eventually("eventually-corner", s => s.X + s.Y + s.Z == 3 * (size - 1)),
    ];

    public void Actions(in (int X, int Y, int Z) s, List<int> actions)
    {
        if (s.X < size - 1) actions.Add(0);
        if (s.Y < size - 1) actions.Add(1);
        if (s.Z < size - 1) actions.Add(2);
    }

    public (int X, int Y, int Z) Next(in (int X, int Y, int Z) s, int action)
    {
        if (s == throwAt) throw new InvalidOperationException("model failure at " + s);
        return action switch { 0 => (s.X + 1, s.Y, s.Z), 1 => (s.X, s.Y + 1, s.Z), _ => (s.X, s.Y, s.Z + 1) };
    }

    public bool IsTerminal(in (int X, int Y, int Z) s) => true;

    public int Encode(in (int X, int Y, int Z) s, Span<byte> d)
    {
        if (coarseEncoding)
        {
            BinaryPrimitives.WriteInt32LittleEndian(d, s.X + s.Y + s.Z);
            return 4;
        }
        BinaryPrimitives.WriteInt32LittleEndian(d, s.X);
        BinaryPrimitives.WriteInt32LittleEndian(d[4..], s.Y);
        BinaryPrimitives.WriteInt32LittleEndian(d[8..], s.Z);
        return 12;
    }
}
