using System.Runtime.InteropServices;
using System.Text;

namespace TcpModelCheck.Engine.Traces;

/// <summary>
/// Reads a trace file's text safely: only a regular file (a FIFO would block the reader forever and a device
/// such as <c>/dev/zero</c> never ends), at most <see cref="MaxBytes"/> bytes, and every problem as one
/// <see cref="TraceFormatException"/> line in plain words ("is a directory", not "Access denied").
/// </summary>
public static partial class TraceFile
{
    /// <summary>The largest trace file read: a counterexample of ten thousand steps is about 1 MiB, so 64 MiB is
    /// never a real trace but always bounds the memory a mistaken path (or a hostile file) can take.</summary>
    public const long MaxBytes = 64L << 20;

    /// <summary>The text of the file at <paramref name="path"/>; throws <see cref="TraceFormatException"/>
    /// (message without the path: the caller adds it) when it cannot be read as a trace file.</summary>
    public static string ReadText(string path, long maxBytes = MaxBytes)
    {
        if (path.Length == 0) throw new TraceFormatException("the file name is empty");
        if (Directory.Exists(path)) throw new TraceFormatException("is a directory, not a trace file");
        if (!File.Exists(path)) throw new TraceFormatException("no such file");
        if (KindOf(path) is { } kind && kind != "regular file")
            throw new TraceFormatException($"is a {kind}, not a regular file (only regular files are read)");
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            if (stream.CanSeek && stream.Length > maxBytes) throw TooLarge(maxBytes);
            var buffer = new byte[Math.Min(maxBytes + 1, Math.Max(stream.CanSeek ? stream.Length + 1 : 4096, 1))];
            var total = 0;
            while (true)
            {
                if (total == buffer.Length)
                {
                    if (buffer.Length > maxBytes) throw TooLarge(maxBytes);
                    Array.Resize(ref buffer, (int)Math.Min(maxBytes + 1, (long)buffer.Length * 2));
                }
                var n = stream.Read(buffer, total, buffer.Length - total);
                if (n == 0) break;
                total += n;
            }
            if (total > maxBytes) throw TooLarge(maxBytes);
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer, 0, total);
        }
        catch (UnauthorizedAccessException) { throw new TraceFormatException("permission denied"); }
        catch (DecoderFallbackException) { throw new TraceFormatException("is not UTF-8 text"); }
        catch (IOException e) { throw new TraceFormatException($"cannot be read ({e.Message.Split('\n')[0].Trim()})"); }
    }

    private static TraceFormatException TooLarge(long max) =>
        new($"is larger than {max >> 20} MiB (no trace is that large; is it the right file?)");

    /// <summary>What kind of file system object <paramref name="path"/> is ("regular file", "FIFO",
    /// "character device", ...), following symbolic links; null when it cannot be told (then the size-limited
    /// read still bounds what is read). .NET exposes no file type, so this asks the runtime's own native shim
    /// (<c>SystemNative_Stat</c>, whose result starts with two 32-bit fields, flags and mode, on every Unix).</summary>
    public static string? KindOf(string path)
    {
        if (OperatingSystem.IsWindows()) return null;
        try
        {
            if (Stat(path, out var status) != 0) return null;
            return (status.Mode & 0xF000) switch
            {
                0x8000 => "regular file",
                0x4000 => "directory",
                0x1000 => "FIFO",
                0x2000 => "character device",
                0x6000 => "block device",
                0xC000 => "socket",
                _ => "special file",
            };
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    /// <summary>The leading fields of the runtime's <c>FileStatus</c>; the size leaves room for the rest.</summary>
    [StructLayout(LayoutKind.Sequential, Size = 256)]
    private struct FileStatus
    {
        public int Flags;
        public int Mode;
    }

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_Stat", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Stat(string path, out FileStatus status);
}
