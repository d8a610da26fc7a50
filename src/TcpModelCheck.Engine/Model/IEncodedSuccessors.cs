namespace TcpModelCheck.Engine.Model;

/// <summary>
/// An optional capability of a model: writing a successor's canonical encoding without building the successor.
/// A fingerprint breadth-first search whose queue keeps encodings only ever needs a successor's bytes (to hash,
/// and to queue when it is new — its invariants are checked on the state decoded from them), so a model that
/// offers this saves the allocation of every successor object, most of which are duplicates (rfc9293/reconnect:
/// 6.3 transitions per state).
/// </summary>
/// <remarks>
/// <para>Contract: <c>NextEncoded(s, a, d)</c> writes exactly the bytes <c>Encode(Next(s, a), d)</c> writes and
/// returns the same length. The engine compares the two on the first transitions of every search that uses it
/// (<see cref="SelfCheckedTransitions"/>) and stops with an error if they differ.</para>
/// <para>The engine uses it only when no pending action property needs the successor object: every pending
/// <see cref="PropertyKind.ActionProperty"/> must offer <see cref="Property{TState,TAction}.EncodedEdge"/>.</para>
/// </remarks>
public interface IEncodedSuccessors<TState, TAction> where TState : IEquatable<TState>
{
    /// <summary>Transitions at the start of each worker's search on which the engine builds the successor as well and
    /// checks the bytes (and every pending action property's two forms) agree.</summary>
    public const int SelfCheckedTransitions = 4096;

    /// <summary>Writes the encoding of the state reached by taking <paramref name="action"/> in
    /// <paramref name="state"/> and returns its length.</summary>
    int NextEncoded(in TState state, TAction action, Span<byte> destination);
}
