using Microsoft.Win32.SafeHandles;

namespace TcpModelCheck.Engine.Storage;

/// <summary>
/// A scratch file of fixed-size pages that a search writes what it need not keep in memory to (the
/// breadth-first queue, the predecessor log), as TLC does with its disk queue and trace file. Pages are
/// written whole and read whole or in part; a freed page's place is reused, so the file is only as large as the
/// pages alive at once. The file is unlinked as soon as it is open (where the system allows it) and deleted on
/// close in any case, so nothing is left behind, not even when the process is killed.
/// </summary>
/// <remarks>Pages may be written, read and freed from different threads at once (the queue writes its pages on a
/// thread-pool thread while the coordinator frees and reads others); the predecessor log reads a few entries when a
/// counterexample is rebuilt after the search.</remarks>
internal sealed class SpillFile : IDisposable
{
    private readonly SafeFileHandle _handle;
    private readonly Stack<long> _free = new();
    private long _end;

    public SpillFile(string directory, string purpose, int pageBytes)
    {
        if (!Directory.Exists(directory))
            throw new DirectoryNotFoundException($"spill directory '{directory}' does not exist");
        PageBytes = pageBytes;
        var path = Path.Combine(directory, $"tcpmc-{purpose}-{Environment.ProcessId}-{Guid.NewGuid():N}.spill");
        _handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, FileOptions.DeleteOnClose);
        if (!OperatingSystem.IsWindows())
        {
            try { File.Delete(path); }
            catch (IOException) { }   // still deleted on close
        }
    }

    public int PageBytes { get; }

    /// <summary>Bytes of the pages alive now, and the most there ever were.</summary>
    public long LiveBytes
    {
        get
        {
            lock (_free) return _end - (long)_free.Count * PageBytes;
        }
    }
    public long PeakBytes { get; private set; }

    /// <summary>Writes a page (at most <see cref="PageBytes"/> bytes) and returns where it is.</summary>
    public long Write(ReadOnlySpan<byte> page)
    {
        if (page.Length > PageBytes) throw new ArgumentException("page too large", nameof(page));
        long offset;
        lock (_free)
        {
            if (!_free.TryPop(out offset))
            {
                offset = _end;
                _end += PageBytes;
            }
            PeakBytes = Math.Max(PeakBytes, LiveBytes);
        }
        RandomAccess.Write(_handle, page, offset);
        return offset;
    }

    /// <summary>Appends <paramref name="record"/> (of any length) at the end of the file and returns where it is: for a
    /// file whose records are never freed (the predecessor log's); not to be mixed with <see cref="Write"/>.</summary>
    public long Append(ReadOnlySpan<byte> record)
    {
        long offset;
        lock (_free)
        {
            if (_free.Count > 0) throw new InvalidOperationException("Append on a spill file with freed pages");
            offset = _end;
            _end += record.Length;
            PeakBytes = Math.Max(PeakBytes, LiveBytes);
        }
        RandomAccess.Write(_handle, record, offset);
        return offset;
    }

    /// <summary>Reads <paramref name="into"/>.Length bytes starting <paramref name="within"/> bytes into the page at <paramref name="offset"/>.</summary>
    public void Read(long offset, int within, Span<byte> into)
    {
        var done = 0;
        while (done < into.Length)
        {
            var n = RandomAccess.Read(_handle, into[done..], offset + within + done);
            if (n <= 0) throw new IOException("spill file ended early");
            done += n;
        }
    }

    /// <summary>Gives a page's place back for reuse.</summary>
    public void Free(long offset)
    {
        lock (_free) _free.Push(offset);
    }

    public void Dispose() => _handle.Dispose();
}
