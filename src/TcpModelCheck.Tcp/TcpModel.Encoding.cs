namespace TcpModelCheck.Tcp;

public sealed partial class TcpModel
{
    private const int EndpointBytes = 22;
    private const int SegmentBytes = 6;

    /// <summary>Upper bound of <see cref="Encode"/>: two endpoints, budgets, the ISN clock, a count, and at most
    /// <see cref="TcpConfig.NetworkCapacity"/> segments per direction.</summary>
    public int MaxEncodedLength => 2 * EndpointBytes + 6 + 2 * Config.NetworkCapacity * SegmentBytes;

    /// <summary>
    /// The canonical packed bytes of a state (22 bytes per endpoint, 6 per segment, 6 more), used by the engine's
    /// fingerprints. Equal states have equal bytes because the state itself is canonical; different states differ
    /// in some field, and every field is written.
    /// </summary>
    public int Encode(in TcpState state, Span<byte> destination)
    {
        var n = WriteEndpoint(state.Client, destination);
        n += WriteEndpoint(state.Server, destination[n..]);
        var u = state.Used;
        destination[n++] = u.Losses;
        destination[n++] = u.Duplications;
        destination[n++] = u.Crashes;
        destination[n++] = (byte)((u.Overflowed ? 1 : 0) | u.Delays << 1);
        destination[n++] = (byte)state.IsnClock;
        destination[n++] = (byte)state.InFlight.Count;
        foreach (var s in state.Segments)
        {
            destination[n++] = (byte)s.Seq;
            destination[n++] = (byte)s.Ack;
            destination[n++] = (byte)((int)s.Flags | (s.HasData ? 16 : 0) | (s.From == Side.Server ? 32 : 0) | (s.Straggler ? 64 : 0));
            destination[n++] = (byte)s.Item;
            destination[n++] = (byte)s.Incarnation;
            destination[n++] = (byte)s.Age;
        }
        return n;
    }

    private static int WriteEndpoint(in Endpoint e, Span<byte> d)
    {
        d[0] = (byte)e.State;
        d[1] = (byte)e.Iss;
        d[2] = (byte)e.Irs;
        d[3] = (byte)e.SndUna;
        d[4] = (byte)e.SndNxt;
        d[5] = (byte)e.RcvNxt;
        d[6] = (byte)e.Timer;
        d[7] = e.Retransmits;
        d[8] = (byte)((e.Passive ? 1 : 0) | (e.CloseCalled ? 2 : 0) | (e.EndOfStream ? 4 : 0));
        d[9] = e.Opens;
        d[10] = (byte)e.Sent;
        d[11] = e.Incarnation;
        d[12] = e.PeerIncarnation;
        d[13] = e.Delivered;
        d[14] = (byte)e.Observed;
        d[15] = (byte)e.LastEnd;
        for (var i = 0; i < 6; i++) d[16 + i] = (byte)(e.Held >> (8 * i));
        return EndpointBytes;
    }
}
