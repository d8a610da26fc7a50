using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using TcpModelCheck.Tcp.Charts;

namespace TcpModelCheck.Tcp;

/// <summary>
/// One state of the TCP model: the two endpoints, the segments in flight, the fault budgets used, and (only
/// with the clock-driven ISN) the ISN clock phase. Immutable, with structural equality and one canonical
/// form: in the default (non-FIFO) network the in-flight segments are a multiset kept sorted; with FIFO they
/// are grouped by direction in arrival order. There is no absolute clock — segment ages and remaining timer
/// ticks carry all the timing — so the state space is finite.
/// </summary>
public sealed class TcpState : IEquatable<TcpState>
{
    private readonly Segment[] _segments;

    /// <summary>The in-memory hash, computed on first use (0 = not yet): a fingerprint search never asks for it, and
    /// computing it in the constructor cost 6 % of such a search (profile of rfc9293/reconnect). Racing threads
    /// compute the same value, so the unsynchronised write is benign.</summary>
    private int _hash;

    internal TcpState(Endpoint client, Endpoint server, Segment[] segments, Budgets used, byte isnClock)
    {
        _client = client;
        _server = server;
        _segments = segments;
        Used = used;
        IsnClock = isnClock;
    }

    /// <summary>A state whose endpoints are decoded from <paramref name="endpoints"/> (their 2 × 22 encoded bytes, see
    /// <see cref="TcpModel.Decode"/>) straight into its fields (<see cref="Endpoint.DecodeInto"/>).</summary>
    internal TcpState(ReadOnlySpan<byte> endpoints, Segment[] segments, Budgets used, byte isnClock)
    {
        if (endpoints.Length < 2 * Endpoint.EncodedBytes) throw new ArgumentException("encoding too short", nameof(endpoints));
        ref var d = ref MemoryMarshal.GetReference(endpoints);
        Endpoint.DecodeInto(ref d, ref _client);
        Endpoint.DecodeInto(ref Unsafe.Add(ref d, Endpoint.EncodedBytes), ref _server);
        _segments = segments;
        Used = used;
        IsnClock = isnClock;
    }

    private readonly Endpoint _client;
    private readonly Endpoint _server;

    /// <summary>Both endpoints CLOSED with no application step taken, nothing in flight.</summary>
    internal static TcpState Initial { get; } = new(default, default, [], default, 0);

    /// <summary>Endpoint A.</summary>
    public Endpoint Client => _client;

    /// <summary>Endpoint B.</summary>
    public Endpoint Server => _server;

    public Endpoint this[Side side] => side == Side.Client ? Client : Server;

    /// <summary>The segments in flight, both directions, in canonical order (see the class remarks).</summary>
    public IReadOnlyList<Segment> InFlight => _segments;

    internal ReadOnlySpan<Segment> Segments => _segments;

    /// <summary>Fault budgets used so far in this run, and whether the network ever overflowed.</summary>
    public Budgets Used { get; }

    /// <summary>The ISN clock phase (RFC 9293 §3.4.1), modulo the sequence space; always 0 unless the
    /// configuration uses the clock-driven ISN.</summary>
    public int IsnClock { get; }

    /// <summary>Segments in flight from <paramref name="from"/>.</summary>
    public int CountFrom(Side from)
    {
        var n = 0;
        foreach (var s in _segments) if (s.From == from) n++;
        return n;
    }

    public bool Equals(TcpState? other) =>
        other is not null && (ReferenceEquals(this, other) || (GetHashCode() == other.GetHashCode()
            && Client.PackLow == other.Client.PackLow && Client.PackHigh == other.Client.PackHigh && Client.Held == other.Client.Held
            && Server.PackLow == other.Server.PackLow && Server.PackHigh == other.Server.PackHigh && Server.Held == other.Server.Held
            && Used.Equals(other.Used) && IsnClock == other.IsnClock
            && _segments.AsSpan().SequenceEqual(other._segments)));

    public override bool Equals(object? obj) => obj is TcpState s && Equals(s);

    public override int GetHashCode() => _hash != 0 ? _hash : _hash = ComputeHash();

    /// <summary>A multiplicative mix over the packed fields (the process-independent-seeded HashCode type is
    /// slower here; this hash only serves in-memory tables — fingerprints use the engine's stable hash of
    /// <c>Encode</c>).</summary>
    private int ComputeHash()
    {
        var h = Mix(0x9E3779B97F4A7C15UL, Client.PackLow);
        h = Mix(h, Client.PackHigh);
        h = Mix(h, Client.Held);
        h = Mix(h, Server.PackLow);
        h = Mix(h, Server.PackHigh);
        h = Mix(h, Server.Held);
        h = Mix(h, (ulong)Used.Losses | (ulong)Used.Duplications << 8 | (ulong)Used.Crashes << 16
            | (Used.Overflowed ? 1UL << 24 : 0) | (ulong)Used.Delays << 32 | (ulong)(uint)IsnClock << 40);
        foreach (var s in _segments) h = Mix(h, s.Bits);
        return (int)(h ^ h >> 32) is var folded && folded != 0 ? folded : 1;
    }

    private static ulong Mix(ulong h, ulong v)
    {
        h ^= v * 0xBF58476D1CE4E5B9UL;
        h = (h << 27 | h >> 37) * 0x94D049BB133111EBUL;
        return h;
    }

    public override string ToString() =>
        $"A[{Client}] B[{Server}] net[{string.Join(" ", _segments.Select(s => $"{(s.From == Side.Client ? "A>B" : "B>A")}{s}{(s.Straggler ? "~" : "")}@{s.Age}"))}] {Used}"
        + (IsnClock != 0 ? $" isn-clock={IsnClock}" : "");

    internal static ReadOnlySpan<byte> AsBytes(ReadOnlySpan<Segment> segments) => MemoryMarshal.AsBytes(segments);
}

/// <summary>Fault budgets used so far in one run, plus the sticky ghost flag that a segment was ever dropped
/// because its direction was full.</summary>
public readonly record struct Budgets(byte Losses, byte Duplications, byte Crashes, bool Overflowed)
{
    /// <summary>Segments made stragglers so far (see <see cref="TcpConfig.DelayBudget"/>).</summary>
    public byte Delays { get; init; }

    public override string ToString() =>
        $"lost={Losses} dup={Duplications} delay={Delays} crash={Crashes}" + (Overflowed ? " OVERFLOW" : "");
}
