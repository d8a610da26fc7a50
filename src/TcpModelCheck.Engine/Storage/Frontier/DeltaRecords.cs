using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace TcpModelCheck.Engine.Storage.Frontier;

/// <summary>
/// The queue's record compression: each encoded state is stored as the bytes that differ from the state queued
/// before it, word by word. A breadth-first queue holds long runs of siblings and cousins (successors of one parent,
/// in action order, then of the next parent), which share most of their bytes: on rfc9293/reconnect the queue's peak on
/// disk is 45.1 MB instead of 168.8 MB, so a spilled queue writes and reads back about a quarter of the bytes, and a
/// queue that stays in memory takes about a quarter of the room.
/// </summary>
/// <remarks>
/// <para>Layout of a record: a header (the raw length, 1 byte when the codec's longest encoding is below 128 bytes, else
/// 2 below 32,768, else 4, with the top bit set on a <em>reset</em> record, which is stored against zeros); one flag bit per 8-byte word
/// of the raw bytes, set when the word differs from the previous record's; then, per flagged word, a byte mask of the
/// bytes that differ and those bytes, packed.</para>
/// <para>Both sides keep the previous record in a word buffer (<see cref="BufferBytes"/>); the bytes of a word past a
/// shorter record's end keep their old values on both sides, so the raw length alone says what is read back. A reader
/// can only start at a reset record: the writer makes the first record of every block, and every
/// <see cref="ResetEvery"/>-th after it, a reset, and the queue keeps a seek entry at each.</para>
/// </remarks>
internal static class DeltaRecords
{
    /// <summary>Records between two resets: a read starting inside a block decodes at most this many records it
    /// does not return, and a reset record costs its non-zero bytes instead of its changes.</summary>
    public const int ResetEvery = 64;

    private static readonly ulong[] ByteMasks = BuildByteMasks();

    /// <summary>The size of the word buffer for encodings up to <paramref name="maxLength"/> bytes.</summary>
    public static int BufferBytes(int maxLength) => (maxLength + 7) / 8 * 8;

    /// <summary>The most bytes a record of at most <paramref name="maxLength"/> raw bytes takes, plus 8: the
    /// writer stores its packed bytes as whole words, so it needs that much room past the record's end.</summary>
    public static int MaxStored(int maxLength)
    {
        var words = (maxLength + 7) / 8;
        return HeaderBytes(maxLength) + (words + 7) / 8 + words * 9 + 8;
    }

    private static int HeaderBytes(int maxLength) => maxLength < 128 ? 1 : maxLength < 32_768 ? 2 : 4;

    /// <summary>Writes <paramref name="raw"/> as its difference from <paramref name="previous"/> (or from zeros when
    /// <paramref name="reset"/>) into <paramref name="destination"/>, which must have <see cref="MaxStored"/> bytes of
    /// room, and makes <paramref name="previous"/> the new record; returns the bytes stored.</summary>
    /// <remarks>Once per new state, so the words are read and written without per-access bounds checks (checked once
    /// on entry): with them this was 5 % of a two-thread search of rfc9293/reconnect.</remarks>
    public static int Write(ReadOnlySpan<byte> raw, Span<byte> previous, bool reset, int maxLength, Span<byte> destination)
    {
        var length = raw.Length;
        if (length > maxLength) throw new ArgumentException($"record of {length} bytes, at most {maxLength} allowed", nameof(raw));
        if (previous.Length < BufferBytes(maxLength) || destination.Length < MaxStored(maxLength))
            throw new ArgumentException("buffers too short for the codec's longest record");
        if (reset) previous.Clear();
        var header = HeaderBytes(maxLength);
        var top = 1 << (8 * header - 1);
        var h = length | (reset ? top : 0);
        ref var d = ref MemoryMarshal.GetReference(destination);
        ref var r = ref MemoryMarshal.GetReference(raw);
        ref var old = ref MemoryMarshal.GetReference(previous);
        for (var i = 0; i < header; i++) Unsafe.Add(ref d, i) = (byte)(h >> (8 * i));
        var words = (length + 7) >> 3;
        var flagBytes = (words + 7) >> 3;
        for (var f = 0; f < flagBytes; f++) Unsafe.Add(ref d, header + f) = 0;
        var p = header + flagBytes;
        for (var w = 0; w < words; w++)
        {
            var at = w << 3;
            var before = Load(ref old, at);
            ulong word;
            if (at + 8 <= length) word = Load(ref r, at);
            else
            {
                // a short last word keeps the previous bytes past the record's end
                var n = length - at;
                var keep = ~0UL << (8 * n);
                word = (before & keep) | (Tail(ref r, at, n) & ~keep);
            }
            var diff = word ^ before;
            if (diff == 0) continue;
            Unsafe.Add(ref d, header + (w >> 3)) |= (byte)(1 << (w & 7));
            var mask = NonZeroBytes(diff);
            Unsafe.Add(ref d, p++) = (byte)mask;
            Store(ref d, p, Gather(word, Spread(mask)));
            p += BitOperations.PopCount(mask);
            Store(ref old, at, word);
        }
        return p;
    }

    /// <summary>Applies the record at the start of <paramref name="source"/> (which may run on past it) to
    /// <paramref name="buffer"/> and returns the raw length: the record is then the buffer's first bytes.</summary>
    /// <remarks>Once per queued state and per state skipped to reach a range's first: the words are read without
    /// per-access bounds checks (a record and the 8 bytes past it are within <see cref="MaxStored"/>, checked on entry),
    /// and the rare read near a page's end is a method of its own, so this one needs no stack buffer.</remarks>
    public static int Read(ReadOnlySpan<byte> source, Span<byte> buffer, int maxLength)
    {
        if (source.Length < MaxStored(maxLength)) return ReadNearEnd(source, buffer, maxLength);
        var header = HeaderBytes(maxLength);
        var h = 0;
        for (var i = 0; i < header; i++) h |= source[i] << (8 * i);
        var top = 1 << (8 * header - 1);
        if ((h & top) != 0) buffer.Clear();
        var length = h & (top - 1);
        if (length > maxLength || buffer.Length < BufferBytes(maxLength)) throw new InvalidDataException("frontier record damaged");
        var words = (length + 7) >> 3;
        var flagBytes = (words + 7) >> 3;
        var p = header + flagBytes;
        ref var s = ref MemoryMarshal.GetReference(source);
        ref var b = ref MemoryMarshal.GetReference(buffer);
        for (var f = 0; f < flagBytes; f++)
            for (uint bits = Unsafe.Add(ref s, header + f); bits != 0; bits &= bits - 1)
            {
                var at = (f << 6) + (BitOperations.TrailingZeroCount(bits) << 3);
                uint mask = Unsafe.Add(ref s, p++);
                var spread = Spread(mask);
                var packed = Load(ref s, p);
                p += BitOperations.PopCount(mask);
                Store(ref b, at, (Load(ref b, at) & ~spread) | Scatter(packed, spread));
            }
        return length;
    }

    /// <summary><see cref="Read"/> of a record near the end of a page: from a copy with room for the whole words read.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int ReadNearEnd(ReadOnlySpan<byte> source, Span<byte> buffer, int maxLength)
    {
        var copy = new byte[MaxStored(maxLength)];
        source.CopyTo(copy);
        return Read(copy, buffer, maxLength);
    }

    /// <summary>0xFF in each byte whose bit is set in <paramref name="mask"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Spread(uint mask) =>
        Bmi2.X64.IsSupported ? Bmi2.X64.ParallelBitDeposit(mask, 0x0101_0101_0101_0101UL) * 0xFF
        : PortableSpread(mask);

    internal static ulong PortableSpread(uint mask) => Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(ByteMasks), (int)(mask & 0xFF));

    private static ulong Load(ref byte at, int offset)
    {
        var v = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref at, offset));
        return BitConverter.IsLittleEndian ? v : BinaryPrimitives.ReverseEndianness(v);
    }

    private static void Store(ref byte at, int offset, ulong value) =>
        Unsafe.WriteUnaligned(ref Unsafe.Add(ref at, offset), BitConverter.IsLittleEndian ? value : BinaryPrimitives.ReverseEndianness(value));

    /// <summary>The <paramref name="n"/> (1 to 7) bytes at <paramref name="offset"/>, the last of the record, little-endian,
    /// the rest zero: the word that ends with them, shifted, when the record has 8 bytes.</summary>
    private static ulong Tail(ref byte at, int offset, int n)
    {
        if (offset + n >= 8) return Load(ref at, offset + n - 8) >> (64 - 8 * n);
        ulong v = 0;
        for (var i = n - 1; i >= 0; i--) v = v << 8 | Unsafe.Add(ref at, offset + i);
        return v;
    }

    /// <summary>Whether a stored record is a reset record (a reader may start there).</summary>
    public static bool IsReset(ReadOnlySpan<byte> stored, int maxLength) =>
        (stored[HeaderBytes(maxLength) - 1] & 0x80) != 0;

    /// <summary>Bit i set when byte i of <paramref name="x"/> is not zero.</summary>
    private static uint NonZeroBytes(ulong x)
    {
        const ulong low7 = 0x7F7F_7F7F_7F7F_7F7FUL;
        var high = (((x & low7) + low7) | x) & ~low7;   // the top bit of each byte that is not zero
        if (Bmi2.X64.IsSupported) return (uint)Bmi2.X64.ParallelBitExtract(high, 0x8080_8080_8080_8080UL);
        return PortableNonZeroBytes(high);
    }

    /// <summary>Without BMI2: bit i set when the top bit of byte i of <paramref name="high"/> is.</summary>
    internal static uint PortableNonZeroBytes(ulong high)
    {
        uint mask = 0;
        for (var i = 0; i < 8; i++) mask |= (uint)(high >> (8 * i + 7) & 1) << i;
        return mask;
    }

    /// <summary>The bytes of <paramref name="word"/> under <paramref name="spread"/>, packed to the low end.</summary>
    private static ulong Gather(ulong word, ulong spread) =>
        Bmi2.X64.IsSupported ? Bmi2.X64.ParallelBitExtract(word, spread) : PortableGather(word, spread);

    /// <summary>Without BMI2: <see cref="Gather"/>.</summary>
    internal static ulong PortableGather(ulong word, ulong spread) => MoveBytes(word, spread, gather: true);

    /// <summary>The inverse of <see cref="Gather"/>: the low bytes of <paramref name="packed"/> placed under <paramref name="spread"/>.</summary>
    private static ulong Scatter(ulong packed, ulong spread) =>
        Bmi2.X64.IsSupported ? Bmi2.X64.ParallelBitDeposit(packed, spread) : PortableScatter(packed, spread);

    /// <summary>Without BMI2: <see cref="Scatter"/>.</summary>
    internal static ulong PortableScatter(ulong packed, ulong spread) => MoveBytes(packed, spread, gather: false);

    /// <summary>Moves the bytes selected by <paramref name="spread"/> between their places in a word and the low end of a
    /// packed word: to the low end when <paramref name="gather"/>, back to their places otherwise.</summary>
    private static ulong MoveBytes(ulong from, ulong spread, bool gather)
    {
        ulong to = 0;
        for (int i = 0, k = 0; i < 8; i++)
        {
            if ((spread >> (8 * i) & 0xFF) == 0) continue;
            var (source, target) = gather ? (8 * i, 8 * k) : (8 * k, 8 * i);
            to |= (from >> source & 0xFF) << target;
            k++;
        }
        return to;
    }

    private static ulong[] BuildByteMasks()
    {
        var masks = new ulong[256];
        for (var m = 0; m < 256; m++)
            for (var i = 0; i < 8; i++)
                if ((m >> i & 1) != 0) masks[m] |= 0xFFUL << (8 * i);
        return masks;
    }
}
