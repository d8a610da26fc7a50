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

    /// <summary>
    /// <see cref="StrongTransitions"/> plus <b>time progress</b>: only executions in which time advances without
    /// bound count — every infinite execution takes one of the model's progress actions
    /// (<see cref="Property{TState, TAction}.Progress"/>, e.g. a clock tick) infinitely often. A model with a
    /// discrete clock can loop forever through actions that take no time (an exchange the clock must wait for);
    /// such a Zeno loop is an artifact of the discretisation, not a behaviour, since every real step takes time.
    /// Weak fairness on the progress actions would not remove it: strong fairness on every transition already
    /// implies it, and in such a loop the tick is never enabled — what is assumed is that time diverges.
    /// <para>On a finite graph a strongly fair infinite execution ends up looping through a whole bottom strongly
    /// connected component (BSCC), taking each of its edges infinitely often; so the property fails exactly when
    /// an execution can, before meeting Q (after a P-state, for leads-to), reach a state with no enabled action
    /// or a BSCC without Q-states that contains a progress edge. A BSCC without a progress edge is a
    /// <i>timelock</i>: no execution that time-progresses can stay there, and none can leave, so it has no
    /// admissible execution at all. It is not a counterexample; the check reports how many such traps were
    /// reachable without the goal, so the exclusion is never silent (<see cref="StrongTransitions"/> alone
    /// reports them as violations).</para>
    /// </summary>
    TimeProgress,
}

/// <summary>An invariant or witness judged from the bytes of a state's encoding.</summary>
public delegate bool EncodedStateCheck(ReadOnlySpan<byte> state);

/// <summary>An action property judged from the state, the action and the bytes of the successor's encoding.</summary>
public delegate bool EncodedEdgeCheck<in TState, in TAction>(TState from, TAction action, ReadOnlySpan<byte> to);

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

    /// <summary>For invariants and witnesses, optional: the same <see cref="Condition"/> judged on the state's encoding,
    /// which lets the fingerprint search check a new state without decoding it; must agree with <see cref="Condition"/>
    /// on every state (the engine compares the two on the first new states of a search).</summary>
    public EncodedStateCheck? EncodedCondition { get; private init; }

    /// <summary>For eventually and leads-to: the goal Q.</summary>
    public Func<TState, bool>? Goal { get; private init; }

    /// <summary>For action properties: must hold on every edge.</summary>
    public Func<TState, TAction, TState, bool>? Edge { get; private init; }

    /// <summary>For action properties, optional: the same check given the successor's encoding instead of the
    /// successor (see <see cref="IEncodedSuccessors{TState,TAction}"/>); must agree with <see cref="Edge"/> on every
    /// edge (the engine compares the two on the first edges of a search).</summary>
    public EncodedEdgeCheck<TState, TAction>? EncodedEdge { get; private init; }

    public Fairness Fairness { get; private init; } = Fairness.StrongTransitions;

    /// <summary>For <see cref="Fairness.TimeProgress"/>: whether taking the action in the state advances time (the
    /// model's clock tick). Null under <see cref="Fairness.StrongTransitions"/>.</summary>
    public Func<TState, TAction, bool>? Progress { get; private init; }

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

    /// <summary>An action property that can also be judged from the successor's encoding
    /// (<paramref name="holdsEncoded"/>, see <see cref="EncodedEdge"/>).</summary>
    public static Property<TState, TAction> ForEveryStep(string name, Func<TState, TAction, TState, bool> holds,
        EncodedEdgeCheck<TState, TAction> holdsEncoded, string description = "") =>
        new(name, PropertyKind.ActionProperty, description) { Edge = holds, EncodedEdge = holdsEncoded };

    public static Property<TState, TAction> Sometimes(string name, Func<TState, bool> witness, string description = "") =>
        new(name, PropertyKind.Reachable, description) { Condition = witness };

    /// <summary>An invariant that can also be judged on a state's encoding (<paramref name="holdsEncoded"/>, see
    /// <see cref="EncodedCondition"/>).</summary>
    public static Property<TState, TAction> Always(string name, Func<TState, bool> holds, EncodedStateCheck holdsEncoded,
        string description = "") =>
        new(name, PropertyKind.Invariant, description) { Condition = holds, EncodedCondition = holdsEncoded };

    /// <summary>A witness that can also be judged on a state's encoding (<paramref name="witnessEncoded"/>, see
    /// <see cref="EncodedCondition"/>).</summary>
    public static Property<TState, TAction> Sometimes(string name, Func<TState, bool> witness, EncodedStateCheck witnessEncoded,
        string description = "") =>
        new(name, PropertyKind.Reachable, description) { Condition = witness, EncodedCondition = witnessEncoded };

    /// <summary>"Eventually <paramref name="goal"/>" under <see cref="Fairness.StrongTransitions"/>
    /// (<see cref="AssumingTimeProgress"/> adds time progress).</summary>
    public static Property<TState, TAction> Eventually(string name, Func<TState, bool> goal, string description = "") =>
        new(name, PropertyKind.Eventually, description) { Goal = goal };

    /// <summary>"<paramref name="trigger"/> leads to <paramref name="goal"/>" under
    /// <see cref="Fairness.StrongTransitions"/> (<see cref="AssumingTimeProgress"/> adds time progress).</summary>
    public static Property<TState, TAction> LeadsTo(string name, Func<TState, bool> trigger, Func<TState, bool> goal,
        string description = "") =>
        new(name, PropertyKind.LeadsTo, description) { Condition = trigger, Goal = goal };

    /// <summary>This liveness property judged under <see cref="Fairness.TimeProgress"/>, with
    /// <paramref name="isProgress"/> naming the actions that advance time.</summary>
    public Property<TState, TAction> AssumingTimeProgress(Func<TState, TAction, bool> isProgress)
    {
        ArgumentNullException.ThrowIfNull(isProgress);
        if (!IsLiveness) throw new InvalidOperationException($"{Name} is not a liveness property: fairness does not apply");
        return new(Name, Kind, Description) { Condition = Condition, Goal = Goal, Fairness = Fairness.TimeProgress, Progress = isProgress };
    }

    public static Property<TState, TAction> NoDeadlock(string name = "no-deadlock", string description =
        "every reachable state has an enabled action or is terminal") =>
        new(name, PropertyKind.NoDeadlock, description);

    public override string ToString() => $"{Name} ({Kind})";
}
