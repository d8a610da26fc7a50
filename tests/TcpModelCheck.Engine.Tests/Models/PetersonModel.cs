using TcpModelCheck.Engine.Model;

namespace TcpModelCheck.Engine.Tests.Models;

/// <summary>
/// Program counters of the two processes and the shared <c>turn</c>. <c>flag[i]</c> is not stored: it is
/// true exactly when process i is past its non-critical section (pc ≠ 0), so storing it would allow
/// non-canonical states.
/// </summary>
public readonly record struct PetersonState(byte Pc0, byte Pc1, byte Turn)
{
    public byte Pc(int i) => i == 0 ? Pc0 : Pc1;
    public PetersonState WithPc(int i, byte pc) => i == 0 ? this with { Pc0 = pc } : this with { Pc1 = pc };
    public bool Flag(int i) => Pc(i) != Peterson.Idle;
}

/// <summary>Program counter values of one process.</summary>
public static class Peterson
{
    /// <summary>Non-critical section (flag down).</summary>
    public const byte Idle = 0;
    /// <summary>Has raised its flag; next writes <c>turn := other</c>.</summary>
    public const byte FlagUp = 1;
    /// <summary>Waits until the other's flag is down or it is its turn.</summary>
    public const byte Waiting = 2;
    /// <summary>In the critical section; leaving lowers the flag.</summary>
    public const byte Critical = 3;
}

/// <summary>
/// Peterson's mutual exclusion for two processes (Peterson 1981):
/// <c>flag[i] := true; turn := j; await ¬flag[j] ∨ turn = i; critical; flag[i] := false</c>.
/// An action is the index of the process that takes its next step; a waiting process whose guard is false
/// has no action.
/// <para>
/// Reachable states, derived by hand (20): <c>turn</c> is the process that was last told "your turn", i.e.
/// 1 − (last process to pass FlagUp → Waiting), initially 0.
/// (a) Both pcs in {Idle, FlagUp}: all 4 × 2 turns = 8 (turn = 1 after process 0 has gone round once).
/// (b) One process, say 0, in {Waiting, Critical} and the other in {Idle, FlagUp}: turn = 1. Had 1 written
///     turn := 0 after 0's write, 1 would be in Waiting or beyond — and it cannot have gone round to Idle, since
///     its guard ¬flag[0] ∨ turn = 1 stays false while 0 is past Idle. 2 × 2 states, plus 4 symmetric: 8.
/// (c) Both in {Waiting, Critical}: both waiting, with either turn (2); 0 critical while 1 waits only with
///     turn = 0 — with turn = 1, 0 wrote last, when 1 was already waiting, and then 0's guard was false — and
///     symmetrically (1 + 1); both critical never. 4.
/// 8 + 8 + 4 = 20.
/// </para>
/// </summary>
public sealed class PetersonModel : IModel<PetersonState, int>
{
    public string Name => "peterson";
    public IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();
    public IReadOnlyList<PetersonState> InitialStates { get; } = [new PetersonState(Peterson.Idle, Peterson.Idle, 0)];

    public void Actions(in PetersonState state, List<int> actions)
    {
        for (var i = 0; i < 2; i++)
            if (state.Pc(i) != Peterson.Waiting || MayEnter(state, i)) actions.Add(i);
    }

    private static bool MayEnter(PetersonState s, int i) => !s.Flag(1 - i) || s.Turn == i;

    public PetersonState Next(in PetersonState s, int i) => s.Pc(i) switch
    {
        Peterson.Idle => s.WithPc(i, Peterson.FlagUp),
        Peterson.FlagUp => s.WithPc(i, Peterson.Waiting) with { Turn = (byte)(1 - i) },
        Peterson.Waiting => s.WithPc(i, Peterson.Critical),
        _ => s.WithPc(i, Peterson.Idle),
    };

    public bool IsTerminal(in PetersonState state) => false;

    public IReadOnlyList<Property<PetersonState, int>> Properties =>
    [
        Property<PetersonState, int>.Always("mutex", s => !(s.Pc0 == Peterson.Critical && s.Pc1 == Peterson.Critical)),
        Property<PetersonState, int>.Sometimes("p0-critical", s => s.Pc0 == Peterson.Critical),
        Property<PetersonState, int>.Sometimes("both-waiting", s => s is { Pc0: Peterson.Waiting, Pc1: Peterson.Waiting }),
        Property<PetersonState, int>.LeadsTo("p0-enters", s => s.Pc0 == Peterson.FlagUp, s => s.Pc0 == Peterson.Critical,
            "starvation freedom: a process that raises its flag gets in"),
        Property<PetersonState, int>.NoDeadlock(),
    ];

    public int MaxEncodedLength => 1;

    public int Encode(in PetersonState s, Span<byte> destination)
    {
        destination[0] = (byte)(s.Pc0 | s.Pc1 << 2 | s.Turn << 4);
        return 1;
    }

    public string FormatAction(in PetersonState state, int action) => $"p{action}:{state.Pc(action)}->{Next(state, action).Pc(action)}";
}
