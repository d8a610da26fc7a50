using TcpModelCheck.Live.Isolation;
using TcpModelCheck.Live.Packets;
using TcpFlags = TcpModelCheck.Conformance.Scripts.TcpFlags;

namespace TcpModelCheck.Live.Runs;

/// <summary>
/// The tool's side of the wire: the remote peer at <see cref="NetworkPlan.Remote"/>. It writes the script's inbound
/// segments to the TUN device and keeps every TCP segment the kernel sends to the peer, in arrival order with its
/// arrival time, until the runner consumes it. Sequence numbers: the peer's own are written on the wire as the
/// script gives them (the script's ISN is the peer's ISN); the kernel's are relative to its ISN, learned from the
/// first SYN it sends (packetdrill's convention).
/// </summary>
public sealed class PeerLink(IsolatedNetwork network, ScriptClock clock, ushort remotePort, ushort listenPort)
{
    private readonly Queue<ObservedSegment> _arrived = new();
    private ushort _identification;
    private long _seenEmptyAt;

    /// <summary>The port the kernel's socket uses: the listening port, or the one its SYN came from.</summary>
    public ushort KernelPort { get; private set; } = listenPort;

    /// <summary>The peer's port; the kernel connects to <see cref="ListenPort"/> on the peer.</summary>
    public ushort RemotePort { get; private set; } = remotePort;

    /// <summary>The port scripts listen on and connect to (packetdrill's default 8080).</summary>
    public ushort ListenPort { get; } = listenPort;

    /// <summary>The kernel's ISN, once its first SYN has been seen.</summary>
    public uint? KernelIsn { get; private set; }

    public NetworkPlan Plan => network.Plan;

    /// <summary>Sends a segment from the peer; <paramref name="segment"/>'s numbers are already absolute.</summary>
    public void Send(TcpSegment segment) => network.Tun.Write(Ipv4TcpCodec.Encode(segment, _identification++));

    /// <summary>A segment from the peer to the kernel's socket with the given fields.</summary>
    public TcpSegment FromPeer(TcpFlags flags, uint seq, uint ack, ushort window) => new()
    {
        Source = Plan.Remote, Destination = Plan.Local, SourcePort = RemotePort, DestinationPort = KernelPort,
        Sequence = seq, Acknowledgment = ack, Flags = flags, Window = window,
    };

    /// <summary>The kernel's absolute sequence number for a relative one (identity before its ISN is known).</summary>
    public uint KernelAbsolute(uint relative) => unchecked(relative + (KernelIsn ?? 0));

    /// <summary>The kernel's relative sequence number for an absolute one.</summary>
    /// <remarks>Before the kernel has sent a SYN there is no ISN to be relative to, and numbers are absolute both ways
    /// (as <see cref="KernelAbsolute"/> has them): a listener's reset to <c>&lt; . 0:0(0) ack 1000</c> is
    /// <c>&gt; R 1000:1000(0)</c>, as packetdrill writes it.</remarks>
    public uint KernelRelative(uint absolute) => unchecked(absolute - (KernelIsn ?? 0));

    /// <summary>
    /// Reads the device until <paramref name="deadlineMicros"/>, or until a segment is waiting when
    /// <paramref name="untilSegment"/>, or until <paramref name="stop"/> says so; returns the next waiting segment.
    /// </summary>
    public ObservedSegment? Wait(long deadlineMicros, bool untilSegment, Func<bool>? stop = null)
    {
        while (true)
        {
            Drain();
            if (untilSegment && _arrived.Count > 0) return _arrived.Peek();
            if (stop?.Invoke() == true) break;
            var remaining = clock.Until(deadlineMicros);
            if (remaining <= TimeSpan.Zero) break;
            // Short slices while a blocking call is out, so its return is noticed promptly.
            var slice = stop is null ? remaining : TimeSpan.FromTicks(Math.Min(remaining.Ticks, TimeSpan.TicksPerMillisecond));
            if (network.Tun.Read(slice) is { } packet) Accept(packet);
            else _seenEmptyAt = clock.NowMicros;
        }
        return _arrived.Count > 0 ? _arrived.Peek() : null;
    }

    /// <summary>Reads every packet already waiting on the device, without blocking.</summary>
    private void Drain()
    {
        while (network.Tun.Read(TimeSpan.Zero) is { } packet) Accept(packet);
        _seenEmptyAt = clock.NowMicros;
    }

    /// <summary>Removes and returns the oldest waiting segment.</summary>
    public ObservedSegment? Take() => _arrived.Count > 0 ? _arrived.Dequeue() : null;

    /// <summary>Segments the kernel sent that no script line consumed.</summary>
    public IReadOnlyCollection<ObservedSegment> Unconsumed => _arrived;

    private void Accept(byte[] packet)
    {
        var at = clock.NowMicros;
        if (Ipv4TcpCodec.TryDecode(packet, out _) is not { } segment) return;
        if (!segment.Destination.Equals(Plan.Remote) || !segment.Source.Equals(Plan.Local)) return;
        // Every SYN the kernel sends sets the base of its relative numbers, as packetdrill does per socket: a
        // listener's second connection (after an RST, or a SYN that reopens TIME-WAIT) starts again at 0.
        if (segment.Has(TcpFlags.Syn))
        {
            var first = KernelIsn is null;
            KernelIsn = segment.Sequence;
            if (first && !segment.Has(TcpFlags.Ack))
            {
                KernelPort = segment.SourcePort; // an active open: the kernel chose an ephemeral port
                RemotePort = segment.DestinationPort;
            }
        }
        _arrived.Enqueue(new ObservedSegment(Math.Min(_seenEmptyAt, at), at, segment));
    }
}
