using System.Collections.Immutable;
using TcpModelCheck.Engine.Simulation;

namespace TcpModelCheck.Tcp.Schedules;

/// <summary>
/// The distribution random schedules are drawn from: how many intents, how often each kind, and the range of
/// selectors. Shared by <see cref="RandomSchedules"/> (SplitMix64, the fast path behind <c>tcpmc simulate</c>)
/// and the FsCheck generator in the property suite, so both explore the same kind of runs.
/// </summary>
/// <remarks>
/// Why these default weights: delivery dominates because a connection needs about a dozen deliveries to open,
/// carry data and close; application calls and ticks come next (the workload and TIME-WAIT need several);
/// faults are rarer so that most runs still get far into the workload before the budgets are spent. An intent
/// whose kind is not enabled falls back to an ordinary step (see <see cref="ScheduleInterpreter{TState, TAction}"/>),
/// so no weight is ever wasted on an invalid choice. Selectors range over 0..<see cref="MaxSelector"/>: more
/// than the enabled actions of any one kind in the default budgets (segments in flight × ISN choices).
/// </remarks>
public sealed record ScheduleShape
{
    /// <summary>Intents per schedule (the "default length" of the throughput target).</summary>
    public int Length { get; init; } = 100;

    /// <summary>Largest selector drawn (inclusive).</summary>
    public int MaxSelector { get; init; } = 15;

    /// <summary>Relative weight of each kind, indexed by <see cref="IntentKind"/>; zero leaves a kind out.</summary>
    public ImmutableArray<int> Weights { get; init; } = [40, 8, 5, 14, 18, 8, 2, 6];

    public static ScheduleShape Default { get; } = new();

    /// <summary>One clear message per problem; empty when the shape is usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var p = new List<string>();
        if (Length < 0) p.Add($"schedule length: {Length} is negative");
        if (MaxSelector < 0) p.Add($"max selector: {MaxSelector} is negative");
        var kinds = Enum.GetValues<IntentKind>().Length;
        if (Weights.IsDefault || Weights.Length != kinds) p.Add($"weights: give one weight per intent kind ({kinds})");
        else if (Weights.Any(w => w < 0) || Weights.Sum() <= 0) p.Add("weights: must be non-negative with a positive sum");
        return p;
    }

    /// <summary>Draws one schedule of <see cref="Length"/> intents from <paramref name="rng"/>.</summary>
    public Schedule Draw(ref SplitMix64 rng)
    {
        var total = Weights.Sum();
        var intents = ImmutableArray.CreateBuilder<Intent>(Length);
        for (var i = 0; i < Length; i++)
        {
            var kind = KindAt(rng.NextInt(total));
            intents.Add(new Intent(kind, rng.NextInt(MaxSelector + 1)));
        }
        return new Schedule(intents.MoveToImmutable());
    }

    /// <summary>The kind whose cumulative weight band contains <paramref name="roll"/> (0 ≤ roll &lt; sum).</summary>
    private IntentKind KindAt(int roll)
    {
        for (var k = 0; k < Weights.Length; k++)
        {
            roll -= Weights[k];
            if (roll < 0) return (IntentKind)k;
        }
        throw new ArgumentOutOfRangeException(nameof(roll));
    }
}
