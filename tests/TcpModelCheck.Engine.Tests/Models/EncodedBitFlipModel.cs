using System.Buffers.Binary;
using TcpModelCheck.Engine.Model;

namespace TcpModelCheck.Engine.Tests.Models;

/// <summary>How <see cref="EncodedBitFlipModel"/> gets its successor encodings wrong, if at all.</summary>
public enum EncodedFault
{
    None,
    /// <summary>NextEncoded drops the top bit of the word.</summary>
    WrongBytes,
    /// <summary>The encoded form of "never-clears-bit-0" always holds.</summary>
    WrongEdgeCheck,
}

/// <summary>
/// <see cref="BitFlipModel"/> that also writes successor encodings directly (<see cref="IEncodedSuccessors{TState,TAction}"/>)
/// and gives its action property an encoded form; counts the calls, so a test can see which path the engine took.
/// With a <see cref="EncodedFault"/> the engine's self-check must stop the search.
/// </summary>
public sealed class EncodedBitFlipModel(int n, EncodedFault fault = EncodedFault.None)
    : IModel<BitWord, int>, IStateDecoder<BitWord>, IEncodedSuccessors<BitWord, int>
{
    private readonly BitFlipModel _inner = new(n, padding: 8);
    private long _nextCalls, _nextEncodedCalls;

    public long NextCalls => Interlocked.Read(ref _nextCalls);
    public long NextEncodedCalls => Interlocked.Read(ref _nextEncodedCalls);

    public string Name => _inner.Name;
    public IReadOnlyDictionary<string, string> Settings => _inner.Settings;
    public IReadOnlyList<BitWord> InitialStates => _inner.InitialStates;
    public int MaxEncodedLength => _inner.MaxEncodedLength;

    public IReadOnlyList<Property<BitWord, int>> Properties { get; } =
    [
        .. new BitFlipModel(n, padding: 8).Properties.Where(p => p.Kind != PropertyKind.ActionProperty),
        Property<BitWord, int>.ForEveryStep("never-clears-bit-0", (a, _, b) => (a.Bits & 1) == 0 || (b.Bits & 1) == 1,
            (a, _, b) => fault == EncodedFault.WrongEdgeCheck || (a.Bits & 1) == 0 || (b[0] & 1) == 1),
    ];

    public void Actions(in BitWord state, List<int> actions) => _inner.Actions(state, actions);

    public BitWord Next(in BitWord state, int action)
    {
        Interlocked.Increment(ref _nextCalls);
        return _inner.Next(state, action);
    }

    public int NextEncoded(in BitWord state, int action, Span<byte> destination)
    {
        Interlocked.Increment(ref _nextEncodedCalls);
        var bits = state.Bits ^ 1UL << action;
        if (fault == EncodedFault.WrongBytes) bits &= (1UL << (n - 1)) - 1;
        BinaryPrimitives.WriteUInt64LittleEndian(destination, bits);
        destination[8..MaxEncodedLength].Clear();
        return MaxEncodedLength;
    }

    public bool IsTerminal(in BitWord state) => _inner.IsTerminal(state);
    public int Encode(in BitWord state, Span<byte> destination) => _inner.Encode(state, destination);
    public BitWord Decode(ReadOnlySpan<byte> encoding) => _inner.Decode(encoding);
}
