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
    /// <summary>The encoded form of the invariant "low-three-not-set" looks at the wrong bits.</summary>
    WrongStateCheck,
}

/// <summary>
/// <see cref="BitFlipModel"/> that also writes successor encodings directly (<see cref="IEncodedSuccessors{TState,TAction}"/>)
/// and gives its properties encoded forms (<see cref="Property{TState,TAction}.EncodedCondition"/>,
/// <see cref="Property{TState,TAction}.EncodedEdge"/>); counts the calls, so a test can see which path the engine took.
/// With a <see cref="EncodedFault"/> the engine's self-check must stop the search.
/// </summary>
public sealed class EncodedBitFlipModel(int n, EncodedFault fault = EncodedFault.None)
    : IModel<BitWord, int>, IStateDecoder<BitWord>, IEncodedSuccessors<BitWord, int>
{
    private readonly BitFlipModel _inner = new(n, padding: 8);
    private long _nextCalls, _nextEncodedCalls, _decodeCalls;

    public long NextCalls => Interlocked.Read(ref _nextCalls);
    public long DecodeCalls => Interlocked.Read(ref _decodeCalls);
    public long NextEncodedCalls => Interlocked.Read(ref _nextEncodedCalls);

    public string Name => _inner.Name;
    public IReadOnlyDictionary<string, string> Settings => _inner.Settings;
    public IReadOnlyList<BitWord> InitialStates => _inner.InitialStates;
    public int MaxEncodedLength => _inner.MaxEncodedLength;

    public IReadOnlyList<Property<BitWord, int>> Properties { get; } =
    [
        Property<BitWord, int>.Always("not-all-ones", w => w.Bits != (1UL << n) - 1,
            b => BinaryPrimitives.ReadUInt64LittleEndian(b) != (1UL << n) - 1),
        Property<BitWord, int>.Always("low-three-not-set", w => (w.Bits & 7) != 7,
            b => (b[0] & (fault == EncodedFault.WrongStateCheck ? 14 : 7)) != (fault == EncodedFault.WrongStateCheck ? 14 : 7)),
        Property<BitWord, int>.Sometimes("half-set", w => ulong.PopCount(w.Bits) == (ulong)n / 2,
            b => ulong.PopCount(BinaryPrimitives.ReadUInt64LittleEndian(b)) == (ulong)n / 2),
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
        return _inner.Encode(new BitWord(bits), destination);
    }

    public bool IsTerminal(in BitWord state) => _inner.IsTerminal(state);
    public int Encode(in BitWord state, Span<byte> destination) => _inner.Encode(state, destination);
    public BitWord Decode(ReadOnlySpan<byte> encoding)
    {
        Interlocked.Increment(ref _decodeCalls);
        return _inner.Decode(encoding);
    }
}
