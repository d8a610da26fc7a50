using TcpModelCheck.Engine.Model;

namespace TcpModelCheck.Engine.Tests.Models;

/// <summary>Litres in the small and the big jug.</summary>
public readonly record struct Jugs(int Small, int Big);

public enum JugAction { FillSmall, FillBig, EmptySmall, EmptyBig, PourSmallIntoBig, PourBigIntoSmall }

/// <summary>
/// The Die Hard 3 puzzle: with a 3-litre and a 5-litre jug and a tap, measure exactly 4 litres. Its known
/// shortest solution has 6 steps: fill big (0,5), pour big→small (3,2), empty small (0,2), pour big→small
/// (2,0), fill big (2,5), pour big→small (3,4). Starting with the small jug instead needs 8.
/// <para>
/// Reachable states: after any step at least one jug is empty or full, and with coprime capacities every such
/// state is reachable — (small ∈ {0,3}, any big) 12 + (small ∈ {1,2}, big ∈ {0,5}) 4 = 16 states. The
/// farthest are (0,4) (the 6-step solution, then empty the small jug) and (3,1), 7 steps away (measured by
/// hand and by the naive search in the tests).
/// </para>
/// Only actions that change the state are enabled, so the state graph has no self-loops.
/// </summary>
public sealed class WaterJugsModel(int smallCapacity = 3, int bigCapacity = 5, int target = 4) : IModel<Jugs, JugAction>
{
    public string Name => "water-jugs";

    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["small"] = smallCapacity.ToString(),
        ["big"] = bigCapacity.ToString(),
        ["target"] = target.ToString(),
    };

    public IReadOnlyList<Jugs> InitialStates { get; } = [new Jugs(0, 0)];

    public void Actions(in Jugs state, List<JugAction> actions)
    {
        foreach (var a in Enum.GetValues<JugAction>())
            if (Next(state, a) != state) actions.Add(a);
    }

    public Jugs Next(in Jugs s, JugAction action) => action switch
    {
        JugAction.FillSmall => s with { Small = smallCapacity },
        JugAction.FillBig => s with { Big = bigCapacity },
        JugAction.EmptySmall => s with { Small = 0 },
        JugAction.EmptyBig => s with { Big = 0 },
        JugAction.PourSmallIntoBig => Pour(s, Math.Min(s.Small, bigCapacity - s.Big)),
        JugAction.PourBigIntoSmall => Pour(s, -Math.Min(s.Big, smallCapacity - s.Small)),
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    /// <summary>Moves <paramref name="litres"/> from the small into the big jug (negative: the other way). The
    /// callers pour until the source is empty or the destination full.</summary>
    private static Jugs Pour(Jugs s, int litres) => new(s.Small - litres, s.Big + litres);

    public bool IsTerminal(in Jugs state) => false;

    public IReadOnlyList<Property<Jugs, JugAction>> Properties =>
    [
        Property<Jugs, JugAction>.Always("no-target", s => s.Big != target,
            "the big jug never holds the target amount: its counterexample is the puzzle's solution"),
        Property<Jugs, JugAction>.Sometimes("target-reachable", s => s.Big == target),
        Property<Jugs, JugAction>.Sometimes("two-and-two", s => s is { Small: 2, Big: 2 },
            "unreachable: after any step one jug is empty or full"),
        Property<Jugs, JugAction>.ForEveryStep("pouring-keeps-water",
            (s, a, t) => a is not (JugAction.PourSmallIntoBig or JugAction.PourBigIntoSmall) || s.Small + s.Big == t.Small + t.Big),
        Property<Jugs, JugAction>.NoDeadlock(),
    ];

    public int MaxEncodedLength => 2;

    public int Encode(in Jugs state, Span<byte> destination)
    {
        destination[0] = (byte)state.Small;
        destination[1] = (byte)state.Big;
        return 2;
    }
}
