using TcpModelCheck.Engine.Model;
using TcpModelCheck.Engine.Paths;
using TcpModelCheck.Engine.Traces;
using TcpModelCheck.Tcp;

namespace TcpModelCheck.Explorer.Paths;

/// <summary>What one property says about a walked path.</summary>
/// <param name="Status">"holds" (an invariant or step property true on every state and step so far), "violated",
/// "reached" (a witness or an eventually-goal met at <paramref name="Step"/>), "not-reached", "pending" (a leads-to
/// trigger at <paramref name="Step"/> without its goal after it) or "met".</param>
/// <param name="Step">The step the status refers to: the first violating step, the first step reaching the
/// witness or goal, the pending trigger; null when none.</param>
/// <param name="Decided">False for liveness (eventually, leads-to): one finite path cannot settle it, a search
/// ("find from here") can.</param>
public sealed record PropertyStatus(string Name, PropertyKind Kind, string Description, string Status, int? Step, bool Decided);

/// <summary>
/// Evaluates every property of the model on a walked path with the engine's own judgement, so the page cannot
/// disagree with <c>tcpmc replay</c>: safety properties (invariants on every state, the initial one being step 0;
/// step properties on every edge; no-deadlock at a last state with no enabled action) and witnesses through
/// <see cref="Reproducer"/>, liveness by the liveness checker's triggers and goals
/// (<see cref="Property{TState, TAction}.Triggers"/>).
/// </summary>
public static class PathProperties
{
    public static IReadOnlyList<PropertyStatus> Evaluate(WalkedPath path)
    {
        var states = Enumerable.Range(0, path.Steps.Count + 1).Select(path.StateAfter).ToList();
        var trace = path.ToTrace();
        return path.Model.Properties.Select(p => Evaluate(path.Model, trace, states, p)).ToList();
    }

    /// <summary>The first safety violation on the path (the step the page marks), or null.</summary>
    public static PropertyStatus? FirstViolation(IReadOnlyList<PropertyStatus> statuses) =>
        statuses.Where(s => s.Status == "violated").OrderBy(s => s.Step).FirstOrDefault();

    private static PropertyStatus Evaluate(TcpModel model, Trace trace, List<TcpState> states, Property<TcpState, TcpAction> p)
    {
        PropertyStatus Status(string status, int? step, bool decided = true) => new(p.Name, p.Kind, p.Description, status, step, decided);
        if (p.IsSafety || p.Kind == PropertyKind.Reachable)
        {
            // the walked path follows the model by construction: the reproduction cannot diverge
            var r = Reproducer.Reproduce(model, trace with { Property = p.Name }, checkLabels: false);
            if (p.Kind == PropertyKind.Reachable)
                return r.WitnessStep is { } at ? Status("reached", at) : Status("not-reached", null);
            return r.Violation is { } v ? Status("violated", v.Step) : Status("holds", null);
        }
        if (p.Kind == PropertyKind.Eventually)
        {
            var goal = states.FindIndex(s => p.Goal!(s));
            return goal < 0 ? Status("not-reached", null, false) : Status("reached", goal, false);
        }
        // leads-to: pending when some trigger state has no goal state at or after it
        var lastGoal = states.FindLastIndex(s => p.Goal!(s));
        for (var i = lastGoal + 1; i < states.Count; i++)
            if (p.Triggers(states[i], initial: i == 0)) return Status("pending", i, false);
        return Status("met", null, false);
    }
}
