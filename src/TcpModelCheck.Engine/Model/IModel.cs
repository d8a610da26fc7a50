namespace TcpModelCheck.Engine.Model;

/// <summary>
/// A finite transition system the explorer can enumerate. The engine knows nothing else about the
/// system being checked (in the spirit of Stateright's <c>Model</c> trait).
/// </summary>
/// <remarks>
/// Rules every implementation must follow (the explorer's correctness depends on them):
/// <list type="bullet">
/// <item>Pure: <see cref="Next"/> depends only on its arguments — no I/O, clock, <c>Random</c> or statics.
/// All nondeterminism is expressed as a choice among <see cref="Actions"/>.</item>
/// <item>Deterministic order: <see cref="Actions"/> lists the enabled actions in the same order every time,
/// because traces record a choice as an index into that list.</item>
/// <item>Canonical states: two states that mean the same thing are <see cref="IEquatable{T}.Equals(T)"/>
/// and have the same <see cref="Encode"/> bytes (the fingerprint is a stable hash of those bytes).</item>
/// </list>
/// </remarks>
public interface IModel<TState, TAction> where TState : IEquatable<TState>
{
    /// <summary>A short name that identifies the model in traces (e.g. "tcp").</summary>
    string Name { get; }

    /// <summary>The settings needed to rebuild this exact model when a trace is replayed.</summary>
    IReadOnlyDictionary<string, string> Settings { get; }

    /// <summary>The initial states, in a fixed order (a trace names its initial state by index).</summary>
    IReadOnlyList<TState> InitialStates { get; }

    /// <summary>Appends the enabled actions of <paramref name="state"/> to <paramref name="actions"/> in a fixed order.</summary>
    void Actions(in TState state, List<TAction> actions);

    /// <summary>The state reached by taking <paramref name="action"/> (one of <see cref="Actions"/>) in <paramref name="state"/>.</summary>
    TState Next(in TState state, TAction action);

    /// <summary>True when a state with no enabled action is a proper end (not a deadlock).</summary>
    bool IsTerminal(in TState state);

    /// <summary>The named properties this model offers; checkers select them by name.</summary>
    IReadOnlyList<Property<TState, TAction>> Properties { get; }

    /// <summary>An upper bound on the number of bytes <see cref="Encode"/> writes.</summary>
    int MaxEncodedLength { get; }

    /// <summary>
    /// Writes the canonical byte encoding of <paramref name="state"/> and returns its length. Equal states
    /// must encode to equal bytes; the engine's fingerprints are a stable 64-bit hash of these bytes.
    /// </summary>
    int Encode(in TState state, Span<byte> destination);

    /// <summary>A one-line, human-readable rendering of an action (used in traces and replay errors).</summary>
    string FormatAction(in TState state, TAction action) => action?.ToString() ?? "";

    /// <summary>A one-line, human-readable rendering of a state.</summary>
    string FormatState(in TState state) => state.ToString() ?? "";
}
