using System.Buffers.Binary;
using TcpModelCheck.Engine.Model;

namespace TcpModelCheck.Engine.Tests.Models;

/// <summary>Two counters, each incremented modulo <c>Mod</c>: Mod² states, all reachable; (a, b) = (Mod-1, Mod-1)
/// is reachable at depth 2(Mod-1).</summary>
public sealed class CounterModel(int mod) : IModel<(int A, int B), int>
{
    public string Name => "counter";
    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["mod"] = mod.ToString() };
    public IReadOnlyList<(int A, int B)> InitialStates => [(0, 0)];
    public void Actions(in (int A, int B) state, List<int> actions) { actions.Add(0); actions.Add(1); }
    public (int A, int B) Next(in (int A, int B) s, int action) => action == 0 ? ((s.A + 1) % mod, s.B) : (s.A, (s.B + 1) % mod);
    public bool IsTerminal(in (int A, int B) state) => false;
    public IReadOnlyList<Property<(int A, int B), int>> Properties { get; } =
    [
        Property<(int A, int B), int>.Always("not-both-max", s => !(s.A == mod - 1 && s.B == mod - 1)),
        Property<(int A, int B), int>.Sometimes("a-max", s => s.A == mod - 1),
        Property<(int A, int B), int>.Eventually("a-zero-again", s => s.A == 0 && s.B == 1),
        Property<(int A, int B), int>.NoDeadlock(),
    ];
    public int MaxEncodedLength => 8;
    public int Encode(in (int A, int B) s, Span<byte> d)
    {
        BinaryPrimitives.WriteInt32LittleEndian(d, s.A);
        BinaryPrimitives.WriteInt32LittleEndian(d[4..], s.B);
        return 8;
    }
}
