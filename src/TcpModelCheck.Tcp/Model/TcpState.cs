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
    private readonly int _hash;

    internal TcpState(Endpoint client, Endpoint server, Segment[] segments, Budgets used, byte isnClock)
    {
        Client = client;
        Server = server;
        _segments = segments;
        Used = used;
        IsnClock = isnClock;
        _hash = ComputeHash();
    }

    /// <summary>Both endpoints CLOSED with no application step taken, nothing in flight.</summary>
    internal static TcpState Initial { get; } = new(default, default, [], default, 0);

    /// <summary>Endpoint A.</summary>
    public Endpoint Client { get; }

    /// <summary>Endpoint B.</summary>
    public Endpoint Server { get; }

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
        other is not null && (ReferenceEquals(this, other) || (_hash == other._hash && Client.Equals(other.Client)
            && Server.Equals(other.Server) && Used.Equals(other.Used) && IsnClock == other.IsnClock
            && _segments.AsSpan().SequenceEqual(other._segments)));

    public override bool Equals(object? obj) => obj is TcpState s && Equals(s);

    public override int GetHashCode() => _hash;

    private int ComputeHash()
    {
        var h = new HashCode();
        h.Add(Client);
        h.Add(Server);
        h.Add(Used);
        h.Add(IsnClock);
        foreach (var s in _segments) h.Add(s.Bits);
        return h.ToHashCode();
    }

    public override string ToString() =>
        $"A[{Client}] B[{Server}] net[{string.Join(" ", _segments.Select(s => $"{(s.From == Side.Client ? "A>B" : "B>A")}{s}@{s.Age}"))}] {Used}"
        + (IsnClock != 0 ? $" isn-clock={IsnClock}" : "");

    internal static ReadOnlySpan<byte> AsBytes(ReadOnlySpan<Segment> segments) => MemoryMarshal.AsBytes(segments);
}

/// <summary>Fault budgets used so far in one run, plus the sticky ghost flag that a segment was ever dropped
/// because its direction was full.</summary>
public readonly record struct Budgets(byte Losses, byte Duplications, byte Crashes, bool Overflowed)
{
    public override string ToString() => $"lost={Losses} dup={Duplications} crash={Crashes}" + (Overflowed ? " OVERFLOW" : "");
}
