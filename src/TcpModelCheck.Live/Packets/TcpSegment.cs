using ScriptWriter = TcpModelCheck.Conformance.Scripts.ScriptWriter;
using TcpFlags = TcpModelCheck.Conformance.Scripts.TcpFlags;

namespace TcpModelCheck.Live.Packets;

/// <summary>A TCP segment as it is on the wire (absolute sequence numbers), with its IPv4 addresses.</summary>
public sealed record TcpSegment
{
    public required System.Net.IPAddress Source { get; init; }
    public required System.Net.IPAddress Destination { get; init; }
    public required ushort SourcePort { get; init; }
    public required ushort DestinationPort { get; init; }
    public uint Sequence { get; init; }
    public uint Acknowledgment { get; init; }
    public TcpFlags Flags { get; init; }
    public ushort Window { get; init; }
    public ushort Urgent { get; init; }
    public IReadOnlyList<TcpOption> Options { get; init; } = [];
    public byte[] Payload { get; init; } = [];

    /// <summary>Sequence space the segment occupies: its data, plus one each for SYN and FIN (RFC 9293 §3.4).</summary>
    public uint SequenceLength =>
        (uint)Payload.Length + (Flags.HasFlag(TcpFlags.Syn) ? 1u : 0u) + (Flags.HasFlag(TcpFlags.Fin) ? 1u : 0u);

    public bool Has(TcpFlags flag) => (Flags & flag) == flag;

    /// <summary>A one-line summary in packetdrill's order with absolute numbers, for diagnostics.</summary>
    public override string ToString() =>
        $"{Source}:{SourcePort} > {Destination}:{DestinationPort} {ScriptWriter.Flags(Flags)} {Sequence}:{unchecked(Sequence + (uint)Payload.Length)}({Payload.Length})"
        + (Has(TcpFlags.Ack) ? $" ack {Acknowledgment}" : "") + $" win {Window}"
        + (Options.Count > 0 ? $" <{string.Join(",", Options)}>" : "");
}
