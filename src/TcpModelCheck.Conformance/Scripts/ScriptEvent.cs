namespace TcpModelCheck.Conformance.Scripts;

/// <summary>One event of a script, at the line its time is written on (packetdrill numbers events the same way).</summary>
public abstract record ScriptEvent(int Line, EventTime Time);

/// <summary>
/// A TCP segment: <c>&lt;</c> one the remote side (the script) sends to the stack under test, <c>&gt;</c> one the
/// stack must send. Sequence and acknowledgment numbers are relative to the sender's ISN for outbound segments
/// and to the script's ISN (0) for inbound ones, as packetdrill writes them; an inbound <c>ack</c> is relative to
/// the stack's ISN.
/// </summary>
/// <param name="Ack">The acknowledgment number written after <c>ack</c>; null when absent.</param>
/// <param name="Window">The window written after <c>win</c>; null when absent (packetdrill then does not check it).</param>
/// <param name="UrgentPointer">The value after <c>urg</c>; null when absent.</param>
/// <param name="Options">The <c>&lt;…&gt;</c> list; null when absent (no options).</param>
public sealed record PacketEvent(
    int Line, EventTime Time, Direction Direction, TcpFlags Flags, SequenceRange Seq,
    uint? Ack = null, int? Window = null, int? UrgentPointer = null, TcpOptionList? Options = null)
    : ScriptEvent(Line, Time)
{
    public bool IsInbound => Direction == Direction.Inbound;
}

/// <summary>
/// A system call and the result the script expects: <c>connect(3, ..., ...) = -1 EINPROGRESS (Operation now in
/// progress)</c>. <see cref="BlockingEndMicros"/> is the end of a blocking call written <c>0.1...0.2 accept(…)</c>
/// (absolute, or relative when <see cref="BlockingEndRelative"/>); null for a call that returns at once.
/// </summary>
public sealed record SyscallEvent(
    int Line, EventTime Time, string Name, ValueList<Expr> Arguments, Expr Result,
    string? Errno = null, string? Note = null, long? BlockingEndMicros = null, bool BlockingEndRelative = false)
    : ScriptEvent(Line, Time)
{
    /// <summary>The integer result, when the script expects one (<c>= 3</c>, <c>= -1</c>).</summary>
    public long? ResultValue => Result is IntExpr i ? i.Value : null;

    /// <summary>Argument <paramref name="index"/>, or null when the call has fewer.</summary>
    public Expr? Argument(int index) => index < Arguments.Count ? Arguments[index] : null;
}

/// <summary>A shell command in backticks (<c>`sysctl -q net.ipv4.tcp_rfc1337=1`</c>). The model cannot run it;
/// the checker notes it as skipped. <see cref="EventTime.None"/> for the init or cleanup command.</summary>
public sealed record CommandEvent(int Line, EventTime Time, string Command) : ScriptEvent(Line, Time);

/// <summary>A construct of packetdrill's language the parser recognises but does not model in detail: a UDP or
/// ICMP packet, IP-level fields (<c>[ect0]</c>, <c>(tos 0x2)</c>), explicit ports, a <c>%{ python }%</c> block.
/// <see cref="Text"/> is the source text, <see cref="What"/> says what it is. A script containing one is
/// <c>unsupported</c>, never silently passed.</summary>
public sealed record UnsupportedEvent(int Line, EventTime Time, string What, string Text) : ScriptEvent(Line, Time);
