using System.Collections.Immutable;
using TcpModelCheck.Engine.Simulation;

namespace TcpModelCheck.Engine.Schedules;

/// <summary>
/// The distribution random schedules are drawn from: how many intents, how often each kind (indexed by kind), and
/// the range of selectors. Shared by the SplitMix64 search (<see cref="RandomSchedules"/>) and the FsCheck generator
/// in the property suite, so both explore the same kind of runs. A model gives its default weights.
/// </summary>
public sealed record ScheduleShape
{
    /// <summary>Intents per schedule.</summary>
    public int Length { get; init; } = 100;

    /// <summary>Largest selector drawn (inclusive).</summary>
    public int MaxSelector { get; init; } = 15;

    /// <summary>Relative weight of each kind, indexed by kind; zero leaves a kind out.</summary>
    public required ImmutableArray<int> Weights { get; init; }

    /// <summary>One clear message per problem for a model of <paramref name="kinds"/> kinds; empty when the shape is usable.</summary>
    public IReadOnlyList<string> Validate(int kinds)
    {
        var p = new List<string>();
        if (Length < 0) p.Add($"schedule length: {Length} is negative");
        if (MaxSelector < 0) p.Add($"max selector: {MaxSelector} is negative");
        if (Weights.IsDefault || Weights.Length != kinds) p.Add($"weights: give one weight per intent kind ({kinds})");
        else if (Weights.Any(w => w < 0) || Weights.Sum() <= 0) p.Add("weights: must be non-negative with a positive sum");
        return p;
    }

    /// <summary>Draws one schedule of <see cref="Length"/> intents from <paramref name="rng"/>.</summary>
    public Schedule<TKind> Draw<TKind>(ScheduleKinds<TKind> kinds, ref SplitMix64 rng) where TKind : struct, Enum =>
        Draw(kinds, ref rng, Weights);

    /// <summary>Draws one schedule with other kind weights (swarm testing draws them per run).</summary>
    public Schedule<TKind> Draw<TKind>(ScheduleKinds<TKind> kinds, ref SplitMix64 rng, ImmutableArray<int> weights)
        where TKind : struct, Enum
    {
        var total = weights.Sum();
        var intents = new Intent<TKind>[Length];
        for (var i = 0; i < intents.Length; i++)
        {
            var kind = kinds.All[KindAt(weights, rng.NextInt(total))];
            intents[i] = new Intent<TKind>(kind, rng.NextInt(MaxSelector + 1));
        }
        return new Schedule<TKind>(kinds, intents);
    }

    /// <summary>The kind index whose cumulative weight band contains <paramref name="roll"/> (0 ≤ roll &lt; sum).</summary>
    private static int KindAt(ImmutableArray<int> weights, int roll)
    {
        for (var k = 0; k < weights.Length; k++)
        {
            roll -= weights[k];
            if (roll < 0) return k;
        }
        throw new ArgumentOutOfRangeException(nameof(roll));
    }
}
