using System.Buffers.Binary;

namespace TcpModelCheck.Live.Packets;

/// <summary>One TCP option (kind, and the bytes after the kind/length octets), written as packetdrill spells it.</summary>
public sealed record TcpOption(byte Kind, byte[] Data)
{
    public const byte EndKind = 0, NopKind = 1, MssKind = 2, WindowScaleKind = 3, SackPermittedKind = 4, SackKind = 5,
        TimestampKind = 8;

    public static TcpOption Eol { get; } = new(EndKind, []);
    public static TcpOption Nop { get; } = new(NopKind, []);
    public static TcpOption SackPermitted { get; } = new(SackPermittedKind, []);

    public static TcpOption Mss(ushort mss) => new(MssKind, Be16(mss));
    public static TcpOption WindowScale(byte shift) => new(WindowScaleKind, [shift]);

    public static TcpOption Timestamp(uint value, uint echo)
    {
        var data = new byte[8];
        BinaryPrimitives.WriteUInt32BigEndian(data, value);
        BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(4), echo);
        return new TcpOption(TimestampKind, data);
    }

    /// <summary>Bytes on the wire: one for EOL/NOP, else kind, length, data.</summary>
    public int WireLength => Kind is EndKind or NopKind ? 1 : 2 + Data.Length;

    /// <summary>packetdrill's spelling: mss 1460, sackOK, TS val 1 ecr 0, nop, wscale 7, eol.</summary>
    public override string ToString() => Kind switch
    {
        EndKind => "eol",
        NopKind => "nop",
        MssKind when Data.Length == 2 => $"mss {BinaryPrimitives.ReadUInt16BigEndian(Data)}",
        WindowScaleKind when Data.Length == 1 => $"wscale {Data[0]}",
        SackPermittedKind => "sackOK",
        TimestampKind when Data.Length == 8 =>
            $"TS val {BinaryPrimitives.ReadUInt32BigEndian(Data)} ecr {BinaryPrimitives.ReadUInt32BigEndian(Data.AsSpan(4))}",
        _ => $"kind {Kind} len {WireLength}",
    };

    public bool Equals(TcpOption? other) => other is not null && Kind == other.Kind && Data.AsSpan().SequenceEqual(other.Data);

    public override int GetHashCode() => HashCode.Combine(Kind, Data.Length);

    private static byte[] Be16(ushort value)
    {
        var data = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(data, value);
        return data;
    }
}
