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
/// <para>With a <see cref="SpillFile"/>, <see cref="SpillBelow"/> writes the finished chunks (512 KiB each) to disk
/// and drops them, as TLC writes its trace file: entries are only read again to rebuild a counterexample, a few
/// dozen reads after the search.</para>
/// </remarks>
internal sealed class PredecessorLog(SpillFile? spill = null) : IDisposable
{
    private const int ChoiceBits = 24;
    private const long MaxChoice = (1L << ChoiceBits) - 1;
    private const long MaxParent = (1L << (64 - ChoiceBits)) - 2;

    private readonly ChunkedArray<ulong> _entries = new();

    public long Count => _entries.Length;

    private readonly List<long> _spilled = [];   // spill-file offset of chunk c, for the chunks written out

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
            _spilled.Add(spill.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(entries.AsSpan())));
            _entries.Drop(c);
        }
    }

    private ulong Entry(long id)
    {
        var chunk = _entries.ChunkOf(id, out var offset);
        if (chunk is not null) return chunk[offset];
        Span<byte> word = stackalloc byte[8];
        spill!.Read(_spilled[(int)(id / ChunkedArray<ulong>.EntriesPerChunk)], offset * 8, word);
        return System.Runtime.InteropServices.MemoryMarshal.Read<ulong>(word);
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
