using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TcpModelCheck.Engine.Storage;

/// <summary>
/// One segment of a <see cref="SegmentedTable{TSlot,TKey}"/>: an open-addressing slot array with its count and
/// growth threshold.
/// </summary>
/// <remarks>
/// Slots without references (fingerprints, packed states) live in native memory, freed the moment the segment
/// grows: a managed array would linger as garbage until the next full collection, and over a long search those
/// dead arrays (a 1.5× growth leaves twice the final table size behind) inflated the peak working set by up to
/// 80 %. Slots holding references (states that are classes) stay in a managed array the GC can scan.
/// </remarks>
internal sealed unsafe class TableSegment<TSlot, TKey> where TSlot : struct, ITableSlot<TSlot, TKey>
{
    private static readonly bool Native = !RuntimeHelpers.IsReferenceOrContainsReferences<TSlot>();

    /// <summary>Native slot arrays at least this large are 2 MiB-aligned and asked to be backed by huge pages.</summary>
    private const nuint HugePage = 2 << 20;

    private TSlot[]? _array;
    private void* _native;
    private bool _aligned;

    public TableSegment(int capacity) => Allocate(capacity);

    ~TableSegment() => Release();

    public int Length { get; private set; }
    public int Count;
    public int GrowAt { get; private set; }

#pragma warning disable CS0169   // never read: it only keeps other objects off this one's cache lines
    private CacheLinePadding _padding;
#pragma warning restore CS0169

    /// <summary>The first slot; the others follow it contiguously (<see cref="Length"/> in all).</summary>
    public ref TSlot First
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => ref Native ? ref Unsafe.AsRef<TSlot>(_native) : ref MemoryMarshal.GetArrayDataReference(_array!);
    }

    public Span<TSlot> Slots => MemoryMarshal.CreateSpan(ref First, Length);

    /// <summary>Replaces the slots by 1.5× as many and re-inserts every stored one at its new home slot.</summary>
    public void Grow()
    {
        var oldArray = _array;
        var oldNative = _native;
        var oldAligned = _aligned;
        var oldLength = Length;
        _native = null;
        Allocate(checked(oldLength + oldLength / 2));
        var old = Native ? new Span<TSlot>(oldNative, oldLength) : oldArray.AsSpan();
        var slots = Slots;
        foreach (ref readonly var s in old)
        {
            if (s.Hash == 0) continue;
            var i = SegmentedTable<TSlot, TKey>.Home(s.Hash, slots.Length);
            while (slots[i].Hash != 0) i = i + 1 == slots.Length ? 0 : i + 1;
            slots[i] = s;
        }
        Free(oldNative, oldAligned);
    }

    /// <remarks>Huge pages (Linux transparent huge pages, where the system grants them on request): an insert probes
    /// a random slot, so with 4 KiB pages an insert into a table beyond the TLB's reach likely pays a page walk too
    /// (rfc9293/reconnect, 12 M states: 7 % less CPU time with huge pages, up to 6 % more peak memory). Only the
    /// whole huge pages inside the array are advised: one over its tail would make all its 2 MiB resident.</remarks>
    private void Allocate(int capacity)
    {
        var bytes = (nuint)capacity * (nuint)Unsafe.SizeOf<TSlot>();
        _aligned = Native && OperatingSystem.IsLinux() && bytes >= HugePage;
        if (_aligned)
        {
            _native = NativeMemory.AlignedAlloc(bytes, HugePage);
            _ = HugePages.Advise(_native, bytes & ~(HugePage - 1));   // advice only: the table works without it
            NativeMemory.Clear(_native, bytes);
        }
        else if (Native) _native = NativeMemory.AllocZeroed((nuint)capacity, (nuint)Unsafe.SizeOf<TSlot>());
        else _array = new TSlot[capacity];
        Length = capacity;
        GrowAt = (int)(capacity * 5L / 8);   // see SegmentedTable's remarks
    }

    private void Release()
    {
        if (_native is null) return;
        Free(_native, _aligned);
        _native = null;
    }

    private static void Free(void* native, bool aligned)
    {
        if (native is null) return;
        if (aligned) NativeMemory.AlignedFree(native);
        else NativeMemory.Free(native);
    }
}

/// <summary>Linux <c>madvise(MADV_HUGEPAGE)</c>: asks for transparent huge pages on a range (granted when the system's
/// setting is "madvise" or "always").</summary>
internal static unsafe partial class HugePages
{
    private const int MadvHugePage = 14;

    public static int Advise(void* address, nuint length) => length == 0 ? 0 : Madvise(address, length, MadvHugePage);

    [LibraryImport("libc", EntryPoint = "madvise")]
    private static partial int Madvise(void* address, nuint length, int advice);
}
