using TcpModelCheck.Live.Native;

namespace TcpModelCheck.Live.Kernel;

/// <summary>What a system call returned: its value, or -1 with the kernel's errno.</summary>
public readonly record struct SyscallResult(long Value, int Errno)
{
    public static SyscallResult Ok(long value) => new(value, 0);

    public bool Failed => Value < 0;

    /// <summary>packetdrill's spelling of a result: <c>0</c>, <c>4</c>, <c>-1 ECONNRESET</c>.</summary>
    public override string ToString() => Failed ? $"-1 {Conformance.Scripts.Errno.Name(Errno)}" : Value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    internal static SyscallResult Of(long value) => value < 0 ? new(-1, Libc.Errno) : Ok(value);
}
