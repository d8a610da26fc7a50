using TcpModelCheck.Tcp.Tests.Support;

namespace TcpModelCheck.Tcp.Tests;

/// <summary><see cref="TcpModel.Encode"/> writes whole words for speed; these are the bytes it must write, field by
/// field (the layout in its remarks), compared on every state of rows that use every field. The fingerprints of
/// every search depend on these bytes, so a change to them is a change to every fingerprint.</summary>
public class StateEncodingTests
{
    [Theory]
    [MemberData(nameof(StateDecodingTests.Rows), MemberType = typeof(StateDecodingTests))]
    public void Encode_writes_the_field_by_field_layout(string row)
    {
        var model = new TcpModel(StateDecodingTests.Config(row));
        var buffer = new byte[model.MaxEncodedLength];
        var walk = new BreadthFirstWalk(model, 10_000);
        foreach (var s in walk.States())
            Assert.Equal(Reference(s), buffer.AsSpan(0, model.Encode(s, buffer)).ToArray());
        Assert.True(walk.Found.Count >= 1_000, $"{row}: only {walk.Found.Count} states");
    }

    private static byte[] Reference(TcpState state)
    {
        var d = new List<byte>();
        foreach (var e in new[] { state.Client, state.Server })
        {
            d.AddRange([(byte)e.State, (byte)e.Iss, (byte)e.Irs, (byte)e.SndUna, (byte)e.SndNxt, (byte)e.RcvNxt, (byte)e.Timer, e.Retransmits,
                (byte)((e.Passive ? 1 : 0) | (e.CloseCalled ? 2 : 0) | (e.EndOfStream ? 4 : 0)), e.Opens, (byte)e.Sent, e.Incarnation,
                e.PeerIncarnation, e.Delivered, (byte)e.Observed, (byte)e.LastEnd]);
            for (var i = 0; i < 6; i++) d.Add((byte)(e.Held >> (8 * i)));
        }
        var u = state.Used;
        d.AddRange([u.Losses, u.Duplications, u.Crashes, (byte)((u.Overflowed ? 1 : 0) | u.Delays << 1), (byte)state.IsnClock, (byte)state.InFlight.Count]);
        foreach (var s in state.InFlight)
            d.AddRange([(byte)s.Seq, (byte)s.Ack,
                (byte)((int)s.Flags | (s.HasData ? 16 : 0) | (s.From == Side.Server ? 32 : 0) | (s.Straggler ? 64 : 0)),
                (byte)s.Item, (byte)s.Incarnation, (byte)s.Age]);
        return d.ToArray();
    }
}
