namespace TcpModelCheck.Engine.Tests.Models;

/// <summary>
/// A FIFO queue of at most 7 bytes packed into one <see cref="ulong"/>: the count in the low byte, item i in
/// byte i + 1, unused bytes zero. Being a single integer it has structural equality and exactly one
/// representation per content, as model states require.
/// </summary>
public readonly record struct Fifo(ulong Bits)
{
    public const int MaxCapacity = 7;

    public int Count => (int)(Bits & 0xFF);

    public byte this[int i] => (byte)(Bits >> (8 * (i + 1)));

    public byte Head => this[0];

    public Fifo Enqueue(byte item)
    {
        if (Count >= MaxCapacity) throw new InvalidOperationException("Fifo is full");
        var items = Bits >> 8 | (ulong)item << (8 * Count);
        return new(items << 8 | (uint)(Count + 1));
    }

    /// <summary>The queue without its item at <paramref name="i"/> (a message lost in transit).</summary>
    public Fifo RemoveAt(int i)
    {
        var items = Bits >> 8;
        var below = items & ((1UL << (8 * i)) - 1);
        var above = i + 1 < 8 ? items >> (8 * (i + 1)) << (8 * i) : 0;
        return new((below | above) << 8 | (uint)(Count - 1));
    }

    public Fifo Dequeue() => RemoveAt(0);

    public override string ToString()
    {
        var self = this;
        return "[" + string.Join(",", Enumerable.Range(0, Count).Select(i => self[i])) + "]";
    }
}
