using System.Buffers.Binary;

namespace TcpModelCheck.Engine.Partitioning;

/// <summary>
/// One record per successor handed to its owner: the stable hash (8 bytes), the parent's local id in the sending
/// partition (8), the choice (4), the length of the state's encoding (2) and the encoding. Written through a large
/// buffer; the receiver reads the file once, after the barrier that says it is complete, and deletes it.
/// </summary>
internal sealed class SpoolWriter(string path) : IDisposable
{
    public const int HeaderBytes = 22;
    private FileStream? _stream;
    private readonly byte[] _header = new byte[HeaderBytes];

    public long Records { get; private set; }

    public void Write(ulong hash, long parent, int choice, ReadOnlySpan<byte> encoding)
    {
        _stream ??= new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20);
        BinaryPrimitives.WriteUInt64LittleEndian(_header, hash);
        BinaryPrimitives.WriteInt64LittleEndian(_header.AsSpan(8), parent);
        BinaryPrimitives.WriteInt32LittleEndian(_header.AsSpan(16), choice);
        BinaryPrimitives.WriteUInt16LittleEndian(_header.AsSpan(20), checked((ushort)encoding.Length));
        _stream.Write(_header);
        _stream.Write(encoding);
        Records++;
    }

    /// <summary>Closes the file (an empty spool is never created: the reader treats a missing file as empty).</summary>
    public void Dispose() => _stream?.Dispose();

    /// <summary>Reads every record of the spool at <paramref name="path"/> (if any), in order, then deletes it.</summary>
    public static void ReadAll(string path, SpoolHandler handler)
    {
        if (!File.Exists(path)) return;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20))
        {
            Span<byte> header = stackalloc byte[HeaderBytes];
            var body = new byte[ushort.MaxValue];
            while (stream.ReadAtLeast(header, HeaderBytes, throwOnEndOfStream: false) == HeaderBytes)
            {
                var length = BinaryPrimitives.ReadUInt16LittleEndian(header[20..]);
                stream.ReadExactly(body, 0, length);
                handler(BinaryPrimitives.ReadUInt64LittleEndian(header), BinaryPrimitives.ReadInt64LittleEndian(header[8..]),
                    BinaryPrimitives.ReadInt32LittleEndian(header[16..]), body.AsSpan(0, length));
            }
        }
        File.Delete(path);
    }
}

/// <summary>Receives one spooled successor.</summary>
internal delegate void SpoolHandler(ulong hash, long parent, int choice, ReadOnlySpan<byte> encoding);
