using TcpModelCheck.Engine.Model;

namespace TcpModelCheck.Engine.Tests.Models;

/// <summary>
/// The same model with no state declared terminal: its proper ends become deadlocks. Shows that the
/// deadlock check reports an end state exactly when the model does not call it terminal.
/// </summary>
public sealed class TerminalBlindModel<TState, TAction>(IModel<TState, TAction> inner) : IModel<TState, TAction>
    where TState : IEquatable<TState>
{
    public string Name => inner.Name;
    public IReadOnlyDictionary<string, string> Settings => inner.Settings;
    public IReadOnlyList<TState> InitialStates => inner.InitialStates;
    public void Actions(in TState state, List<TAction> actions) => inner.Actions(state, actions);
    public TState Next(in TState state, TAction action) => inner.Next(state, action);
    public bool IsTerminal(in TState state) => false;
    public IReadOnlyList<Property<TState, TAction>> Properties => inner.Properties;
    public int MaxEncodedLength => inner.MaxEncodedLength;
    public int Encode(in TState state, Span<byte> destination) => inner.Encode(state, destination);
    public string FormatAction(in TState state, TAction action) => inner.FormatAction(state, action);
}
