using TcpModelCheck.Conformance.Scripts;
using Wire = TcpModelCheck.Live.Packets;

namespace TcpModelCheck.Live.Runs;

/// <summary>
/// Between a script's segment lines and segments on the wire, following packetdrill's mapping: the peer's numbers
/// as written, the kernel's relative to its ISN; an inbound <c>ack</c> is relative to the kernel's ISN, an outbound
/// one is the peer's number as written. Payloads are zero bytes of the written length.
/// </summary>
internal static class SegmentMapping
{
    /// <summary>Default window of an inbound segment that does not say <c>win</c>.</summary>
    public const ushort DefaultWindow = 65535;

    /// <summary>The wire segment for an inbound line, or null with the reason it cannot be sent.</summary>
    public static Wire.TcpSegment? Inbound(PacketEvent p, PeerLink peer, out string? unsupported)
    {
        unsupported = null;
        var options = new List<Wire.TcpOption>();
        foreach (var option in p.Options?.Items ?? [])
        {
            if (ToWire(option, peer) is { } o) options.Add(o);
            else { unsupported = $"the TCP option {ScriptWriter.Options(new TcpOptionList(false, [option]))} in an inbound segment"; return null; }
        }
        return peer.FromPeer(p.Flags, p.Seq.Start, p.Ack is { } ack ? peer.KernelAbsolute(ack) : 0,
            (ushort)Math.Clamp(p.Window ?? DefaultWindow, 0, ushort.MaxValue)) with
        {
            Options = options,
            Payload = new byte[p.Seq.Length],
            Urgent = (ushort)(p.UrgentPointer ?? 0),
        };
    }

    /// <summary>A segment the kernel sent, written as an outbound line at <paramref name="time"/>.</summary>
    public static PacketEvent Outbound(Wire.TcpSegment s, PeerLink peer, EventTime time, int line)
    {
        var start = peer.KernelRelative(s.Sequence);
        return new PacketEvent(line, time, Direction.Outbound, s.Flags,
            SequenceRange.At(start, s.Payload.Length),
            s.Has(TcpFlags.Ack) ? s.Acknowledgment : null, s.Window,
            s.Has(TcpFlags.Urg) ? s.Urgent : null,
            s.Options.Count == 0 ? null : new TcpOptionList(false, s.Options.Select(FromWire).OfType<TcpOption>().ToValueList()));
    }

    /// <summary>Null when the kernel's segment is the one the line expects (packetdrill's field checks), else which field differs.</summary>
    public static string? Mismatch(PacketEvent expected, PacketEvent got)
    {
        if (expected.Flags != got.Flags) return "flags";
        if (expected.Seq.Start != got.Seq.Start) return "sequence number";
        if (expected.Seq.Length != got.Seq.Length) return "length";
        if (expected.Ack is { } ack && got.Ack != ack) return "acknowledgment number";
        if (expected.Window is { } win && got.Window != win) return "window";
        if (expected.UrgentPointer is { } urg && got.UrgentPointer != urg) return "urgent pointer";
        return expected.Options is { AnyOptions: true } ? null : OptionsMismatch(expected.Options, got.Options);
    }

    private static string? OptionsMismatch(TcpOptionList? expected, TcpOptionList? got)
    {
        var e = expected?.Items ?? [];
        var g = got?.Items ?? [];
        if (e.Count != g.Count) return "TCP options";
        for (var i = 0; i < e.Count; i++)
        {
            // packetdrill does not check TS val (the kernel's clock); everything else must be equal.
            var same = (e[i], g[i]) switch
            {
                (TimestampOption a, TimestampOption b) => a.Echo == b.Echo,
                var (a, b) => a == b,
            };
            if (!same) return "TCP options";
        }
        return null;
    }

    private static Wire.TcpOption? ToWire(TcpOption option, PeerLink peer) => option switch
    {
        NopOption => Wire.TcpOption.Nop,
        EolOption => Wire.TcpOption.Eol,
        MssOption m => Wire.TcpOption.Mss((ushort)m.Mss),
        WindowScaleOption w => Wire.TcpOption.WindowScale((byte)w.Shift),
        SackPermittedOption => Wire.TcpOption.SackPermitted,
        TimestampOption t => Wire.TcpOption.Timestamp(t.Value, t.Echo),
        SackOption s => Sack(s.Blocks.Select(b => (peer.KernelAbsolute(b.Left), peer.KernelAbsolute(b.Right)))),
        _ => null,
    };

    /// <summary>The script form of an option the kernel sent; null for a kind packetdrill's grammar has no
    /// spelling for here (the kernel sends none in these runs: no Fast Open, MD5 or MPTCP is configured).</summary>
    private static TcpOption? FromWire(Wire.TcpOption o)
    {
        var d = o.Data;
        uint U32(int at) => System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(d.AsSpan(at));
        return o.Kind switch
        {
            Wire.TcpOption.NopKind => new NopOption(),
            Wire.TcpOption.EndKind => new EolOption(),
            Wire.TcpOption.MssKind when d.Length == 2 => new MssOption((d[0] << 8) | d[1]),
            Wire.TcpOption.WindowScaleKind when d.Length == 1 => new WindowScaleOption(d[0]),
            Wire.TcpOption.SackPermittedKind => new SackPermittedOption(),
            Wire.TcpOption.TimestampKind when d.Length == 8 => new TimestampOption(U32(0), U32(4)),
            Wire.TcpOption.SackKind when d.Length % 8 == 0 => new SackOption(Enumerable.Range(0, d.Length / 8)
                .Select(i => new SackBlock(U32(8 * i), U32(8 * i + 4))).ToValueList()),
            _ => null,
        };
    }

    private static Wire.TcpOption Sack(IEnumerable<(uint Left, uint Right)> blocks)
    {
        var list = blocks.ToList();
        var data = new byte[8 * list.Count];
        for (var i = 0; i < list.Count; i++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(8 * i), list[i].Left);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(8 * i + 4), list[i].Right);
        }
        return new Wire.TcpOption(Wire.TcpOption.SackKind, data);
    }
}
