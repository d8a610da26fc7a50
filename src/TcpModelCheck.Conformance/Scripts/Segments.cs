namespace TcpModelCheck.Conformance.Scripts;

/// <summary><c>&lt;</c> inbound (the script sends it to the stack), <c>&gt;</c> outbound (the stack must send it).</summary>
public enum Direction
{
    Inbound,
    Outbound,
}

/// <summary>The TCP control bits as packetdrill writes them: F S R P . (ACK) U E (ECE) W (CWR); <c>-</c> for none.
/// The values are the header's wire bits (RFC 9293 §3.1), so the live codec reads and writes them as they are.</summary>
[Flags]
public enum TcpFlags : byte
{
    None = 0,
    Fin = 1,
    Syn = 2,
    Rst = 4,
    Psh = 8,
    Ack = 16,
    Urg = 32,
    Ece = 64,
    Cwr = 128,
}

/// <summary><c>start:end(len)</c>. The parser checks end = start + len (mod 2^32), as packetdrill does.</summary>
public sealed record SequenceRange(uint Start, uint End, int Length)
{
    public static SequenceRange At(uint start, int length) => new(start, unchecked(start + (uint)length), length);
}

/// <summary>A segment's <c>&lt;…&gt;</c>: <see cref="AnyOptions"/> for <c>&lt;...&gt;</c> (outbound only: matches
/// any options), otherwise the listed options in order.</summary>
public sealed record TcpOptionList(bool AnyOptions, ValueList<TcpOption> Items)
{
    public static TcpOptionList Any { get; } = new(true, []);
}

/// <summary>One TCP option of packetdrill's tcp_option rule. The model ignores options; a live runner encodes them.</summary>
public abstract record TcpOption;

public sealed record NopOption : TcpOption;

public sealed record EolOption : TcpOption;

public sealed record MssOption(int Mss) : TcpOption;

public sealed record WindowScaleOption(int Shift) : TcpOption;

public sealed record SackPermittedOption : TcpOption;

public sealed record SackOption(ValueList<SackBlock> Blocks) : TcpOption;

public sealed record SackBlock(uint Left, uint Right);

public sealed record TimestampOption(uint Value, uint Echo) : TcpOption;

/// <summary><c>FO cookie</c> / <c>FOEXP cookie</c> (TCP Fast Open, RFC 7413); the cookie in hex, maybe empty.</summary>
public sealed record FastOpenOption(string Cookie, bool Experimental) : TcpOption;

public sealed record Md5Option(string Digest) : TcpOption;
