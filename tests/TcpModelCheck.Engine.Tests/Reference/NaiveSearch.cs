using TcpModelCheck.Engine.Model;

namespace TcpModelCheck.Engine.Tests.Reference;

/// <summary>
/// A deliberately naive explicit-state search, independent of the engine's code: a hash set, a FIFO queue and
/// nothing else. The tests compare the engine's state counts, verdicts and counterexample lengths against it.
/// It is quadratic where it is convenient to be (per-state reachability), so use it on small models only.
/// </summary>
public sealed class NaiveSearch<TState, TAction> where TState : IEquatable<TState>
{
    private readonly IModel<TState, TAction> _model;

    public NaiveSearch(IModel<TState, TAction> model)
    {
        _model = model;
        Distance = new Dictionary<TState, int>();
        var queue = new Queue<TState>();
        foreach (var s in model.InitialStates)
            if (Distance.TryAdd(s, 0)) queue.Enqueue(s);
        while (queue.Count > 0)
        {
            var s = queue.Dequeue();
            foreach (var t in Successors(s))
            {
                Transitions++;
                if (Distance.TryAdd(t, Distance[s] + 1)) queue.Enqueue(t);
            }
        }
    }

    /// <summary>Every reachable state with its shortest distance (in steps) from an initial state.</summary>
    public Dictionary<TState, int> Distance { get; }

    /// <summary>Number of (state, action) pairs over all reachable states.</summary>
    public long Transitions { get; }

    public IEnumerable<TState> Reachable => Distance.Keys;

    public List<TAction> ActionsOf(TState s)
    {
        var actions = new List<TAction>();
        _model.Actions(s, actions);
        return actions;
    }

    public IEnumerable<TState> Successors(TState s) => ActionsOf(s).Select(a => _model.Next(s, a));

    public bool IsDeadlock(TState s) => ActionsOf(s).Count == 0 && !_model.IsTerminal(s);

    /// <summary>Length of the shortest path to a state satisfying <paramref name="bad"/>, or null if none is reachable.</summary>
    public int? ShortestTo(Func<TState, bool> bad) =>
        Distance.Where(kv => bad(kv.Key)).Select(kv => (int?)kv.Value).Min();

    /// <summary>Length of the shortest path whose last edge violates <paramref name="edgeOk"/>, or null.</summary>
    public int? ShortestEdgeTo(Func<TState, TAction, TState, bool> edgeOk) =>
        Distance.Where(kv => ActionsOf(kv.Key).Any(a => !edgeOk(kv.Key, a, _model.Next(kv.Key, a))))
            .Select(kv => (int?)(kv.Value + 1)).Min();

    /// <summary>True when some state satisfying <paramref name="goal"/> is reachable from <paramref name="from"/> (itself included).</summary>
    public bool CanReach(TState from, Func<TState, bool> goal) =>
        Explore([from], _ => true).Any(goal);

    /// <summary>
    /// The liveness reference, stated directly from its definition (strong fairness over all transitions): the
    /// property fails when from some seed (an initial state for "eventually", a reachable trigger state for
    /// "leads to") a path through non-goal states reaches a state from which no goal state is reachable. Under time
    /// progress (<see cref="Fairness.TimeProgress"/>), a state that ends such an execution (<see cref="EndsFairTimedRun"/>).
    /// </summary>
    public bool LivenessFails(Property<TState, TAction> property)
    {
        var goal = property.Goal!;
        return Unanswered(property).Any(s => property.Fairness == Fairness.TimeProgress
            ? EndsFairTimedRun(s, property)
            : !CanReach(s, goal));
    }

    /// <summary>The states some execution reaches from a seed (an initial state for "eventually", a reachable
    /// trigger for "leads to") without meeting the goal, the seed included.</summary>
    public HashSet<TState> Unanswered(Property<TState, TAction> property)
    {
        var goal = property.Goal!;
        var seeds = property.Kind == PropertyKind.Eventually
            ? _model.InitialStates
            : Reachable.Where(s => property.Condition!(s)).ToList();
        return Explore(seeds.Where(s => !goal(s)), s => !goal(s));
    }

    /// <summary>
    /// The time-progress reference, from its definition: an execution that is strongly fair on every transition
    /// either stops in a state with no enabled action, or visits infinitely often exactly the states reachable from
    /// one of them, <paramref name="s"/> — all of which reach <paramref name="s"/> back (a bottom component) — and
    /// takes each of their edges infinitely often; time progresses when one of those edges is a progress action.
    /// True when <paramref name="s"/> can end such an execution with no goal state in its infinite part.
    /// </summary>
    public bool EndsFairTimedRun(TState s, Property<TState, TAction> property)
    {
        if (ActionsOf(s).Count == 0) return true;
        var bottom = Explore([s], _ => true);
        return !bottom.Any(property.Goal!)
            && bottom.All(t => CanReach(t, u => u.Equals(s)))
            && bottom.Any(t => ActionsOf(t).Any(a => property.Progress!(t, a)));
    }

    /// <summary>The bottom components with edges but no progress action (timelocks) that contain a state of
    /// <see cref="Unanswered"/>: each as its set of states.</summary>
    public List<HashSet<TState>> TimelocksMet(Property<TState, TAction> property)
    {
        var found = new List<HashSet<TState>>();
        foreach (var s in Unanswered(property))
        {
            if (ActionsOf(s).Count == 0 || found.Any(b => b.Contains(s))) continue;
            var bottom = Explore([s], _ => true);
            if (bottom.All(t => CanReach(t, u => u.Equals(s))) && !bottom.Any(property.Goal!)
                && !bottom.Any(t => ActionsOf(t).Any(a => property.Progress!(t, a))))
                found.Add(bottom);
        }
        return found;
    }

    /// <summary>States reachable from <paramref name="start"/> through states satisfying <paramref name="through"/>
    /// (the start states are assumed to satisfy it; successors that do not are not entered).</summary>
    public HashSet<TState> Explore(IEnumerable<TState> start, Func<TState, bool> through)
    {
        var seen = new HashSet<TState>(start);
        var stack = new Stack<TState>(seen);
        while (stack.Count > 0)
            foreach (var t in Successors(stack.Pop()))
                if (through(t) && seen.Add(t)) stack.Push(t);
        return seen;
    }
}
