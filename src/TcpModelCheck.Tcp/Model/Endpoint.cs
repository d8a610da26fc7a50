using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace TcpModelCheck.Tcp;

/// <summary>How an endpoint's most recent connection ended (ghost, for properties and charts).</summary>
public enum EndReason : byte
{
    /// <summary>Still open, or never opened.</summary>
    None,
    /// <summary>Closed normally: TIME-WAIT expired, or LAST-ACK saw its FIN acknowledged (RFC 9293 §3.10.7.4).</summary>
    Graceful,
    /// <summary>An acceptable RST closed it (RFC 9293 §3.10.7.3/§3.10.7.4).</summary>
    Reset,
    /// <summary>The retransmissions were exhausted (the user timeout of RFC 9293 §3.10.8).</summary>
    UserTimeout,
    /// <summary>The application called ABORT (RFC 9293 §3.10.5).</summary>
    Aborted,
    /// <summary>The host crashed and lost its TCB (RFC 9293 §3.5.2).</summary>
    Crashed,
    /// <summary>The FIN-WAIT-2 timer fired (Linux's tcp_fin_timeout; not in RFC 9293).</summary>
    FinWait2Timeout,
}

/// <summary>Sticky ghost observations about what an endpoint's application received; each maps to a property.</summary>
[Flags]
public enum Observations : byte
{
    None = 0,
    /// <summary>Delivered a data item sent by an earlier incarnation than the connection's own (no-stale-data).</summary>
    StaleData = 1,
    /// <summary>Signalled end-of-stream for a FIN sent by an earlier incarnation (no-stale-close).</summary>
    StaleEof = 2,
    /// <summary>Delivered an item out of order or twice (no-duplicate-delivery / no-data-loss).</summary>
    OutOfOrder = 4,
    /// <summary>Signalled end-of-stream before every item sent ahead of the FIN was delivered (no-data-loss).</summary>
    LostBeforeEof = 8,
    /// <summary>Delivered data after end-of-stream (no-stale-data).</summary>
    DataAfterEof = 16,
    /// <summary>A connection ended by a reset in ESTABLISHED, FIN-WAIT-1/2, CLOSE-WAIT, CLOSING or LAST-ACK
    /// (graceful-close).</summary>
    ResetEnd = 32,
    /// <summary>A synchronized connection was aborted because its retransmissions were exhausted (graceful-close,
    /// when the budgets cannot explain it).</summary>
    TimeoutEnd = 64,
    /// <summary>TIME-WAIT was cut short by a reset: the TIME-WAIT assassination of RFC 1337 (time-wait-full-length).</summary>
    TimeWaitAssassinated = 128,
}

/// <summary>
/// One endpoint: its TCB (RFC 9293 §3.3.1 — state, ISS, IRS, SND.UNA, SND.NXT, RCV.NXT, the retransmission /
/// TIME-WAIT / FIN-WAIT-2 timer), its application's progress through the workload script, and ghost fields.
/// A value: all fields are small integers, and every field of a CLOSED endpoint's TCB is zero (but the quiet-time
/// timer), so equal
/// situations are equal values (one canonical form).
/// </summary>
/// <remarks>Explicit layout (48 bytes, what the runtime's automatic layout also took): the wide fields first, then the
/// bytes, the three flags in one byte as the encoding has them, <see cref="Held"/> last. The encoding
/// (<see cref="TcpModel.Encode(in TcpState, Span{byte})"/>), written on every transition, then takes every byte it needs
/// from three 16-byte loads and three byte shuffles instead of sixteen loads, shifts and ors (<see cref="EncodeTo"/>).
/// The fields are private; the properties are the only way to them, as with automatic properties.</remarks>
[StructLayout(LayoutKind.Explicit, Size = 48)]
public readonly record struct Endpoint : IEndpointView
{
    [FieldOffset(0)] private readonly int _iss;
    [FieldOffset(4)] private readonly int _irs;
    [FieldOffset(8)] private readonly int _sndUna;
    [FieldOffset(12)] private readonly int _sndNxt;
    [FieldOffset(16)] private readonly int _rcvNxt;
    [FieldOffset(20)] private readonly int _timer;
    [FieldOffset(24)] private readonly int _sent;
    [FieldOffset(28)] private readonly ConnectionState _state;
    [FieldOffset(29)] private readonly byte _retransmits;
    [FieldOffset(30)] private readonly byte _flags;   // Passive 1, CloseCalled 2, EndOfStream 4: the encoding's flags byte
    [FieldOffset(31)] private readonly byte _opens;
    [FieldOffset(32)] private readonly byte _incarnation;
    [FieldOffset(33)] private readonly byte _peerIncarnation;
    [FieldOffset(34)] private readonly byte _delivered;
    [FieldOffset(35)] private readonly Observations _observed;
    [FieldOffset(36)] private readonly EndReason _lastEnd;
    [FieldOffset(40)] private readonly ulong _held;

    /// <summary>RFC 9293 §3.3.2 connection state.</summary>
    public ConnectionState State { get => _state; init => _state = value; }

    /// <summary>ISS: initial send sequence number.</summary>
    public int Iss { get => _iss; init => _iss = value; }

    /// <summary>IRS: initial receive sequence number (the peer's ISS as learnt from its SYN).</summary>
    public int Irs { get => _irs; init => _irs = value; }

    /// <summary>SND.UNA: oldest unacknowledged sequence number.</summary>
    public int SndUna { get => _sndUna; init => _sndUna = value; }

    /// <summary>SND.NXT: next sequence number to send.</summary>
    public int SndNxt { get => _sndNxt; init => _sndNxt = value; }

    /// <summary>RCV.NXT: next sequence number expected.</summary>
    public int RcvNxt { get => _rcvNxt; init => _rcvNxt = value; }

    /// <summary>The one timer a state needs: retransmission (SYN-SENT … LAST-ACK with data or FIN unacknowledged),
    /// 2·MSL in TIME-WAIT, the FIN-WAIT-2 timeout, the quiet time after a crash (CLOSED, RFC 9293 §3.4.3). 0 = off,
    /// otherwise 1 + ticks remaining (1 = expired).</summary>
    public int Timer { get => _timer; init => _timer = value; }

    /// <summary>Retransmissions of the oldest unacknowledged segment so far.</summary>
    public byte Retransmits { get => _retransmits; init => _retransmits = value; }

    /// <summary>True when the current connection came from a passive OPEN (a reset in SYN-RECEIVED returns to
    /// LISTEN, RFC 9293 §3.10.7.4).</summary>
    public bool Passive { get => (_flags & 1) != 0; init => _flags = WithFlag(_flags, 1, value); }

    /// <summary>Reassembly queue: payload of acceptable segments that start beyond RCV.NXT, held until RCV.NXT
    /// reaches them (RFC 9293 §3.10.7.4, "segments with higher beginning sequence numbers may be held").
    /// 16 bits per offset 1..3 past RCV.NXT: kind (0 none, 1 data, 2 FIN), ghost item, ghost incarnation.</summary>
    public ulong Held { get => _held; init => _held = value; }

    /// <summary>Application: OPEN calls made so far (connections begun).</summary>
    public byte Opens { get => _opens; init => _opens = value; }

    /// <summary>Application: data items handed to SEND in the current connection.</summary>
    public int Sent { get => _sent; init => _sent = value; }

    /// <summary>Application: CLOSE called in the current connection.</summary>
    public bool CloseCalled { get => (_flags & 2) != 0; init => _flags = WithFlag(_flags, 2, value); }

    /// <summary>Ghost: the incarnation of the connection this TCB belongs to — n for the opener's n-th active
    /// OPEN, and for a passive endpoint the incarnation of the SYN that created its TCB in LISTEN. Stamped on every
    /// segment the endpoint sends; data stamped with a smaller number is stale.</summary>
    public byte Incarnation { get => _incarnation; init => _incarnation = value; }

    /// <summary>Ghost: the incarnation stamped on the segment that completed this endpoint's handshake (an old
    /// duplicate may complete it; informative only: no rule or property reads it). Under
    /// <see cref="Reduction.DeadGhosts"/> the endpoint's own incarnation (<see cref="Tcb.PeerIncarnation"/>).</summary>
    public byte PeerIncarnation { get => _peerIncarnation; init => _peerIncarnation = value; }

    /// <summary>Ghost: data items delivered to the application in the current (or, once CLOSED, the most recent) connection.</summary>
    public byte Delivered { get => _delivered; init => _delivered = value; }

    /// <summary>Ghost: end-of-stream delivered to the application in the current (or most recent) connection.</summary>
    public bool EndOfStream { get => (_flags & 4) != 0; init => _flags = WithFlag(_flags, 4, value); }

    /// <summary>Ghost: sticky observations (never cleared), read by the safety properties.</summary>
    public Observations Observed { get => _observed; init => _observed = value; }

    /// <summary>Ghost: how the most recent connection ended.</summary>
    public EndReason LastEnd { get => _lastEnd; init => _lastEnd = value; }

    /// <summary><paramref name="flags"/> with <paramref name="bit"/> set or cleared.</summary>
    private static byte WithFlag(byte flags, int bit, bool on) => (byte)(on ? flags | bit : flags & ~bit);

    /// <summary>Every field packed into two words plus <see cref="Held"/> (hashing in the explorer's hot path). The
    /// explorer's sequence numbers, timers and counts fit a byte (its sequence space is at most 256); the wider fields
    /// exist for the conformance checker's open endpoint (32-bit sequence numbers, timers in milliseconds).</summary>
    internal ulong PackLow =>
        (ulong)State | (ulong)(byte)Iss << 8 | (ulong)(byte)Irs << 16 | (ulong)(byte)SndUna << 24 | (ulong)(byte)SndNxt << 32
        | (ulong)(byte)RcvNxt << 40 | (ulong)(byte)Timer << 48 | (ulong)Retransmits << 56;

    internal ulong PackHigh =>
        (ulong)_flags | (ulong)Opens << 8 | (ulong)(byte)Sent << 16
        | (ulong)Incarnation << 24 | (ulong)PeerIncarnation << 32 | (ulong)Delivered << 40 | (ulong)Observed << 48
        | (ulong)LastEnd << 56;

    /// <summary>Length of <see cref="EncodeTo"/>'s output.</summary>
    internal const int EncodedBytes = 22;

    /// <summary>Writes the endpoint's 22 encoded bytes: <see cref="PackLow"/>, <see cref="PackHigh"/> and the 6 low bytes
    /// of <see cref="Held"/>, little-endian (the layout is in <see cref="TcpModel.Encode(in TcpState, Span{byte})"/>'s
    /// remarks). With SSSE3, the first 16 are gathered from the fields by three byte shuffles (see the remarks on the
    /// layout); the caller has checked that 22 bytes fit at <paramref name="d"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void EncodeTo(ref byte d)
    {
        if (Ssse3.IsSupported)
        {
            ref var b = ref Unsafe.As<Endpoint, byte>(ref Unsafe.AsRef(in this));
            var v = Ssse3.Shuffle(Vector128.LoadUnsafe(ref b), Vector128.Create(
                    0x80, 0, 4, 8, 12, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, (byte)0x80))
                | Ssse3.Shuffle(Vector128.LoadUnsafe(ref b, 16), Vector128.Create(
                    12, 0x80, 0x80, 0x80, 0x80, 0, 4, 13, 14, 15, 8, 0x80, 0x80, 0x80, 0x80, (byte)0x80))
                | Ssse3.Shuffle(Vector128.LoadUnsafe(ref b, 32), Vector128.Create(
                    0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0, 1, 2, 3, (byte)4));
            v.StoreUnsafe(ref d);
        }
        else
        {
            BinaryPrimitives.WriteUInt64LittleEndian(MemoryMarshal.CreateSpan(ref d, 8), PackLow);
            BinaryPrimitives.WriteUInt64LittleEndian(MemoryMarshal.CreateSpan(ref Unsafe.Add(ref d, 8), 8), PackHigh);
        }
        BinaryPrimitives.WriteUInt32LittleEndian(MemoryMarshal.CreateSpan(ref Unsafe.Add(ref d, 16), 4), (uint)_held);
        BinaryPrimitives.WriteUInt16LittleEndian(MemoryMarshal.CreateSpan(ref Unsafe.Add(ref d, 20), 2), (ushort)(_held >> 32));
    }

    /// <summary>Makes <paramref name="into"/> the endpoint <see cref="EncodeTo"/> wrote at <paramref name="d"/> (22 bytes,
    /// checked by the caller): the same shuffles backwards, each byte into the low byte of its field.</summary>
    /// <remarks>Written in place, into the state object's own field: a decoded endpoint returned by value was stored as
    /// three 16-byte vectors and copied on at once by a 32-byte load, which store forwarding cannot serve (1.2 % of a
    /// pinned rfc9293/reconnect search waited there).</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void DecodeInto(ref byte d, ref Endpoint into)
    {
        var held = BinaryPrimitives.ReadUInt32LittleEndian(MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref d, 16), 4))
            | (ulong)BinaryPrimitives.ReadUInt16LittleEndian(MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref d, 20), 2)) << 32;
        if (Ssse3.IsSupported)
        {
            var e = Vector128.LoadUnsafe(ref d);
            ref var b = ref Unsafe.As<Endpoint, byte>(ref into);
            Ssse3.Shuffle(e, Vector128.Create(1, 0x80, 0x80, 0x80, 2, 0x80, 0x80, 0x80, 3, 0x80, 0x80, 0x80, 4, 0x80, 0x80, (byte)0x80))
                .StoreUnsafe(ref b);
            Ssse3.Shuffle(e, Vector128.Create(5, 0x80, 0x80, 0x80, 6, 0x80, 0x80, 0x80, 10, 0x80, 0x80, 0x80, 0, 7, 8, (byte)9))
                .StoreUnsafe(ref b, 16);
            Ssse3.Shuffle(e, Vector128.Create(11, 12, 13, 14, 15, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, (byte)0x80))
                .AsUInt64().WithElement(1, held).StoreUnsafe(ref Unsafe.As<byte, ulong>(ref Unsafe.Add(ref b, 32)));
            return;
        }
        var low = BinaryPrimitives.ReadUInt64LittleEndian(MemoryMarshal.CreateReadOnlySpan(ref d, 8));
        var high = BinaryPrimitives.ReadUInt64LittleEndian(MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref d, 8), 8));
        into = new Endpoint
        {
            State = (ConnectionState)(byte)low,
            Iss = (byte)(low >> 8),
            Irs = (byte)(low >> 16),
            SndUna = (byte)(low >> 24),
            SndNxt = (byte)(low >> 32),
            RcvNxt = (byte)(low >> 40),
            Timer = (byte)(low >> 48),
            Retransmits = (byte)(low >> 56),
            Passive = (high & 1) != 0,
            CloseCalled = (high & 2) != 0,
            EndOfStream = (high & 4) != 0,
            Opens = (byte)(high >> 8),
            Sent = (byte)(high >> 16),
            Incarnation = (byte)(high >> 24),
            PeerIncarnation = (byte)(high >> 32),
            Delivered = (byte)(high >> 40),
            Observed = (Observations)(byte)(high >> 48),
            LastEnd = (EndReason)(byte)(high >> 56),
            Held = held,
        };
    }

    /// <summary>Timer ticks remaining until expiry (0 = expired now), or null when no timer runs.</summary>
    public int? TimerRemaining => Timer == 0 ? null : Timer - 1;

    public override string ToString() =>
        $"{State.RfcName()} iss={Iss} irs={Irs} una={SndUna} nxt={SndNxt} rcv={RcvNxt}"
        + (Timer != 0 ? $" timer={Timer - 1}" : "") + (Retransmits != 0 ? $" rtx={Retransmits}" : "")
        + (Held != 0 ? $" held={Held:x}" : "") + $" app(open={Opens} sent={Sent}{(CloseCalled ? " closed" : "")})"
        + $" ghost(inc={Incarnation} peer={PeerIncarnation} got={Delivered}{(EndOfStream ? " eof" : "")}"
        + (Observed != 0 ? $" {Observed}" : "") + (LastEnd != 0 ? $" ended={LastEnd}" : "") + ")";
}
