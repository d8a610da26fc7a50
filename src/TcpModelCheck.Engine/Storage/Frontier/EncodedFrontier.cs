namespace TcpModelCheck.Engine.Storage.Frontier;

/// <summary>
/// The queue as encoded states in 1 MiB pages: each state is its codec bytes, stored as their difference from the
/// state queued before it (<see cref="DeltaRecords"/>) behind a length prefix, and a record never straddles two
/// pages. Consumed pages are released (and reused) as the rounds move on; with a <see cref="SpillFile"/> every full
/// page goes to disk and only the pages of the round being read and the page being written stay in memory, as TLC's
/// disk queue keeps its states.
/// </summary>
/// <remarks>
/// Writing: each publish unit encodes its block into its own buffer (in parallel); <see cref="EndRound"/> then
/// appends the blocks in unit order and notes where each reset record is (a seek entry: id, page, offset): the
/// first of every block and every <see cref="DeltaRecords.ResetEvery"/>-th after it. Reading: a worker finds the seek
/// entry at or before its first id and decodes forward from there, so any id range can be decoded in parallel without
/// a per-state index.
/// </remarks>
internal sealed class EncodedFrontier<TState> : IFrontier<TState> where TState : IEquatable<TState>
{
    public const int PageBytes = 1 << 20;

    private readonly FrontierCodec<TState> _codec;
    private readonly SpillFile? _spill;
    private readonly int _prefix;     // bytes of the stored length's prefix: 1, 2 or 3
    private readonly int _maxStored;  // the room a record may take (with the writer's slack, see DeltaRecords.MaxStored)
    private readonly FrontierUnit[] _units;
    private readonly List<FrontierPage?> _pages = [];
    private readonly List<SeekEntry> _seeks = [];
    private readonly Stack<byte[]> _spare = new();
    private readonly List<int> _closed = [];            // pages closed in this round, to be written (see StartWrites)
    private (Task Task, int[] Pages)? _writing;         // the write of the pages closed in the last round, and their indices
    private int _seekHead;
    private int _released;            // pages below this were released
    private int _firstNeeded, _lastNeeded = -1;   // the pages the prepared range may read
    private long _count;              // ids committed
    private int _resident;

    public EncodedFrontier(FrontierCodec<TState> codec, int units, SpillFile? spill)
    {
        _codec = codec;
        _spill = spill;
        _maxStored = DeltaRecords.MaxStored(codec.MaxLength);
        _prefix = _maxStored - 8 <= byte.MaxValue ? 1 : _maxStored - 8 <= ushort.MaxValue ? 2 : 3;
        if (_maxStored + _prefix > PageBytes) throw new ArgumentException("encoded states are too long for a frontier page");
        _units = new FrontierUnit[units];
        for (var u = 0; u < units; u++) _units[u] = new FrontierUnit(_maxStored + _prefix, DeltaRecords.BufferBytes(codec.MaxLength));
        NewTail();
    }

    public string Kind => _spill is null ? "encoded" : "encoded, on disk";
    public long PeakBytes { get; private set; }
    public long PeakDiskBytes => _spill?.PeakBytes ?? 0;

    private int Tail => _pages.Count - 1;

    public void Append(in TState state)
    {
        Put(0, _count, state);
        EndRound();
    }

    public void Reserve(long count) { }

    public void Put(int unit, long id, in TState state)
    {
        var u = _units[unit];
        if (u.Count == 0) u.FirstId = id;
        else if (id != u.FirstId + u.Count) throw new InvalidOperationException($"frontier unit {unit}: id {id} out of order");
        var n = _codec.Write(state, u.Raw);
        Add(u, u.Raw.AsSpan(0, n));
    }

    public void StageEncoded(int unit, ReadOnlySpan<byte> encoding)
    {
        _codec.CheckEncoding(encoding);
        Add(_units[unit], encoding);
    }

    /// <summary>Appends a record to a unit's block: a reset record at the block's start and every
    /// <see cref="DeltaRecords.ResetEvery"/>-th record after it, otherwise the difference from the record before.</summary>
    private void Add(FrontierUnit u, ReadOnlySpan<byte> encoding)
    {
        var at = u.Reserve(_maxStored + _prefix);
        var n = DeltaRecords.Write(encoding, u.Previous, u.Count % DeltaRecords.ResetEvery == 0, _codec.MaxLength,
            u.Buffer.AsSpan(at + _prefix));
        for (var i = 0; i < _prefix; i++) u.Buffer[at + i] = (byte)(n >> (8 * i));
        u.Used = at + _prefix + n;
        u.Count++;
    }

    public void PublishStaged(int unit, long firstId, int kept)
    {
        var u = _units[unit];
        if (kept < 0 || kept > u.Count) throw new ArgumentOutOfRangeException(nameof(kept), kept, $"unit {unit} staged {u.Count} states");
        u.FirstId = firstId;
        if (kept == u.Count) return;
        var used = 0;
        for (var i = 0; i < kept; i++) used += _prefix + RecordLength(u.Buffer.AsSpan(used));
        u.Used = used;
        u.Count = kept;
    }

    public void EndRound()
    {
        FinishWrites();
        foreach (var u in _units)
        {
            if (u.Count == 0) continue;
            if (u.FirstId != _count) throw new InvalidOperationException($"frontier block starts at id {u.FirstId}, expected {_count}");
            CopyBlock(u);
            _count += u.Count;
            u.Count = 0;
            u.Used = 0;
        }
        Track();
        StartWrites();
    }

    /// <summary>Writes the pages closed in this round to the spill file on a thread-pool thread, while the workers go on
    /// with the next round: written by the coordinator, they kept the other workers waiting (the kernel's copy of the
    /// pages was 6.8 % of the samples of a two-thread rfc9293/reconnect search). A page stays in memory until it is
    /// written; the next <see cref="EndRound"/> (or a release of such a page, or <see cref="Dispose"/>) waits for the
    /// writes and then evicts the pages the rounds do not read.</summary>
    private void StartWrites()
    {
        if (_closed.Count == 0) return;
        var pages = _closed.ToArray();
        _closed.Clear();
        var objects = pages.Select(p => _pages[p]!).ToArray();   // not _pages itself: the coordinator appends to it meanwhile
        var spill = _spill!;
        _writing = (Task.Run(() =>
        {
            foreach (var page in objects) page.Spilled = spill.Write(page.Data.AsSpan(0, page.Used));
        }), pages);
    }

    /// <summary>Waits for the pages being written (rethrowing a failure of the write), and evicts those not needed.</summary>
    private void FinishWrites()
    {
        if (_writing is not var (task, pages)) return;
        _writing = null;
        task.GetAwaiter().GetResult();
        foreach (var p in pages)
            if (_pages[p] is { } page && (p < _firstNeeded || p > _lastNeeded)) Evict(page);
    }

    /// <summary>Appends one unit's records to the pages, opening a new page when a record does not fit (the records that
    /// fit the tail page are copied at once), with a seek entry at each reset record.</summary>
    private void CopyBlock(FrontierUnit u)
    {
        var source = u.Buffer.AsSpan(0, u.Used);
        var id = u.FirstId;
        while (source.Length > 0)
        {
            var tail = _pages[Tail]!;
            var room = PageBytes - tail.Used;
            var n = 0;
            while (n < source.Length)
            {
                var length = _prefix + RecordLength(source[n..]);
                if (n + length > room) break;
                if (DeltaRecords.IsReset(source[(n + _prefix)..], _codec.MaxLength)) _seeks.Add(new SeekEntry(id, Tail, tail.Used + n));
                n += length;
                id++;
            }
            if (n == 0)
            {
                CloseTail();
                continue;
            }
            source[..n].CopyTo(tail.Data.AsSpan(tail.Used));
            tail.Used += n;
            source = source[n..];
        }
    }

    private int RecordLength(ReadOnlySpan<byte> at) => _prefix switch
    {
        1 => at[0],
        2 => at[0] | at[1] << 8,
        _ => at[0] | at[1] << 8 | at[2] << 16,
    };

    /// <summary>The tail page is full: with a spill file it goes to disk at the end of the round (and then leaves memory
    /// unless the round being read needs it); a new tail is started.</summary>
    private void CloseTail()
    {
        if (_spill is not null) _closed.Add(Tail);   // written at the end of the round (StartWrites)
        NewTail();
    }

    private void NewTail()
    {
        _pages.Add(new FrontierPage { Data = Rent() });
        _resident++;
    }

    public void Prepare(long from, long to)
    {
        if (to <= from) return;
        var first = FindSeek(from);
        var next = FindSeek(to - 1) + 1;
        var firstPage = _seeks[first].Page;
        var lastPage = next < _seeks.Count ? _seeks[next].Page : Tail;
        ReleaseBelow(firstPage, first);
        _firstNeeded = firstPage;
        _lastNeeded = lastPage;
        for (var p = firstPage; p <= lastPage; p++)
        {
            var page = _pages[p]!;
            if (page.Data is not null) continue;
            page.Data = Rent();
            _resident++;
            _spill!.Read(page.Spilled, 0, page.Data.AsSpan(0, page.Used));
        }
        Track();
    }

    /// <summary>Releases the pages below <paramref name="page"/> and the seek entries below <paramref name="seek"/>.</summary>
    private void ReleaseBelow(int page, int seek)
    {
        if (_writing is { Pages: var writing } && writing[0] < page) FinishWrites();
        for (; _released < page; _released++)
        {
            var p = _pages[_released]!;
            if (p.Spilled >= 0) _spill!.Free(p.Spilled);
            Evict(p);
            _pages[_released] = null;
        }
        _seekHead = Math.Max(_seekHead, seek);
        if (_seekHead > 4096 && _seekHead > _seeks.Count / 2)
        {
            _seeks.RemoveRange(0, _seekHead);
            _seekHead = 0;
        }
    }

    private void Evict(FrontierPage page)
    {
        if (page.Data is null) return;
        _spare.Push(page.Data);
        page.Data = null;
        _resident--;
    }

    private byte[] Rent() => _spare.TryPop(out var a) ? a : GC.AllocateUninitializedArray<byte>(PageBytes);

    /// <summary>The index of the last seek entry whose first id is at or before <paramref name="id"/>.</summary>
    private int FindSeek(long id)
    {
        int lo = _seekHead, hi = _seeks.Count - 1;
        if (hi < lo || _seeks[lo].FirstId > id || id >= _count) throw new InvalidOperationException($"frontier id {id} is not queued");
        while (lo < hi)
        {
            var mid = (lo + hi + 1) >> 1;
            if (_seeks[mid].FirstId <= id) lo = mid;
            else hi = mid - 1;
        }
        return lo;
    }

    public void Load(long from, Span<TState> into)
    {
        if (into.Length == 0) return;
        var seek = _seeks[FindSeek(from)];
        var page = seek.Page;
        var offset = seek.Offset;
        var bufferBytes = DeltaRecords.BufferBytes(_codec.MaxLength);
        var buffer = bufferBytes <= 512 ? stackalloc byte[bufferBytes] : new byte[bufferBytes];   // the seek is at a reset record
        for (var id = seek.FirstId; id < from + into.Length; id++)
        {
            var p = _pages[page]!;
            if (offset >= p.Used)
            {
                p = _pages[++page]!;
                offset = 0;
            }
            var data = p.Data ?? throw new InvalidOperationException($"frontier page {page} is not loaded");
            var length = DeltaRecords.Read(data.AsSpan(offset + _prefix), buffer, _codec.MaxLength);
            if (id >= from) into[(int)(id - from)] = _codec.Read(buffer[..length]);
            offset += _prefix + RecordLength(data.AsSpan(offset));
        }
    }

    public IReadOnlyList<TState>? AllStates(long count) => null;

    private void Track()
    {
        long units = 0;
        foreach (var u in _units) units += u.Buffer.Length;
        PeakBytes = Math.Max(PeakBytes, (long)_resident * PageBytes + units);
    }

    public void Dispose()
    {
        try { FinishWrites(); }
        catch (IOException) { }   // the search is over; the file goes with the spill file
        _spill?.Dispose();
    }

    private readonly record struct SeekEntry(long FirstId, int Page, int Offset);
}

/// <summary>One page of an <see cref="EncodedFrontier{TState}"/>: its bytes while in memory, how many are used,
/// and where it is in the spill file once written there (−1: not written).</summary>
internal sealed class FrontierPage
{
    public byte[]? Data;
    public int Used;
    public long Spilled = -1;
}

/// <summary>A publish unit's block of encoded states for the current round, with the last record written (the base of
/// the next one's difference) and room to encode a state.</summary>
internal sealed class FrontierUnit(int recordBytes, int bufferBytes)
{
    public byte[] Buffer = new byte[Math.Max(256, recordBytes * 16)];
    public readonly byte[] Previous = new byte[bufferBytes];
    public readonly byte[] Raw = new byte[bufferBytes];
    public int Used;
    public int Count;
    public long FirstId;

#pragma warning disable CS0169   // never read: units are filled by different workers
    private CacheLinePadding _padding;
#pragma warning restore CS0169

    /// <summary>Makes room for <paramref name="bytes"/> more bytes and returns where they start.</summary>
    public int Reserve(int bytes)
    {
        if (Used + bytes > Buffer.Length) Array.Resize(ref Buffer, Math.Max(Buffer.Length * 2, Used + bytes));
        return Used;
    }
}
