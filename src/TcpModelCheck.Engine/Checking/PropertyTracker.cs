using TcpModelCheck.Engine.Model;

namespace TcpModelCheck.Engine.Checking;

/// <summary>
/// The selected properties of one search, split by kind, with what has been found so far: for each safety
/// property the first violation (as a state id, or an edge), for each witness the first witness state.
/// Shared by every strategy; a strategy only reports facts, the verdicts are derived here.
/// </summary>
internal sealed class PropertyTracker<TState, TAction> where TState : IEquatable<TState>
{
    public PropertyTracker(IModel<TState, TAction> model, IReadOnlyList<string>? names)
    {
        var all = model.Properties;
        if (names is null) Selected = all.ToArray();
        else
        {
            var list = new List<Property<TState, TAction>>();
            foreach (var n in names)
            {
                var p = all.FirstOrDefault(x => x.Name == n)
                    ?? throw new ArgumentException($"unknown property '{n}'; the model offers: {string.Join(", ", all.Select(x => x.Name))}");
                if (!list.Contains(p)) list.Add(p);
            }
            Selected = list.ToArray();
        }
        Invariants = Selected.Where(p => p.Kind == PropertyKind.Invariant).ToArray();
        Edges = Selected.Where(p => p.Kind == PropertyKind.ActionProperty).ToArray();
        Witnesses = Selected.Where(p => p.Kind == PropertyKind.Reachable).ToArray();
        Liveness = Selected.Where(p => p.IsLiveness).ToArray();
        Deadlock = Selected.FirstOrDefault(p => p.Kind == PropertyKind.NoDeadlock);
        Found = new Dictionary<Property<TState, TAction>, Finding>();
        RefreshPending();
    }

    public Property<TState, TAction>[] Selected { get; }
    public Property<TState, TAction>[] Invariants { get; }
    public Property<TState, TAction>[] Edges { get; }
    public Property<TState, TAction>[] Witnesses { get; }
    public Property<TState, TAction>[] Liveness { get; }
    public Property<TState, TAction>? Deadlock { get; }

    /// <summary>A violation (or, for witnesses, the witness): the path is the one to <c>StateId</c>, extended by
    /// one step of choice <c>EdgeChoice</c> for an action-property violation.</summary>
    public readonly record struct Finding(long StateId, int EdgeChoice = -1);

    public Dictionary<Property<TState, TAction>, Finding> Found { get; }

    public bool NeedsGraph => Liveness.Length > 0;

    /// <summary>The invariants not yet violated: what the hot loop checks on each new state. Replaced (never
    /// mutated) when a finding is recorded, so a worker reading it during a round sees a stable array.</summary>
    public Property<TState, TAction>[] PendingInvariants { get; private set; } = [];

    /// <summary>The action properties not yet violated: what the hot loop checks on each edge.</summary>
    public Property<TState, TAction>[] PendingEdges { get; private set; } = [];

    /// <summary>The witnesses not yet found.</summary>
    public Property<TState, TAction>[] PendingWitnesses { get; private set; } = [];

    /// <summary>The deadlock property while no deadlock has been found.</summary>
    public Property<TState, TAction>? PendingDeadlock { get; private set; }

    private void RefreshPending()
    {
        PendingInvariants = Invariants.Where(Pending).ToArray();
        PendingEdges = Edges.Where(Pending).ToArray();
        PendingWitnesses = Witnesses.Where(Pending).ToArray();
        PendingDeadlock = Deadlock is { } d && Pending(d) ? d : null;
    }

    /// <summary>Every safety property is violated and every witness found, and no liveness property is
    /// selected: nothing more can be learnt by searching on. Never true with no property selected (the search
    /// is then run for its statistics).</summary>
    public bool AllSettled => Liveness.Length == 0 && Selected.Length > 0 && Found.Count == Selected.Length;

    public bool Pending(Property<TState, TAction> p) => !Found.ContainsKey(p);

    public void Record(Property<TState, TAction> p, long stateId, int edgeChoice = -1)
    {
        if (Found.TryAdd(p, new(stateId, edgeChoice))) RefreshPending();
    }

    /// <summary>A finding reported by a worker during a parallel round, merged afterwards.</summary>
    public readonly record struct Candidate(Property<TState, TAction> Property, long StateId, int EdgeChoice);

    /// <summary>
    /// Merges the findings of one breadth-first round. For each property still pending it keeps the smallest
    /// (state id, choice): every finding of a round lies at the same depth (rounds never straddle levels), so
    /// any of them gives a shortest counterexample; taking the smallest makes the choice independent of how
    /// the workers interleaved. Workers only read <see cref="Pending"/> during a round and the coordinator
    /// writes between rounds, so no lock is needed.
    /// </summary>
    public void RecordEarliest(IEnumerable<Candidate> candidates)
    {
        Dictionary<Property<TState, TAction>, Finding>? best = null;
        foreach (var c in candidates)
        {
            if (!Pending(c.Property)) continue;
            best ??= new();
            if (!best.TryGetValue(c.Property, out var f) || (c.StateId, c.EdgeChoice).CompareTo((f.StateId, f.EdgeChoice)) < 0)
                best[c.Property] = new(c.StateId, c.EdgeChoice);
        }
        if (best is null) return;
        foreach (var (p, f) in best) Found.Add(p, f);
        RefreshPending();
    }
}
