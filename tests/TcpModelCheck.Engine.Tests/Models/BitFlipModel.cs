using System.Buffers.Binary;
using TcpModelCheck.Engine.Model;

namespace TcpModelCheck.Engine.Tests.Models;

/// <summary>A state of <see cref="BitFlipModel"/>: an object (not a plain value), as a rich model's state is.</summary>
public sealed class BitWord(ulong bits) : IEquatable<BitWord>
{
    public ulong Bits { get; } = bits;
    public bool Equals(BitWord? other) => other is not null && other.Bits == Bits;
    public override bool Equals(object? obj) => Equals(obj as BitWord);
    public override int GetHashCode() => Bits.GetHashCode();
    public override string ToString() => Convert.ToString((long)Bits, 2);
}

/// <summary>
/// A word of <c>n</c> bits, starting at 0; action k flips bit k. All 2^n words are reachable, the word with k bits
/// set at depth k, so the breadth-first levels have C(n, k) states — wide enough to fill the queue's pages.
/// The encoding is the word followed by <paramref name="padding"/> bytes drawn from it (a long state that does not
/// compress: the queue stores each record as its difference from the one before), and the model
/// decodes it, so the engine may keep its queue encoded. With <paramref name="brokenDecoder"/> the decoder drops
/// the top bit: the engine must notice.
/// </summary>
public sealed class BitFlipModel(int n, int padding = 56, bool brokenDecoder = false) : IModel<BitWord, int>, IStateDecoder<BitWord>
{
    private readonly ulong _all = (1UL << n) - 1;

    public string Name => "bit-flip";
    public IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string> { ["n"] = n.ToString() };
    public IReadOnlyList<BitWord> InitialStates { get; } = [new(0)];
    public int MaxEncodedLength => 8 + padding;

    public IReadOnlyList<Property<BitWord, int>> Properties { get; } =
    [
        Property<BitWord, int>.Always("not-all-ones", w => w.Bits != (1UL << n) - 1),
        Property<BitWord, int>.Always("low-three-not-set", w => (w.Bits & 7) != 7),
        Property<BitWord, int>.Sometimes("half-set", w => ulong.PopCount(w.Bits) == (ulong)n / 2),
        Property<BitWord, int>.ForEveryStep("never-clears-bit-0", (a, _, b) => (a.Bits & 1) == 0 || (b.Bits & 1) == 1),
    ];

    public void Actions(in BitWord state, List<int> actions)
    {
        for (var k = 0; k < n; k++) actions.Add(k);
    }

    public BitWord Next(in BitWord state, int action) => new(state.Bits ^ 1UL << action);

    public bool IsTerminal(in BitWord state) => state.Bits == _all;

    public int Encode(in BitWord state, Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(destination, state.Bits);
        var x = state.Bits;
        for (var i = 8; i < MaxEncodedLength; i++)
        {
            x = x * 6364136223846793005UL + 1442695040888963407UL;   // a linear congruential stream from the word
            destination[i] = (byte)(x >> 56);
        }
        return MaxEncodedLength;
    }

    public BitWord Decode(ReadOnlySpan<byte> encoding)
    {
        var bits = BinaryPrimitives.ReadUInt64LittleEndian(encoding);
        return new(brokenDecoder ? bits & (_all >> 1) : bits);
    }
}
