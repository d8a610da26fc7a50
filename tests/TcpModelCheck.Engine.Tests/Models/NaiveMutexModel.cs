using TcpModelCheck.Engine.Model;

namespace TcpModelCheck.Engine.Tests.Models;

/// <summary>The two program counters (0 = idle; the rest depends on the variant, see <see cref="NaiveMutexModel"/>).</summary>
public readonly record struct MutexState(byte Pc0, byte Pc1)
{
    public byte Pc(int i) => i == 0 ? Pc0 : Pc1;
    public MutexState WithPc(int i, byte pc) => i == 0 ? this with { Pc0 = pc } : this with { Pc1 = pc };
}

/// <summary>The two classic wrong orders of "look at the other's flag" and "raise my own flag".</summary>
public enum FlagOrder
{
    /// <summary>idle →(0→1) check: await ¬flag[j] →(1→2) raise flag →(2→3) critical (flag up) →(3→0) lower flag.
    /// Both can pass the check before either raises its flag: mutual exclusion is violated. Each process needs
    /// 3 steps to enter, so the shortest counterexample has 6 steps (e.g. 0,1 wake, 0,1 check, 0,1 raise);
    /// all 4 × 4 = 16 pc pairs are reachable.</summary>
    CheckThenSet,
    /// <summary>idle →(0→1) raise flag →(1→2, if ¬flag[j]) critical →(2→0) lower flag. Safe, but when both raise
    /// their flags (2 steps) neither can go on: a deadlock. Reachable: every pair of pcs in {0,1,2} except
    /// (2,2) = 8 states.</summary>
    SetThenCheck,
}

/// <summary>
/// Naive flag-based mutual exclusion for two processes, without Peterson's <c>turn</c>: the textbook wrong
/// attempts (Dijkstra 1965 discusses both). An action is the index of the process that steps.
/// </summary>
public sealed class NaiveMutexModel(FlagOrder order) : IModel<MutexState, int>
{
    public string Name => "naive-mutex";
    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["order"] = order.ToString() };
    public IReadOnlyList<MutexState> InitialStates { get; } = [new MutexState(0, 0)];

    private byte CriticalPc => order == FlagOrder.CheckThenSet ? (byte)3 : (byte)2;

    private bool Flag(MutexState s, int i) => order == FlagOrder.CheckThenSet ? s.Pc(i) == 3 : s.Pc(i) != 0;

    /// <summary>The pc at which a process waits for the other's flag to be down.</summary>
    private byte CheckPc => 1;

    public void Actions(in MutexState state, List<int> actions)
    {
        for (var i = 0; i < 2; i++)
            if (state.Pc(i) != CheckPc || !Flag(state, 1 - i)) actions.Add(i);
    }

    public MutexState Next(in MutexState s, int i) =>
        s.WithPc(i, s.Pc(i) == CriticalPc ? (byte)0 : (byte)(s.Pc(i) + 1));

    public bool IsTerminal(in MutexState state) => false;

    public IReadOnlyList<Property<MutexState, int>> Properties =>
    [
        Property<MutexState, int>.Always("mutex", s => !(s.Pc0 == CriticalPc && s.Pc1 == CriticalPc)),
        Property<MutexState, int>.Sometimes("p0-critical", s => s.Pc0 == CriticalPc),
        Property<MutexState, int>.Eventually("p0-eventually-critical", s => s.Pc0 == CriticalPc),
        Property<MutexState, int>.NoDeadlock(),
    ];

    public int MaxEncodedLength => 1;

    public int Encode(in MutexState s, Span<byte> destination)
    {
        destination[0] = (byte)(s.Pc0 | s.Pc1 << 2);
        return 1;
    }

    public string FormatAction(in MutexState state, int action) => $"p{action}:{state.Pc(action)}->{Next(state, action).Pc(action)}";
}
