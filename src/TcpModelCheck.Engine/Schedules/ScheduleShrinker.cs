using System.Collections.Immutable;

namespace TcpModelCheck.Engine.Schedules;

/// <summary>The result of <see cref="ScheduleShrinker.Minimize"/>.</summary>
/// <param name="Schedule">The smallest failing schedule found.</param>
/// <param name="Shrinks">How many times a smaller failing schedule was accepted.</param>
/// <param name="Runs">How many candidates were tried.</param>
/// <param name="LocalMinimum">True when no candidate of the result fails (it is 1-minimal); false when the run
/// budget ran out first.</param>
public sealed record ShrinkResult<TKind>(Schedule<TKind> Schedule, int Shrinks, int Runs, bool LocalMinimum) where TKind : struct, Enum;

/// <summary>
/// Shrinking for fault schedules: the smaller schedules to try instead of a failing one. Used as FsCheck's
/// shrinker and by <see cref="Minimize"/> (the same greedy loop FsCheck runs: take the first candidate that
/// still fails, repeat until none does). The result is 1-minimal — no single candidate step makes it smaller
/// and still failing — which is not always the shortest failing schedule (see the property suite for how far
/// from the explorer's shortest counterexamples it lands).
/// </summary>
/// <remarks>
/// Every candidate is strictly smaller in the lexicographic order (length, faults, sum of selectors), so
/// shrinking always terminates. The candidates, in the order tried:
/// <list type="number">
/// <item>the canonical form (when a <c>canonical</c> function is given, see
/// <see cref="ScheduleInterpreter{TState, TAction, TKind}.Canonical"/>): the same run with every unused, skipped or
/// fallback intent replaced by what actually happened — it always fails when the original does, and it makes
/// the later removals mean "leave this action out";</item>
/// <item>remove steps: chunks of half the length, a quarter, …, one step, tail first (a violation usually
/// happens early, and everything after it is dead weight);</item>
/// <item>remove any contiguous range of steps, for schedules of at most <see cref="RangeLimit"/> steps, longest
/// first: a whole phase such as one connection of the reconnect workload goes at once;</item>
/// <item>remove two steps at once, for schedules of at most <see cref="PairLimit"/> steps: escapes the local
/// minima where an action and the one that reacts to it can only go together;</item>
/// <item>remove one step and move one later selector by ±1 (same length limit): removing an action often shifts
/// a later action's rank among its kind by one, e.g. one segment fewer in flight;</item>
/// <item>weaken faults: a fault becomes each of the model's milder kinds (<see cref="ScheduleKinds{TKind}.Milder"/>)
/// with the same selector;</item>
/// <item>lower selectors: K → 0, K → K/2, K → K−1 (the first enabled action of a kind is the simplest).</item>
/// </list>
/// </remarks>
public static class ScheduleShrinker
{
    /// <summary>Schedules up to this length also get every contiguous range removed (quadratic in the length).</summary>
    public const int RangeLimit = 120;

    /// <summary>Schedules up to this length also get the pair-removal and shift candidates (quadratic in the length).</summary>
    public const int PairLimit = 40;

    /// <summary>The candidates, most aggressive first, produced lazily. <paramref name="canonical"/>, when given,
    /// maps a schedule to its canonical form on the model under test.</summary>
    public static IEnumerable<Schedule<TKind>> Candidates<TKind>(Schedule<TKind> schedule, Func<Schedule<TKind>, Schedule<TKind>>? canonical = null)
        where TKind : struct, Enum
    {
        if (canonical?.Invoke(schedule) is { } c && !c.Equals(schedule)) yield return c;
        var intents = schedule.Intents;
        foreach (var s in Removals(intents)) yield return schedule.With(s);
        if (intents.Length <= RangeLimit) foreach (var s in RangeRemovals(intents)) yield return schedule.With(s);
        if (intents.Length <= PairLimit)
        {
            foreach (var s in PairRemovals(intents)) yield return schedule.With(s);
            foreach (var s in RemovalsWithShift(intents)) yield return schedule.With(s);
        }
        foreach (var s in Weakenings(intents, schedule.Kinds)) yield return schedule.With(s);
        foreach (var s in SelectorReductions(intents)) yield return schedule.With(s);
    }

    /// <summary>
    /// Greedily shrinks <paramref name="failing"/> while <paramref name="fails"/> still holds, trying at most
    /// <paramref name="maxRuns"/> candidates. <paramref name="fails"/> must hold for <paramref name="failing"/>.
    /// </summary>
    public static ShrinkResult<TKind> Minimize<TKind>(Schedule<TKind> failing, Func<Schedule<TKind>, bool> fails,
        Func<Schedule<TKind>, Schedule<TKind>>? canonical = null, int maxRuns = 200_000) where TKind : struct, Enum
    {
        var current = failing;
        int shrinks = 0, runs = 0;
        while (true)
        {
            var improved = false;
            foreach (var candidate in Candidates(current, canonical))
            {
                if (runs == maxRuns) return new(current, shrinks, runs, false);
                runs++;
                if (!fails(candidate)) continue;
                current = candidate;
                shrinks++;
                improved = true;
                break;
            }
            if (!improved) return new(current, shrinks, runs, true);
        }
    }

    /// <summary>True when <paramref name="smaller"/> comes strictly before <paramref name="larger"/> in the
    /// shrinking order (length, then faults, then the sum of selectors).</summary>
    public static bool IsSmaller<TKind>(Schedule<TKind> smaller, Schedule<TKind> larger) where TKind : struct, Enum =>
        (smaller.Length, smaller.Faults, smaller.SelectorSum).CompareTo((larger.Length, larger.Faults, larger.SelectorSum)) < 0;

    private static IEnumerable<ImmutableArray<Intent<TKind>>> Removals<TKind>(ImmutableArray<Intent<TKind>> intents) where TKind : struct, Enum
    {
        var n = intents.Length;
        for (var size = Math.Max(1, n / 2); ; size /= 2)
        {
            for (var start = n - size; start > -size; start -= size)
            {
                var from = Math.Max(0, start);
                yield return (intents.RemoveRange(from, start + size - from));
            }
            if (size == 1) yield break;
        }
    }

    /// <summary>Every contiguous range of two or more steps, longest first, tail first: removes a whole phase
    /// (e.g. one connection of a reconnect workload) wherever it starts, which halving chunks rarely line up with.</summary>
    private static IEnumerable<ImmutableArray<Intent<TKind>>> RangeRemovals<TKind>(ImmutableArray<Intent<TKind>> intents) where TKind : struct, Enum
    {
        for (var size = intents.Length - 1; size >= 2; size--)
            for (var start = intents.Length - size; start >= 0; start--)
                yield return (intents.RemoveRange(start, size));
    }

    private static IEnumerable<ImmutableArray<Intent<TKind>>> PairRemovals<TKind>(ImmutableArray<Intent<TKind>> intents) where TKind : struct, Enum
    {
        for (var j = intents.Length - 1; j > 0; j--)
            for (var i = j - 1; i >= 0; i--)
                yield return (intents.RemoveAt(j).RemoveAt(i));
    }

    /// <summary>Remove one step and move a later step's selector by one: removing an action often shifts the
    /// rank of a later action among its kind by one (one segment fewer or more in flight).</summary>
    private static IEnumerable<ImmutableArray<Intent<TKind>>> RemovalsWithShift<TKind>(ImmutableArray<Intent<TKind>> intents) where TKind : struct, Enum
    {
        for (var i = intents.Length - 1; i >= 0; i--)
        {
            var removed = intents.RemoveAt(i);
            for (var j = i; j < removed.Length; j++)
            {
                if (removed[j].K > 0) yield return (removed.SetItem(j, removed[j] with { K = removed[j].K - 1 }));
                yield return (removed.SetItem(j, removed[j] with { K = removed[j].K + 1 }));
            }
        }
    }

    private static IEnumerable<ImmutableArray<Intent<TKind>>> Weakenings<TKind>(ImmutableArray<Intent<TKind>> intents, ScheduleKinds<TKind> kinds)
        where TKind : struct, Enum
    {
        for (var i = 0; i < intents.Length; i++)
        {
            if (!kinds.IsFault(intents[i].Kind)) continue;
            foreach (var kind in kinds.Milder) yield return (intents.SetItem(i, intents[i] with { Kind = kind }));
        }
    }

    private static IEnumerable<ImmutableArray<Intent<TKind>>> SelectorReductions<TKind>(ImmutableArray<Intent<TKind>> intents) where TKind : struct, Enum
    {
        for (var i = 0; i < intents.Length; i++)
        {
            var k = intents[i].K;
            if (k == 0) continue;
            yield return (intents.SetItem(i, intents[i] with { K = 0 }));
            if (k / 2 > 0) yield return (intents.SetItem(i, intents[i] with { K = k / 2 }));
            if (k - 1 > k / 2) yield return (intents.SetItem(i, intents[i] with { K = k - 1 }));
        }
    }
}
