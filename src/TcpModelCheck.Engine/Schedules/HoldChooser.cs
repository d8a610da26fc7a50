using TcpModelCheck.Engine.Model;
using TcpModelCheck.Engine.Paths;
using TcpModelCheck.Engine.Simulation;

namespace TcpModelCheck.Engine.Schedules;

/// <summary>
/// Random choice with random holds ("delay this event until k other events", the idea behind PCT's priority
/// change points, Burckhardt et al., ASPLOS 2010): each distinct action of a held kind
/// (<see cref="ScheduleKinds{TKind}.IsHeld"/>: in the TCP model a delivery) — told apart by its label, so in the TCP
/// model each segment in flight, a late one apart from a fresh one, and a segment of a later connection that
/// repeats an earlier one shares its label and its hold — is held back, when first seen, for a random number of
/// steps with probability one third. Actions of other kinds (a tick, a timeout, an application call) are never
/// held: their labels recur all run long, and holding one by its label stops time, the timers or the workload for
/// the length of the hold. Measured (strategy benchmark <c>--rate 200000</c>, no-stale-data on
/// no-time-wait/reconnect, violating runs among 200,000 from seed 1): priority with holds on every kind 1 in 400,
/// with holds on deliveries only 1 in 178; hold 1 in 858 and 1 in 654. A step draws a kind by the shape's weights and takes a uniformly
/// chosen action of that kind that is not held; when none is free it falls back to any free ordinary action, then to
/// any free action, then to the held ones (a hold never stops a run). Uniform choice delivers an old segment within a
/// few steps of its sending almost every time; a hold keeps some of them in flight across a close and a reconnect.
/// Records the intents it took, so each run is also a replayable, shrinkable <see cref="Schedule{TKind}"/>.
/// <para>With <c>priorities</c> (the <see cref="ScheduleStrategy.Priority"/> strategy) each distinct action also gets a
/// random priority when first seen, fixed for the rest of the run, and a step takes the free action of highest priority
/// among those it would otherwise choose from uniformly — PCT's fixed random priorities (Burckhardt et al.), with the
/// holds as its change points. The choices of one run become correlated: an action that recurs under the same label
/// (the same call with the same argument, the same segment resent) wins or loses every time, where uniform choice
/// flips a coin each time. A bug that needs a later incarnation to repeat an earlier one's choices (an identifier,
/// an initial sequence number or a port reused across a reconnect, a restart or a retry — the old-duplicate hazard of
/// RFC 9293 §3.4.1 is one case) is then found once per few runs instead of once per 2^k for k such choices, and
/// schedule orders that uniform choice makes unlikely (one segment always overtaking another) become as likely as
/// any other order.</para>
/// </summary>
public sealed class HoldChooser<TState, TAction, TKind>(IModel<TState, TAction> model, ScheduleKinds<TKind> kinds,
    Func<TAction, TKind> classify, ScheduleShape shape, bool priorities = false) : IChooser<TState, TAction> where TState : IEquatable<TState> where TKind : struct, Enum
{
    private readonly Dictionary<string, int> _freeAt = [];
    private readonly Dictionary<string, int> _priority = [];
    private int[] _priorityOf = new int[16];
    private readonly List<Intent<TKind>> _taken = [];
    private readonly List<int> _candidates = [];
    private TKind[] _classified = new TKind[16];
    private bool[] _free = new bool[16];
    private SplitMix64 _rng;

    /// <summary>For each step taken, the intent that names its action directly (its kind and rank among the enabled
    /// actions of that kind): the run as a schedule.</summary>
    public IReadOnlyList<Intent<TKind>> Taken => _taken;

    /// <summary>Starts a run from <paramref name="seed"/>.</summary>
    public HoldChooser<TState, TAction, TKind> Reset(ulong seed)
    {
        _rng = new SplitMix64(seed);
        _freeAt.Clear();
        _priority.Clear();
        _taken.Clear();
        return this;
    }

    public int Choose(in TState state, IReadOnlyList<TAction> enabled, int step)
    {
        var n = enabled.Count;
        if (n == 0 || step > shape.Length) return Chooser.Stop;
        if (_classified.Length < n) { _classified = new TKind[2 * n]; _free = new bool[2 * n]; _priorityOf = new int[2 * n]; }
        for (var i = 0; i < n; i++)
        {
            _classified[i] = classify(enabled[i]);
            var label = model.FormatAction(state, enabled[i]);
            if (!_freeAt.TryGetValue(label, out var at))
                _freeAt[label] = at = kinds.IsHeld(_classified[i]) ? Hold(step) : step;
            _free[i] = at <= step;
            if (!priorities) continue;
            if (!_priority.TryGetValue(label, out var p)) _priority[label] = p = _rng.NextInt(int.MaxValue);
            _priorityOf[i] = p;
        }
        var kind = DrawKind();
        var choice = Pick(n, i => _free[i] && Same(_classified[i], kind));
        if (choice < 0) choice = Pick(n, i => _free[i] && !kinds.IsFault(_classified[i]));
        if (choice < 0) choice = Pick(n, i => _free[i]);
        if (choice < 0) choice = Pick(n, i => !kinds.IsFault(_classified[i]));
        if (choice < 0) choice = Pick(n, _ => true);
        var rank = 0;
        for (var i = 0; i < choice; i++) if (Same(_classified[i], _classified[choice])) rank++;
        _taken.Add(new Intent<TKind>(_classified[choice], rank));
        return choice;
    }

    /// <summary>The step from which an action first seen at <paramref name="step"/> may be taken: with probability
    /// 1/3 a hold of 1 to the shape's length steps, else at once. Measured (strategy benchmark, schedules to the first
    /// no-stale-data on no-time-wait/reconnect, median over seeds 1..45): 1/3 343, 1/4 555; holding half of them, or
    /// holds of at most 10, 20 or 40 steps, or a hold probability drawn per run needed more (README-schedules).</summary>
    private int Hold(int step) => _rng.NextInt(3) != 0 ? step : step + 1 + _rng.NextInt(Math.Max(1, shape.Length));

    private static bool Same(TKind a, TKind b) => EqualityComparer<TKind>.Default.Equals(a, b);

    private TKind DrawKind()
    {
        var roll = _rng.NextInt(shape.Weights.Sum());
        for (var k = 0; k < shape.Weights.Length; k++)
            if ((roll -= shape.Weights[k]) < 0) return kinds.All[k];
        throw new InvalidOperationException("unreachable: the roll is below the sum of the weights");
    }

    /// <summary>Among the first <paramref name="n"/> actions that pass <paramref name="ok"/>, the one of highest priority
    /// (with priorities) or a uniformly chosen one; -1 when none passes.</summary>
    private int Pick(int n, Func<int, bool> ok)
    {
        _candidates.Clear();
        for (var i = 0; i < n; i++) if (ok(i)) _candidates.Add(i);
        if (_candidates.Count == 0) return -1;
        if (!priorities) return _candidates[_rng.NextInt(_candidates.Count)];
        var best = _candidates[0];
        foreach (var c in _candidates) if (_priorityOf[c] > _priorityOf[best]) best = c;
        return best;
    }
}
