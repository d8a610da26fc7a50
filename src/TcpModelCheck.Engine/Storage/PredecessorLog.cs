using System.Runtime.CompilerServices;

namespace TcpModelCheck.Engine.Storage;

/// <summary>
/// For every state id (dense, in discovery order) the id of the state it was first reached from and the
/// choice (action index) taken there: 8 bytes per state, kept apart from the visited store. It is all a
/// counterexample needs — the path is rebuilt by walking back to an initial state and then replayed through
/// the model to recover the states, as TLC does — so the fingerprint store never has to keep states.
/// </summary>
/// <remarks>
/// One 64-bit word per entry: bits 63–24 hold parent id + 1 (0 marks an initial state, whose "choice" is its
/// initial-state index), bits 23–0 the choice. That caps a search at 2^40 − 1 states and a state at 2^24
/// enabled actions, far beyond what fits in memory; <see cref="Pack"/> refuses larger values.
/// A parent is always discovered before its child, so <c>Parent(id) &lt; id</c>.
/// <para>With a <see cref="SpillFile"/>, <see cref="SpillBelow"/> compresses the finished chunks (512 KiB each) and
/// writes them to disk, as TLC writes its trace file: entries are only read again to rebuild a counterexample, a few
/// dozen reads after the search. A chunk is compressed as differences: breadth-first ids are given in parent order, so
/// consecutive entries have the same or a close parent and a small choice, and each entry takes two bytes or so
/// (zigzag varints of the parent's difference and of the choice) instead of eight — a quarter of the bytes to write
/// (rfc9293/reconnect: 177 MB in 8-byte entries).</para>
/// </remarks>
internal sealed class PredecessorLog(SpillFile? spill = null) : IDisposable
{
    private const int ChoiceBits = 24;
    private const long MaxChoice = (1L << ChoiceBits) - 1;
    private const long MaxParent = (1L << (64 - ChoiceBits)) - 2;

    private readonly ChunkedArray<ulong> _entries = new();

    public long Count => _entries.Length;

    private readonly List<(long Offset, int Length)> _spilled = [];   // where compressed chunk c is in the spill file
    private (long Chunk, ulong[] Entries)? _unpacked;                 // the last spilled chunk read back
    private byte[] _packed = [];

    /// <summary>Bytes held in memory (whole chunks).</summary>
    public long Bytes => _entries.Bytes;

    /// <summary>Bytes written to the spill file.</summary>
    public long DiskBytes => spill?.LiveBytes ?? 0;

    /// <summary>With a spill file: writes every whole chunk below <paramref name="id"/> (all of whose entries are
    /// final) to it and drops it from memory. Without one: nothing.</summary>
    public void SpillBelow(long id)
    {
        if (spill is null) return;
        var chunk = ChunkedArray<ulong>.EntriesPerChunk;
        for (long c = _spilled.Count; (c + 1) * chunk <= Math.Min(id, Count); c++)
        {
            var entries = _entries.ChunkOf(c * chunk, out _)!;
            if (_packed.Length < MaxPacked(chunk)) _packed = new byte[MaxPacked(chunk)];
            var n = Pack(entries.AsSpan(0, chunk), _packed);
            _spilled.Add((spill.Append(_packed.AsSpan(0, n)), n));
            _entries.Drop(c);
        }
    }

    private ulong Entry(long id)
    {
        var chunk = _entries.ChunkOf(id, out var offset);
        if (chunk is not null) return chunk[offset];
        var c = id / ChunkedArray<ulong>.EntriesPerChunk;
        lock (_spilled)
        {
            if (_unpacked is not { } u || u.Chunk != c)
            {
                var (at, length) = _spilled[(int)c];
                var packed = new byte[length];
                spill!.Read(at, 0, packed);
                var entries = new ulong[ChunkedArray<ulong>.EntriesPerChunk];
                Unpack(packed, entries);
                _unpacked = u = (c, entries);
            }
            return u.Entries[offset];
        }
    }

    /// <summary>Room for <paramref name="entries"/> packed: a 64-bit zigzag varint takes at most 10 bytes, a 24-bit
    /// choice at most 4.</summary>
    private static int MaxPacked(int entries) => entries * 14;

    /// <summary>Writes <paramref name="entries"/> as zigzag varints of each parent's difference from the one before
    /// and of each choice; returns the bytes written.</summary>
    internal static int Pack(ReadOnlySpan<ulong> entries, Span<byte> into)
    {
        var n = 0;
        ulong before = 0;
        foreach (var e in entries)
        {
            var parent = e >> ChoiceBits;
            var d = (long)(parent - before);
            n = WriteVarint(into, n, (ulong)(d << 1 ^ d >> 63));
            n = WriteVarint(into, n, e & MaxChoice);
            before = parent;
        }
        return n;
    }

    /// <summary>The inverse of <see cref="Pack"/>: fills <paramref name="entries"/> from <paramref name="packed"/>.</summary>
    internal static void Unpack(ReadOnlySpan<byte> packed, Span<ulong> entries)
    {
        var n = 0;
        ulong before = 0;
        for (var i = 0; i < entries.Length; i++)
        {
            var z = ReadVarint(packed, ref n);
            var parent = before + (ulong)((long)(z >> 1) ^ -(long)(z & 1));
            entries[i] = parent << ChoiceBits | ReadVarint(packed, ref n);
            before = parent;
        }
        if (n != packed.Length) throw new InvalidDataException("predecessor log chunk damaged");
    }

    private static int WriteVarint(Span<byte> into, int at, ulong v)
    {
        while (v >= 0x80)
        {
            into[at++] = (byte)(v | 0x80);
            v >>= 7;
        }
        into[at++] = (byte)v;
        return at;
    }

    private static ulong ReadVarint(ReadOnlySpan<byte> from, ref int at)
    {
        ulong v = 0;
        for (var shift = 0; ; shift += 7)
        {
            if (shift > 63 || at >= from.Length) throw new InvalidDataException("predecessor log chunk damaged");
            var b = from[at++];
            v |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) return v;
        }
    }

    public void Dispose() => spill?.Dispose();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Pack(long parent, int choice)
    {
        if ((ulong)choice > MaxChoice || parent > MaxParent) ThrowTooLarge(parent, choice);
        return ((ulong)(parent + 1) << ChoiceBits) | (uint)choice;
    }

    /// <summary>Appends the entry of the next id (single-threaded use) and returns that id.</summary>
    public long Add(long parent, int choice) => _entries.Add(Pack(parent, choice));

    /// <summary>Makes ids below <paramref name="count"/> writable with <see cref="Set"/>.</summary>
    public void EnsureCount(long count) => _entries.EnsureLength(count);

    /// <summary>Writes the entry of an id made writable by <see cref="EnsureCount"/> (disjoint ids may be
    /// written from several threads).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Set(long id, long parent, int choice) => _entries[id] = Pack(parent, choice);

    /// <summary>Writes every entry, in id order, as little-endian 64-bit words (for a partitioned search, whose peers
    /// read them back with <see cref="ParentOf"/> and <see cref="ChoiceOf"/>). Needs a log without a spill file.</summary>
    public void WriteTo(Stream stream)
    {
        if (spill is not null) throw new InvalidOperationException("a spilled log cannot be written out");
        var chunk = ChunkedArray<ulong>.EntriesPerChunk;
        for (long at = 0; at < Count; at += chunk)
        {
            var entries = _entries.ChunkOf(at, out _)!;
            var n = (int)Math.Min(chunk, Count - at);
            stream.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(entries.AsSpan(0, n)));
        }
    }

    /// <summary>The parent id in a packed entry, or −1 for an initial state.</summary>
    public static long ParentOf(ulong entry) => (long)(entry >> ChoiceBits) - 1;

    /// <summary>The choice in a packed entry.</summary>
    public static int ChoiceOf(ulong entry) => (int)(entry & MaxChoice);

    /// <summary>The parent id, or −1 for an initial state.</summary>
    public long Parent(long id) => (long)(Entry(id) >> ChoiceBits) - 1;

    /// <summary>The choice that reached <paramref name="id"/>; for an initial state its initial-state index.</summary>
    public int Choice(long id) => (int)(Entry(id) & MaxChoice);

    /// <summary>The initial-state index and the choices leading from it to <paramref name="id"/>.</summary>
    public (int Initial, List<int> Choices) PathTo(long id)
    {
        var choices = new List<int>();
        while (Parent(id) is var p && p >= 0)
        {
            choices.Add(Choice(id));
            id = p;
        }
        choices.Reverse();
        return (Choice(id), choices);
    }

    private static void ThrowTooLarge(long parent, int choice) => throw new InvalidOperationException(
        $"predecessor log entry out of range (parent {parent}, choice {choice}): at most 2^40 states and 2^24 actions per state");
}
