using System.Buffers.Binary;
using System.Globalization;
using TcpModelCheck.Engine.Model;

namespace TcpModelCheck.Cli.Tests.Support;

/// <summary>
/// A toy model whose answers are derivable by hand, for testing the CLI without the TCP model: a walker on a
/// size × size grid starting at (0, 0) that may step right or up; the corner (size-1, size-1) is terminal.
/// So there are size² states and 2·size·(size-1) transitions, every path reaches the corner, and a state
/// with x + y = k is first reached after exactly k steps.
/// </summary>
/// <remarks>The variant and workload are carried only so that a trace's settings rebuild the same model.
/// Properties: <c>below-limit</c> (invariant x + y &lt; limit: violated iff limit ≤ 2(size-1), shortest
/// counterexample = limit steps); <c>no-teleport</c> (action property: every step moves by one, always holds);
/// <c>reach-corner</c> (witness); <c>reach-end</c> (eventually the corner: holds); <c>no-deadlock</c> (holds).</remarks>
internal sealed class GridModel(string variant, string workload, int size, int limit) : IModel<(int X, int Y), int>
{
    public string Name => "grid";

    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["variant"] = variant,
        ["workload"] = workload,
        ["size"] = size.ToString(CultureInfo.InvariantCulture),
    };

    public IReadOnlyList<(int X, int Y)> InitialStates => [(0, 0)];

    public void Actions(in (int X, int Y) s, List<int> actions)
    {
        if (s.X < size - 1) actions.Add(0);
        if (s.Y < size - 1) actions.Add(1);
    }

    public (int X, int Y) Next(in (int X, int Y) s, int action) => action == 0 ? (s.X + 1, s.Y) : (s.X, s.Y + 1);

    public bool IsTerminal(in (int X, int Y) s) => s.X == size - 1 && s.Y == size - 1;

    public IReadOnlyList<Property<(int X, int Y), int>> Properties =>
    [
        Property<(int X, int Y), int>.Always("below-limit", s => s.X + s.Y < limit, "x + y stays below the limit"),
        Property<(int X, int Y), int>.ForEveryStep("no-teleport", (a, _, b) => Math.Abs(b.X - a.X) + Math.Abs(b.Y - a.Y) == 1, "every step moves by one"),
        Property<(int X, int Y), int>.Sometimes("reach-corner", IsCorner, "the corner is reachable"),
        Property<(int X, int Y), int>.Eventually("reach-end", IsCorner, "every run ends in the corner"),
        Property<(int X, int Y), int>.NoDeadlock(),
    ];

    private bool IsCorner((int X, int Y) s) => s.X == size - 1 && s.Y == size - 1;

    public int MaxEncodedLength => 8;

    public int Encode(in (int X, int Y) s, Span<byte> d)
    {
        BinaryPrimitives.WriteInt32LittleEndian(d, s.X);
        BinaryPrimitives.WriteInt32LittleEndian(d[4..], s.Y);
        return 8;
    }

    public string FormatAction(in (int X, int Y) state, int action) => action == 0 ? "right" : "up";
}
