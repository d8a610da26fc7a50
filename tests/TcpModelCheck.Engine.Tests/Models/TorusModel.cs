using System.Buffers.Binary;
using TcpModelCheck.Engine.Model;

namespace TcpModelCheck.Engine.Tests.Models;

/// <summary>
/// A point on a <c>size × size</c> torus that moves right or up (modulo size). All size² states are reachable,
/// there are 2·size² transitions, the state (a, b) is at distance a + b, and every state lies on a cycle.
/// Large enough, with size 100 (10 000 states), for the limit and cancellation tests, which check the
/// engine's limits every 1024 states.
/// </summary>
public sealed class TorusModel(int size) : IModel<(int X, int Y), int>
{
    public const int Right = 0, Up = 1;

    public string Name => "torus";
    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["size"] = size.ToString() };
    public IReadOnlyList<(int X, int Y)> InitialStates { get; } = [(0, 0)];

    public void Actions(in (int X, int Y) state, List<int> actions)
    {
        actions.Add(Right);
        actions.Add(Up);
    }

    public (int X, int Y) Next(in (int X, int Y) s, int action) =>
        action == Right ? ((s.X + 1) % size, s.Y) : (s.X, (s.Y + 1) % size);

    public bool IsTerminal(in (int X, int Y) state) => false;

    public IReadOnlyList<Property<(int X, int Y), int>> Properties =>
    [
        Property<(int X, int Y), int>.Always("x-below-3", s => s.X < 3, "violated at distance 3, by (3, 0)"),
        Property<(int X, int Y), int>.Always("not-far-corner", s => s != (size - 1, size - 1),
            "violated only by the state farthest from the origin, at distance 2(size − 1)"),
        Property<(int X, int Y), int>.Sometimes("far-corner-reachable", s => s == (size - 1, size - 1)),
        Property<(int X, int Y), int>.Eventually("eventually-back-on-x-axis", s => s.Y == 0 && s.X > 0),
        Property<(int X, int Y), int>.NoDeadlock(),
    ];

    public int MaxEncodedLength => 8;

    public int Encode(in (int X, int Y) s, Span<byte> d)
    {
        BinaryPrimitives.WriteInt32LittleEndian(d, s.X);
        BinaryPrimitives.WriteInt32LittleEndian(d[4..], s.Y);
        return 8;
    }
}
