using TcpModelCheck.Engine.Model;
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
/// Evaluates every property of the model on a walked path, as the checker would judge its states and edges:
/// invariants on every state (the initial state is step 0), step properties on every edge, no-deadlock on the
/// last state, witnesses and goals by the first state that satisfies them.
/// </summary>
public static class PathProperties
{
    public static IReadOnlyList<PropertyStatus> Evaluate(WalkedPath path)
    {
        var states = Enumerable.Range(0, path.Steps.Count + 1).Select(path.StateAfter).ToList();
        return path.Model.Properties.Select(p => Evaluate(path, states, p)).ToList();
    }

    /// <summary>The first safety violation on the path (the step the page marks), or null.</summary>
    public static PropertyStatus? FirstViolation(IReadOnlyList<PropertyStatus> statuses) =>
        statuses.Where(s => s.Status == "violated").OrderBy(s => s.Step).FirstOrDefault();

    private static PropertyStatus Evaluate(WalkedPath path, List<TcpState> states, Property<TcpState, TcpAction> p)
    {
        PropertyStatus Status(string status, int? step, bool decided = true) => new(p.Name, p.Kind, p.Description, status, step, decided);
        switch (p.Kind)
        {
            case PropertyKind.Invariant:
                var bad = states.FindIndex(s => !p.Condition!(s));
                return bad < 0 ? Status("holds", null) : Status("violated", bad);
            case PropertyKind.ActionProperty:
                for (var i = 0; i < path.Steps.Count; i++)
                    if (!p.Edge!(states[i], path.Steps[i].Action, states[i + 1])) return Status("violated", i + 1);
                return Status("holds", null);
            case PropertyKind.NoDeadlock:
                var last = path.Current;
                return path.Enabled().Count == 0 && !path.Model.IsTerminal(last)
                    ? Status("violated", path.Steps.Count) : Status("holds", null);
            case PropertyKind.Reachable:
                var at = states.FindIndex(s => p.Condition!(s));
                return at < 0 ? Status("not-reached", null) : Status("reached", at);
            case PropertyKind.Eventually:
                var goal = states.FindIndex(s => p.Goal!(s));
                return goal < 0 ? Status("not-reached", null, false) : Status("reached", goal, false);
            default:
                return LeadsTo(states, p, Status);
        }
    }

    /// <summary>A leads-to is pending when some trigger state has no goal state at or after it.</summary>
    private static PropertyStatus LeadsTo(List<TcpState> states, Property<TcpState, TcpAction> p,
        Func<string, int?, bool, PropertyStatus> status)
    {
        var lastGoal = states.FindLastIndex(s => p.Goal!(s));
        for (var i = lastGoal + 1; i < states.Count; i++)
            if (p.Condition!(states[i])) return status("pending", i, false);
        return status("met", null, false);
    }
}
