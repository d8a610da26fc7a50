using System.Runtime.CompilerServices;

namespace TcpModelCheck.Engine.Strategies;

/// <summary>A reusable append-only buffer of structs: cleared between rounds, never shrunk, so the hot loop
/// stops allocating once it has reached its working size.</summary>
internal sealed class GrowableBuffer<T>(int initialCapacity = 64)
{
    private T[] _items = new T[Math.Max(1, initialCapacity)];

#pragma warning disable CS0169   // never read: workers fill neighbouring buffers, keep them off each other's cache lines
    private Storage.CacheLinePadding _padding;
#pragma warning restore CS0169

    public int Count { get; private set; }

    public ref T this[int index] => ref _items[index];

    /// <summary>The filled part.</summary>
    public Span<T> Span => _items.AsSpan(0, Count);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(in T item)
    {
        if (Count == _items.Length) Array.Resize(ref _items, _items.Length * 2);
        _items[Count++] = item;
    }

    public void Clear() => Count = 0;

    /// <summary>Bytes held by the backing array.</summary>
    public long Bytes => (long)_items.Length * Unsafe.SizeOf<T>();
}

/// <summary>A successor generated in the expansion phase, waiting to be looked up by the owner of its
/// hash's segment: the state, its stable hash, and the parent (as an offset from the first id of the round,
/// to keep the record at 32 bytes for a 16-byte state: half of them cross to the other core) and choice.</summary>
internal struct Successor<TState>
{
    public TState State;
    public ulong Hash;
    public int ParentOffset;
    public int Choice;
}

/// <summary>A successor of the fingerprint round without its state (kept as an encoding, or beside it): its stable hash,
/// its parent as an offset from the first id of the round, and the index of its action among the parent's. No reference,
/// 16 bytes.</summary>
internal readonly record struct SuccessorLink(ulong Hash, int ParentOffset, int Choice);
