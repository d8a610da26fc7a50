using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;
using TcpModelCheck.Engine.Storage.Frontier;

namespace TcpModelCheck.Engine.Storage;

/// <summary>
/// Exact storage of every state as its canonical encoding, for the liveness check (which needs every state by id
/// and, to rebuild the edges, the id of any state): a few dozen bytes per state instead of an object, a table slot
/// and a dictionary entry (about 300 bytes). Used when the model decodes its states (<see cref="Model.IStateDecoder{TState}"/>).
/// </summary>
/// <remarks>
/// <para>Layout: the same 64 segments as <see cref="SegmentedTable{TSlot,TKey}"/> (top 6 bits of the stable hash),
/// so the breadth-first workers' segment ownership carries over unchanged. Each segment has an arena of records
/// (<c>[id: 4 bytes][length: 2 bytes][encoding]</c>, in 64 KiB pages, a record never straddling two) and an
/// open-addressing index of 8-byte slots (32 hash bits, 32-bit arena offset + 1; 0 = empty), linear probing, grown
/// by 1.5× at load 3/4 (rehashed from the stored bytes). A slot whose hash bits match is confirmed by comparing
/// the encodings byte for byte: the model's encoding is injective, so this is equality — exact, not probabilistic.</para>
/// <para>Ids: the breadth-first round numbers new states only after inserting them, so an insert reports where it
/// put the record (<see cref="LastAdded"/>) and the publish phase binds the id to it (<see cref="Bind"/>), which
/// writes the id into the record (state → id, for the edges) and the record's place into a by-id array (id → state).</para>
/// </remarks>
internal sealed class EncodedStateTable<TState> where TState : IEquatable<TState>
{
    private const int Segments = SegmentedTable<FingerprintSlot, NoKey>.SegmentCount;
    private const int HeaderBytes = 6;

    private readonly FrontierCodec<TState> _codec;
    private readonly EncodedSegment[] _segments = new EncodedSegment[Segments];
    private readonly ChunkedArray<long> _byId = new();   // segment << 32 | arena offset

    [ThreadStatic] private static byte[]? _buffer;

    public EncodedStateTable(FrontierCodec<TState> codec, long expectedCount)
    {
        if (codec.MaxLength + HeaderBytes > EncodedSegment.PageBytes || codec.MaxLength > ushort.MaxValue)
            throw new ArgumentException("encoded states are too long for the encoded state table");
        _codec = codec;
        var perSegment = (int)Math.Min(int.MaxValue / 2, Math.Max(16, expectedCount / Segments * 4 / 3 + 1));
        for (var s = 0; s < Segments; s++) _segments[s] = new EncodedSegment(perSegment);
    }

    public long Count
    {
        get
        {
            long n = 0;
            foreach (var s in _segments) n += s.Count;
            return n;
        }
    }

    /// <summary>Bytes of the index slots (every slot, empty or not).</summary>
    public long IndexBytes => _segments.Sum(s => (long)s.Slots.Length * sizeof(ulong));

    /// <summary>Bytes of the arena pages (the encoded states with their headers, and the unused page tails).</summary>
    public long ArenaBytes => _segments.Sum(s => (long)s.Pages.Count * EncodedSegment.PageBytes);

    /// <summary>Bytes of the by-id array.</summary>
    public long ByIdBytes => _byId.Bytes;

    public long Bytes => IndexBytes + ArenaBytes + ByIdBytes;

    private Span<byte> Encode(in TState state)
    {
        var buffer = _buffer ??= new byte[_codec.MaxLength];
        if (buffer.Length < _codec.MaxLength) buffer = _buffer = new byte[_codec.MaxLength];
        return buffer.AsSpan(0, _codec.Write(state, buffer));
    }

    /// <summary>Records the state; true when it was not stored before. The caller must own the hash's segment.</summary>
    public bool Add(ulong hash, in TState state)
    {
        var encoding = Encode(state);
        var seg = _segments[SegmentOf(hash)];
        var slots = seg.Slots;
        var tag = (uint)hash;
        var i = Home(hash, slots.Length);
        while (true)
        {
            var slot = slots[i];
            if (slot == 0)
            {
                var at = seg.Append(encoding);
                slots[i] = (ulong)tag << 32 | (at + 1);
                seg.LastAdded = at;
                if (++seg.Count > seg.GrowAt) seg.Grow();
                return true;
            }
            if ((uint)(slot >> 32) == tag && seg.Record((uint)slot - 1).SequenceEqual(encoding)) return false;
            if (++i == slots.Length) i = 0;
        }
    }

    /// <summary>The id bound to the state with this encoding and hash, or −1 when it is not stored.</summary>
    public long Find(ulong hash, ReadOnlySpan<byte> encoding)
    {
        var seg = _segments[SegmentOf(hash)];
        var slots = seg.Slots;
        var tag = (uint)hash;
        for (var i = Home(hash, slots.Length); ; i = i + 1 == slots.Length ? 0 : i + 1)
        {
            var slot = slots[i];
            if (slot == 0) return -1;
            if ((uint)(slot >> 32) == tag && seg.Record((uint)slot - 1).SequenceEqual(encoding)) return seg.IdAt((uint)slot - 1);
        }
    }

    /// <summary>Where the last state added to the hash's segment was put (valid until that segment's next insert).</summary>
    public long LastAdded(ulong hash) => (long)SegmentOf(hash) << 32 | _segments[SegmentOf(hash)].LastAdded;

    /// <summary>Makes ids below <paramref name="count"/> bindable (single-threaded, between phases).</summary>
    public void Reserve(long count)
    {
        if (count > _byId.Length) _byId.EnsureLength(count);
    }

    /// <summary>Gives the state stored at <paramref name="location"/> the id <paramref name="id"/>. The caller owns the
    /// location's segment; ids are below the reserved length.</summary>
    public void Bind(long location, long id)
    {
        _segments[(int)(location >> 32)].SetId((uint)location, checked((int)id));
        _byId[id] = location;
    }

    /// <summary>The encoding of the state with id <paramref name="id"/>.</summary>
    public ReadOnlySpan<byte> Encoding(long id)
    {
        var location = _byId[id];
        return _segments[(int)(location >> 32)].Record((uint)location);
    }

    public TState Decode(long id) => _codec.Read(Encoding(id));

    /// <summary>The first <paramref name="count"/> states by id, decoded on each access.</summary>
    public IReadOnlyList<TState> States(long count) => new DecodedList(this, checked((int)count));

    public unsafe void Prefetch(ulong hash)
    {
        if (!Sse.IsSupported) return;
        var slots = _segments[SegmentOf(hash)].Slots;
        fixed (ulong* p = &slots[Home(hash, slots.Length)]) Sse.Prefetch0(p);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int SegmentOf(ulong hash) => SegmentedTable<FingerprintSlot, NoKey>.SegmentOf(hash);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Home(ulong hash, int length) => SegmentedTable<FingerprintSlot, NoKey>.Home(hash, length);

    private sealed class DecodedList(EncodedStateTable<TState> table, int count) : IReadOnlyList<TState>
    {
        public TState this[int index] => (uint)index < (uint)count ? table.Decode(index) : throw new ArgumentOutOfRangeException(nameof(index));
        public int Count => count;

        public IEnumerator<TState> GetEnumerator()
        {
            for (var i = 0; i < count; i++) yield return table.Decode(i);
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>One segment: its index slots and its arena.</summary>
    private sealed class EncodedSegment(int capacity)
    {
        public const int PageBits = 16;
        public const int PageBytes = 1 << PageBits;

        public ulong[] Slots = new ulong[capacity];
        public readonly List<byte[]> Pages = [];
        public int Count;
        public int GrowAt = (int)(capacity * 3L / 4);
        public uint LastAdded;
        private int _used = PageBytes;   // bytes used in the last page (full: no page yet)

#pragma warning disable CS0169   // never read: segments are filled by different workers
        private CacheLinePadding _padding;
#pragma warning restore CS0169

        /// <summary>Appends a record (id not yet bound: −1) and returns its offset in the arena.</summary>
        public uint Append(ReadOnlySpan<byte> encoding)
        {
            var length = HeaderBytes + encoding.Length;
            if (_used + length > PageBytes)
            {
                if ((long)(Pages.Count + 1) << PageBits >= uint.MaxValue)
                    throw new InvalidOperationException("an encoded state table segment is full (4 GiB)");
                Pages.Add(GC.AllocateUninitializedArray<byte>(PageBytes));
                _used = 0;
            }
            var page = Pages[^1];
            var at = (uint)((Pages.Count - 1) << PageBits) + (uint)_used;
            Unsafe.WriteUnaligned(ref page[_used], -1);
            Unsafe.WriteUnaligned(ref page[_used + 4], (ushort)encoding.Length);
            encoding.CopyTo(page.AsSpan(_used + HeaderBytes));
            _used += length;
            return at;
        }

        public ReadOnlySpan<byte> Record(uint at)
        {
            var page = Pages[(int)(at >> PageBits)];
            var offset = (int)(at & (PageBytes - 1));
            int length = Unsafe.ReadUnaligned<ushort>(ref page[offset + 4]);
            return page.AsSpan(offset + HeaderBytes, length);
        }

        public int IdAt(uint at) => Unsafe.ReadUnaligned<int>(ref Pages[(int)(at >> PageBits)][at & (PageBytes - 1)]);

        public void SetId(uint at, int id) => Unsafe.WriteUnaligned(ref Pages[(int)(at >> PageBits)][at & (PageBytes - 1)], id);

        /// <summary>Replaces the slots by 1.5× as many, re-inserting each at the home slot of its stored bytes' hash.</summary>
        public void Grow()
        {
            var old = Slots;
            var slots = new ulong[checked(old.Length + old.Length / 2)];
            foreach (var s in old)
            {
                if (s == 0) continue;
                var i = Home(StableHash.Of(Record((uint)s - 1)), slots.Length);
                while (slots[i] != 0) i = i + 1 == slots.Length ? 0 : i + 1;
                slots[i] = s;
            }
            Slots = slots;
            GrowAt = (int)(slots.Length * 3L / 4);
        }
    }
}
