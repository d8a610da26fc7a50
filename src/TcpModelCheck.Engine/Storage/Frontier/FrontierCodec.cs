using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using TcpModelCheck.Engine.Model;

namespace TcpModelCheck.Engine.Storage.Frontier;

/// <summary>
/// How queued states are turned into bytes and back: the model's own encoding when the model can decode it
/// (<see cref="IStateDecoder{TState}"/>), or the raw bytes of a state that is a plain value without references.
/// </summary>
internal abstract class FrontierCodec<TState> where TState : IEquatable<TState>
{
    public abstract int MaxLength { get; }

    public abstract int Write(in TState state, Span<byte> destination);

    public abstract TState Read(ReadOnlySpan<byte> source);

    /// <summary>Checks bytes handed over already encoded (see <see cref="IFrontier{TState}.StageEncoded"/>).</summary>
    public virtual void CheckEncoding(ReadOnlySpan<byte> encoding) =>
        throw new NotSupportedException("this codec does not take the model's encodings");

    /// <summary>True when the model decodes (states are objects the codec makes compact); false for raw copies.</summary>
    public abstract bool Compacts { get; }

    /// <summary>The codec for <paramref name="model"/>'s states, or null when its states can be neither decoded
    /// nor copied as raw bytes.</summary>
    public static FrontierCodec<TState>? For<TAction>(IModel<TState, TAction> model) =>
        model is IStateDecoder<TState> decoder ? new ModelCodec<TState, TAction>(model, decoder)
        : RuntimeHelpers.IsReferenceOrContainsReferences<TState>() ? null
        : new RawCodec<TState>();
}

/// <summary>The model's canonical encoding; the first <see cref="CheckedStates"/> states are decoded again
/// and compared, so a decoder that does not invert the encoding is caught at once instead of silently exploring
/// other states.</summary>
internal sealed class ModelCodec<TState, TAction>(IModel<TState, TAction> model, IStateDecoder<TState> decoder)
    : FrontierCodec<TState> where TState : IEquatable<TState>
{
    public const int CheckedStates = 4096;
    private int _checked;

    public override int MaxLength => Math.Max(1, model.MaxEncodedLength);
    public override bool Compacts => true;

    public override int Write(in TState state, Span<byte> destination)
    {
        var n = model.Encode(state, destination);
        if (_checked < CheckedStates && Interlocked.Increment(ref _checked) <= CheckedStates
            && !decoder.Decode(destination[..n]).Equals(state))
            throw new InvalidOperationException(
                $"model '{model.Name}': Decode(Encode(s)) differs from s for state {model.FormatState(state)}");
        return n;
    }

    public override TState Read(ReadOnlySpan<byte> source) => decoder.Decode(source);

    /// <summary>The same check for a state queued as its encoding: the decoded state must encode to the same bytes
    /// (the encoding is injective, so a decoder that loses or changes a field is caught).</summary>
    public override void CheckEncoding(ReadOnlySpan<byte> encoding)
    {
        if (_checked >= CheckedStates || Interlocked.Increment(ref _checked) > CheckedStates) return;
        var state = decoder.Decode(encoding);
        var again = new byte[Math.Max(encoding.Length, MaxLength)];
        var n = model.Encode(state, again);
        if (!again.AsSpan(0, n).SequenceEqual(encoding))
            throw new InvalidOperationException(
                $"model '{model.Name}': Decode(Encode(s)) differs from s: the decoded state {model.FormatState(state)} encodes to other bytes");
    }
}

/// <summary>The bytes of a state that is a plain value (no references): copied as they are.</summary>
internal sealed class RawCodec<TState> : FrontierCodec<TState> where TState : IEquatable<TState>
{
    public override int MaxLength => Unsafe.SizeOf<TState>();
    public override bool Compacts => false;

    public override int Write(in TState state, Span<byte> destination)
    {
        Unsafe.WriteUnaligned(ref MemoryMarshal.GetReference(destination), state);
        return Unsafe.SizeOf<TState>();
    }

    public override TState Read(ReadOnlySpan<byte> source) => Unsafe.ReadUnaligned<TState>(ref MemoryMarshal.GetReference(source));
}
