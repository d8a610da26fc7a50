using System.Collections.Immutable;

namespace TcpModelCheck.Tcp.Schedules;

/// <summary>The result of <see cref="ScheduleShrinker.Minimize"/>.</summary>
/// <param name="Schedule">The smallest failing schedule found.</param>
/// <param name="Shrinks">How many times a smaller failing schedule was accepted.</param>
/// <param name="Runs">How many candidates were tried.</param>
/// <param name="LocalMinimum">True when no candidate of the result fails (it is 1-minimal); false when the run
/// budget ran out first.</param>
public sealed record ShrinkResult(Schedule Schedule, int Shrinks, int Runs, bool LocalMinimum);

/// <summary>
/// Shrinking for fault schedules: the smaller schedules to try instead of a failing one. Used as FsCheck's
/// shrinker and by <see cref="Minimize"/> (the same greedy loop FsCheck runs: take the first candidate that
/// still fails, repeat until none does).
/// </summary>
/// <remarks>
/// Every candidate is strictly smaller in the lexicographic order (length, faults, sum of selectors), so
/// shrinking always terminates:
/// <list type="number">
/// <item>remove steps: chunks of half the length, a quarter, …, one step, tail first (a violation usually
/// happens early, and everything after it is dead weight);</item>
/// <item>weaken faults: lose → deliver and dup → deliver with the same selector (crashes are only removed);</item>
/// <item>lower selectors: K → 0, K → K/2, K → K−1 (the first enabled action of a kind is the simplest).</item>
/// </list>
/// Because intents name a kind of action rather than a position in the action list, removing or weakening an
/// earlier step leaves the later steps meaning roughly the same thing, which is what lets shrinking make progress.
/// </remarks>
public static class ScheduleShrinker
{
    /// <summary>The candidates, most aggressive first, produced lazily.</summary>
    public static IEnumerable<Schedule> Candidates(Schedule schedule)
    {
        foreach (var s in Removals(schedule.Intents)) yield return s;
        foreach (var s in Weakenings(schedule.Intents)) yield return s;
        foreach (var s in SelectorReductions(schedule.Intents)) yield return s;
    }

    /// <summary>
    /// Greedily shrinks <paramref name="failing"/> while <paramref name="fails"/> still holds, trying at most
    /// <paramref name="maxRuns"/> candidates. <paramref name="fails"/> must hold for <paramref name="failing"/>.
    /// </summary>
    public static ShrinkResult Minimize(Schedule failing, Func<Schedule, bool> fails, int maxRuns = 200_000)
    {
        var current = failing;
        int shrinks = 0, runs = 0;
        while (true)
        {
            var improved = false;
            foreach (var candidate in Candidates(current))
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
    public static bool IsSmaller(Schedule smaller, Schedule larger) =>
        (smaller.Length, smaller.Faults, smaller.SelectorSum).CompareTo((larger.Length, larger.Faults, larger.SelectorSum)) < 0;

    private static IEnumerable<Schedule> Removals(ImmutableArray<Intent> intents)
    {
        var n = intents.Length;
        for (var size = Math.Max(1, n / 2); ; size /= 2)
        {
            for (var start = n - size; start > -size; start -= size)
            {
                var from = Math.Max(0, start);
                yield return new Schedule(intents.RemoveRange(from, start + size - from));
            }
            if (size == 1) yield break;
        }
    }

    private static IEnumerable<Schedule> Weakenings(ImmutableArray<Intent> intents)
    {
        for (var i = 0; i < intents.Length; i++)
            if (intents[i].Kind is IntentKind.Lose or IntentKind.Duplicate)
                yield return new Schedule(intents.SetItem(i, Intent.Deliver(intents[i].K)));
    }

    private static IEnumerable<Schedule> SelectorReductions(ImmutableArray<Intent> intents)
    {
        for (var i = 0; i < intents.Length; i++)
        {
            var k = intents[i].K;
            if (k == 0) continue;
            yield return new Schedule(intents.SetItem(i, intents[i] with { K = 0 }));
            if (k / 2 > 0) yield return new Schedule(intents.SetItem(i, intents[i] with { K = k / 2 }));
            if (k - 1 > k / 2) yield return new Schedule(intents.SetItem(i, intents[i] with { K = k - 1 }));
        }
    }
}
