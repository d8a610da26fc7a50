using TcpModelCheck.Engine.Model;

namespace TcpModelCheck.Explorer.Search;

/// <summary>
/// The model <paramref name="inner"/> with one initial state, <paramref name="root"/>: what "find from here" searches,
/// so that the checker's shortest counterexample from it is the shortest continuation of the explorer's path. Every
/// other member is the inner model's, so properties, labels and traces mean the same.
/// </summary>
internal sealed class RootedModel<TState, TAction>(IModel<TState, TAction> inner, TState root) : IModel<TState, TAction>
    where TState : IEquatable<TState>
{
    public string Name => inner.Name;
    public IReadOnlyDictionary<string, string> Settings => inner.Settings;
    public IReadOnlyList<TState> InitialStates { get; } = [root];
    public IReadOnlyList<Property<TState, TAction>> Properties => inner.Properties;
    public int MaxEncodedLength => inner.MaxEncodedLength;

    public void Actions(in TState state, List<TAction> actions) => inner.Actions(state, actions);
    public TState Next(in TState state, TAction action) => inner.Next(state, action);
    public bool IsTerminal(in TState state) => inner.IsTerminal(state);
    public int Encode(in TState state, Span<byte> destination) => inner.Encode(state, destination);
    public string FormatAction(in TState state, TAction action) => inner.FormatAction(state, action);
    public string FormatState(in TState state) => inner.FormatState(state);
}
