namespace TcpModelCheck.Tcp.Tests.Support;

/// <summary>
/// A plain breadth-first walk over a TCP model's states, independent of the engine, for the tests that check something
/// on every state reached. <see cref="States"/> yields each state as it is expanded, until none is left or
/// <c>limit</c> states have been found; <see cref="Found"/> holds every state found so far, expanded or queued, in the
/// order found. Enumerate <see cref="States"/> once per walk.
/// </summary>
internal sealed class BreadthFirstWalk(TcpModel model, int limit = int.MaxValue)
{
    private readonly HashSet<TcpState> _seen = [.. model.InitialStates];
    private readonly List<TcpState> _found = [.. model.InitialStates];

    public IReadOnlyList<TcpState> Found => _found;

    public IEnumerable<TcpState> States()
    {
        var queue = new Queue<TcpState>(model.InitialStates);
        var actions = new List<TcpAction>();
        while (queue.Count > 0 && _found.Count < limit)
        {
            var s = queue.Dequeue();
            yield return s;
            actions.Clear();
            model.Actions(s, actions);
            foreach (var a in actions)
                if (model.Next(s, a) is var next && _seen.Add(next))
                {
                    _found.Add(next);
                    queue.Enqueue(next);
                }
        }
    }

    /// <summary>Every state reachable in <paramref name="model"/> (or the first <paramref name="limit"/> found), in
    /// breadth-first order.</summary>
    public static IReadOnlyList<TcpState> All(TcpModel model, int limit = int.MaxValue)
    {
        var walk = new BreadthFirstWalk(model, limit);
        foreach (var _ in walk.States()) { }
        return walk.Found;
    }
}
