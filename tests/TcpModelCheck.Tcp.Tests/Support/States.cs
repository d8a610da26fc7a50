using TcpModelCheck.Tcp.Charts;

namespace TcpModelCheck.Tcp.Tests.Support;

/// <summary>Hand-built states for scenarios that start in the middle of a connection (RFC figures do).</summary>
internal static class States
{
    /// <summary>A figure's sequence number in the model's 8-bit space (300 → 44, 400 → 144; 100 stays 100).</summary>
    public static int F(int n) => n % 256;

    /// <summary>A synchronized endpoint that has sent up to <paramref name="sndNxt"/> and received up to
    /// <paramref name="rcvNxt"/> ("send 300, receive 100" in the figures), everything acknowledged.</summary>
    public static Endpoint Synced(int sndNxt, int rcvNxt, bool passive, ConnectionState state = ConnectionState.Established) => new()
    {
        State = state,
        Iss = (byte)(sndNxt - 1),
        SndUna = (byte)sndNxt,
        SndNxt = (byte)sndNxt,
        Irs = (byte)(rcvNxt - 1),
        RcvNxt = (byte)rcvNxt,
        Passive = passive,
        Opens = 1,
        Incarnation = 1,
        PeerIncarnation = 1,
    };

    public static Endpoint Listening => new() { State = ConnectionState.Listen, Passive = true, Opens = 1 };

    /// <summary>A host that rebooted: no TCB, one connection behind it.</summary>
    public static Endpoint Rebooted => new() { Opens = 1, Incarnation = 1, LastEnd = EndReason.Crashed };

    /// <summary>A state with the given endpoints and segments in flight (sorted: the canonical multiset).</summary>
    public static TcpState Make(Endpoint a, Endpoint b, params Segment[] inFlight) =>
        new(a, b, [.. inFlight.OrderBy(s => s.Bits)], default, 0);

    /// <summary>An old duplicate from a previous incarnation (ghost incarnation 0).</summary>
    public static Segment Old(Side from, SegmentFlags flags, int seq, int ack = 0) =>
        Segment.Create(from, flags, seq, ack, false, 0, 0);
}
