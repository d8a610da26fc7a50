namespace TcpModelCheck.Engine.Model;

/// <summary>
/// An optional capability of a model: rebuilding a state from the bytes <see cref="IModel{TState,TAction}.Encode"/>
/// wrote. A model that offers it lets the breadth-first search keep its queue as encoded bytes (a few dozen bytes
/// per state instead of the objects themselves, and optionally on disk, as TLC's disk queue does) and decode each
/// state only when it is expanded.
/// </summary>
/// <remarks>Implement it only when the encoding is injective: <c>Decode(Encode(s))</c> must equal <c>s</c>. The
/// engine checks that on the first states it queues and stops with an error if it does not hold.</remarks>
public interface IStateDecoder<TState> where TState : IEquatable<TState>
{
    TState Decode(ReadOnlySpan<byte> encoding);
}
