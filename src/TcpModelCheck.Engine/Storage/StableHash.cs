using System.IO.Hashing;
using System.Runtime.CompilerServices;
using TcpModelCheck.Engine.Model;

namespace TcpModelCheck.Engine.Storage;

/// <summary>
/// The stable 64-bit fingerprint of a state: XxHash3 of its canonical encoding. Unlike
/// <see cref="object.GetHashCode"/> it is the same in every process, on every machine, so fingerprints can be
/// compared across runs. Zero is reserved as the empty-slot marker of the fingerprint tables and never returned.
/// </summary>
public static class StableHash
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Of(ReadOnlySpan<byte> encoding)
    {
        var h = XxHash3.HashToUInt64(encoding);
        return h == 0 ? 0x9E3779B97F4A7C15UL : h;
    }

    /// <summary>Encodes <paramref name="state"/> into <paramref name="buffer"/> and hashes the bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Of<TState, TAction>(IModel<TState, TAction> model, in TState state, Span<byte> buffer)
        where TState : IEquatable<TState> => Of(buffer[..model.Encode(state, buffer)]);

    /// <summary>
    /// Probability that at least one of <paramref name="states"/> distinct states collided with another in a
    /// 64-bit fingerprint space, under the uniform-hash assumption: 1 − exp(−n(n−1)/2^65) (birthday bound).
    /// Such a collision means a state was treated as seen and never explored.
    /// </summary>
    public static double CollisionProbability(long states)
    {
        var n = (double)states;
        var expected = n * (n - 1) / Math.Pow(2, 65);
        return expected < 1e-9 ? expected : 1 - Math.Exp(-expected);
    }
}
