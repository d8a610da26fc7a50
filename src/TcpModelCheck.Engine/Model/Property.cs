namespace TcpModelCheck.Engine.Model;

/// <summary>The kinds of property the explorer checks.</summary>
public enum PropertyKind
{
    /// <summary>A predicate that must hold in every reachable state ("always").</summary>
    Invariant,
    /// <summary>A predicate that must hold on every reachable edge (state, action, next state).</summary>
    ActionProperty,
    /// <summary>A witness: at least one reachable state must satisfy it ("sometimes"); guards against vacuity.</summary>
    Reachable,
    /// <summary>"Eventually P", under the fairness stated in <see cref="Fairness"/>.</summary>
    Eventually,
    /// <summary>"P leads to Q": after every P-state, eventually a Q-state, under the stated fairness.</summary>
    LeadsTo,
    /// <summary>No reachable state without enabled actions, except those the model calls terminal.</summary>
    NoDeadlock,
}

/// <summary>
/// The fairness under which liveness (<see cref="PropertyKind.Eventually"/>, <see cref="PropertyKind.LeadsTo"/>)
/// is judged.
/// </summary>
public enum Fairness
{
    /// <summary>
    /// "Always possible" reading (CTL <c>AG EF Q</c>; for leads-to <c>AG (P → EF Q)</c>): from every reachable
    /// (P-)state some path reaches a Q-state. This is exactly "eventually Q on every path" when every choice
    /// that stays enabled infinitely often is eventually taken — strong fairness over all transitions of a
    /// finite graph. A violation is a path to a state from which Q is unreachable, plus the cycle or deadlock
    /// it is trapped in (a lasso).
    /// </summary>
    StrongTransitions,
}

/// <summary>
/// A named property of a model: data, not code paths, so checkers and the CLI can select it by name.
/// Build one with the static factories (<see cref="Always"/>, <see cref="Sometimes"/>, ...).
/// </summary>
public sealed class Property<TState, TAction>
{
    private Property(string name, PropertyKind kind, string description)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("A property needs a name.", nameof(name));
        Name = name;
        Kind = kind;
        Description = description;
    }

    public string Name { get; }
    public PropertyKind Kind { get; }
    public string Description { get; }

    /// <summary>Invariant / witness predicate; for leads-to, the trigger P.</summary>
    public Func<TState, bool>? Condition { get; private init; }

    /// <summary>For eventually and leads-to: the goal Q.</summary>
    public Func<TState, bool>? Goal { get; private init; }

    /// <summary>For action properties: must hold on every edge.</summary>
    public Func<TState, TAction, TState, bool>? Edge { get; private init; }

    public Fairness Fairness { get; private init; } = Fairness.StrongTransitions;

    public bool IsSafety => Kind is PropertyKind.Invariant or PropertyKind.ActionProperty or PropertyKind.NoDeadlock;
    public bool IsLiveness => Kind is PropertyKind.Eventually or PropertyKind.LeadsTo;

    /// <summary>For eventually and leads-to: whether <paramref name="state"/> starts an obligation to reach the goal
    /// — the trigger P for leads-to, being an initial state for eventually. The one definition the liveness check
    /// (its seeds) and <c>Reproducer</c> (its lasso judgement) share.</summary>
    public bool Triggers(TState state, bool initial) => Kind == PropertyKind.Eventually ? initial : Condition!(state);

    public static Property<TState, TAction> Always(string name, Func<TState, bool> holds, string description = "") =>
        new(name, PropertyKind.Invariant, description) { Condition = holds };

    public static Property<TState, TAction> ForEveryStep(string name, Func<TState, TAction, TState, bool> holds, string description = "") =>
        new(name, PropertyKind.ActionProperty, description) { Edge = holds };

    public static Property<TState, TAction> Sometimes(string name, Func<TState, bool> witness, string description = "") =>
        new(name, PropertyKind.Reachable, description) { Condition = witness };

    public static Property<TState, TAction> Eventually(string name, Func<TState, bool> goal, string description = "",
        Fairness fairness = Fairness.StrongTransitions) =>
        new(name, PropertyKind.Eventually, description) { Goal = goal, Fairness = fairness };

    public static Property<TState, TAction> LeadsTo(string name, Func<TState, bool> trigger, Func<TState, bool> goal,
        string description = "", Fairness fairness = Fairness.StrongTransitions) =>
        new(name, PropertyKind.LeadsTo, description) { Condition = trigger, Goal = goal, Fairness = fairness };

    public static Property<TState, TAction> NoDeadlock(string name = "no-deadlock", string description =
        "every reachable state has an enabled action or is terminal") =>
        new(name, PropertyKind.NoDeadlock, description);

    public override string ToString() => $"{Name} ({Kind})";
}
