using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Engine.Model;
using TcpModelCheck.Engine.Storage;

namespace TcpModelCheck.Engine.Liveness;

/// <summary>
/// Rebuilds every edge of a completely explored graph from its states, for the liveness check. Strategies do
/// not record edges while they search (a parallel search would have to merge them, a depth-first one would
/// set them out of id order); instead, when liveness is checked, they keep the states by id and this pass
/// re-expands each state in id order, looking its successors up by their canonical encoding. It costs one more
/// expansion of the graph and an index of the states; it only runs in exact mode after a complete search.
/// When the search kept the states encoded (<see cref="EncodedStateTable{TState}"/>), that table is the index: a
/// successor is encoded, hashed and looked up by its bytes; otherwise a dictionary of the state objects is built.
/// </summary>
internal static class GraphBuilder
{
    /// <summary>Adds every edge; <paramref name="poll"/> (one step per state) throws
    /// <see cref="LivenessStoppedException"/> when a limit is reached — the graph is then incomplete and no liveness
    /// verdict may be drawn from it.</summary>
    public static void AddEdges<TState, TAction>(IModel<TState, TAction> model, SearchGraph graph,
        IReadOnlyList<TState> states, EncodedStateTable<TState>? encoded, StopPoll poll) where TState : IEquatable<TState>
    {
        if (encoded is not null)
        {
            var buffer = new byte[Math.Max(1, model.MaxEncodedLength)];
            AddEdges(model, graph, states.Count, id => encoded.Decode(id), successor =>
            {
                var bytes = buffer.AsSpan(0, model.Encode(successor, buffer));
                return encoded.Find(StableHash.Of(bytes), bytes);
            }, poll);
            return;
        }
        var index = new Dictionary<TState, int>(states.Count, new StableStateComparer<TState, TAction>(model));
        for (var i = 0; i < states.Count; i++) index.TryAdd(states[i], i);
        AddEdges(model, graph, states.Count, id => states[id], successor => index.TryGetValue(successor, out var t) ? t : -1, poll);
    }

    /// <summary>The one rebuild loop: state <c>id</c> from <paramref name="stateAt"/>, each successor's id from
    /// <paramref name="find"/> (negative when the search never saw it).</summary>
    private static void AddEdges<TState, TAction>(IModel<TState, TAction> model, SearchGraph graph, int count,
        Func<int, TState> stateAt, Func<TState, long> find, StopPoll poll) where TState : IEquatable<TState>
    {
        graph.StartEdges();
        var actions = new List<TAction>();
        var targets = new List<int>();
        for (var id = 0; id < count; id++)
        {
            poll.Step();
            var state = stateAt(id);
            actions.Clear();
            targets.Clear();
            model.Actions(state, actions);
            foreach (var a in actions)
            {
                var target = find(model.Next(state, a));
                if (target < 0)
                    throw new InvalidOperationException(
                        $"the model is not deterministic: a successor of state {id} was not found by the search");
                targets.Add((int)target);
            }
            graph.SetEdges(id, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(targets));
        }
    }

    /// <summary>Equality as the model defines it, hashing by the stable fingerprint (never <c>GetHashCode</c>,
    /// whose value is not tied to the canonical encoding).</summary>
    private sealed class StableStateComparer<TState, TAction>(IModel<TState, TAction> model) : IEqualityComparer<TState>
        where TState : IEquatable<TState>
    {
        private readonly byte[] _buffer = new byte[Math.Max(1, model.MaxEncodedLength)];

        public bool Equals(TState? x, TState? y) => x is null ? y is null : y is not null && x.Equals(y);

        public int GetHashCode(TState obj) => (int)StableHash.Of(model, obj, _buffer);
    }
}
