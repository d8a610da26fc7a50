using TcpModelCheck.Engine.Paths;

namespace TcpModelCheck.Engine.Schedules;

/// <summary>
/// Feeds a <see cref="Schedule{TKind}"/> to the path runner: each intent names a kind of action and a selector.
/// </summary>
/// <remarks>
/// How an intent picks an action, in a state whose enabled actions are listed in the model's order:
/// <list type="number">
/// <item>If some enabled actions are of the intent's kind, take the <c>K mod n</c>-th of those n.</item>
/// <item>Otherwise (fallback) take the <c>K mod m</c>-th of the m enabled ordinary (non-fault) actions: the run keeps
/// moving, and a fault whose budget is spent degrades to an ordinary step instead of being an invalid choice.</item>
/// <item>If no ordinary action is enabled either, the intent is skipped (no step) and the next one is tried.</item>
/// <item>If no action at all is enabled, or the intents are used up, the run ends.</item>
/// </list>
/// Every schedule is therefore valid. Not thread-safe; reuse one instance per thread with <see cref="Reset"/>.
/// </remarks>
public sealed class ScheduleChooser<TState, TAction, TKind>(ScheduleKinds<TKind> kinds, Func<TAction, TKind> classify)
    : IChooser<TState, TAction> where TKind : struct, Enum
{
    private readonly List<Intent<TKind>> _taken = [];
    private Schedule<TKind>? _schedule;
    private TKind[] _classified = new TKind[16];

    /// <summary>Intents consumed so far (skipped ones included).</summary>
    public int Used { get; private set; }

    /// <summary>For each step taken, the intent that names its action directly: its own kind, and its rank among
    /// the enabled actions of that kind.</summary>
    public IReadOnlyList<Intent<TKind>> Taken => _taken;

    /// <summary>Starts over with <paramref name="schedule"/>.</summary>
    public ScheduleChooser<TState, TAction, TKind> Reset(Schedule<TKind> schedule)
    {
        _schedule = schedule;
        _taken.Clear();
        Used = 0;
        return this;
    }

    public int Choose(in TState state, IReadOnlyList<TAction> enabled, int step)
    {
        var intents = _schedule!.Intents;
        var n = enabled.Count;
        if (n == 0) return Chooser.Stop;
        if (_classified.Length < n) _classified = new TKind[Math.Max(n, 2 * _classified.Length)];
        for (var i = 0; i < n; i++) _classified[i] = classify(enabled[i]);
        while (Used < intents.Length)
        {
            var choice = Pick(intents[Used++], n);
            if (choice < 0) continue;
            _taken.Add(new Intent<TKind>(_classified[choice], Rank(choice)));
            return choice;
        }
        return Chooser.Stop;
    }

    /// <summary>The index among the <paramref name="n"/> classified actions that <paramref name="intent"/> picks, or -1
    /// to skip it.</summary>
    private int Pick(Intent<TKind> intent, int n)
    {
        int matching = 0, ordinary = 0;
        for (var i = 0; i < n; i++)
        {
            if (EqualityComparer<TKind>.Default.Equals(_classified[i], intent.Kind)) matching++;
            if (!kinds.IsFault(_classified[i])) ordinary++;
        }
        if (matching > 0) return Nth(intent.K % matching, intent.Kind, n);
        return ordinary > 0 ? Nth(intent.K % ordinary, null, n) : -1;
    }

    /// <summary>The index of the <paramref name="target"/>-th action of <paramref name="kind"/> (null: of any ordinary
    /// kind) among the first <paramref name="n"/> classified actions.</summary>
    private int Nth(int target, TKind? kind, int n)
    {
        for (var i = 0; i < n; i++)
            if ((kind is { } k ? EqualityComparer<TKind>.Default.Equals(_classified[i], k) : !kinds.IsFault(_classified[i])) && target-- == 0)
                return i;
        throw new InvalidOperationException("unreachable: the target was counted among the actions");
    }

    /// <summary>How many enabled actions before <paramref name="choice"/> are of its kind.</summary>
    private int Rank(int choice)
    {
        var rank = 0;
        for (var i = 0; i < choice; i++)
            if (EqualityComparer<TKind>.Default.Equals(_classified[i], _classified[choice])) rank++;
        return rank;
    }
}
