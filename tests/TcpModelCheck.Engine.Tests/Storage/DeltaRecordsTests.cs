using TcpModelCheck.Engine.Storage.Frontier;

namespace TcpModelCheck.Engine.Tests.Storage;

/// <summary>The queue's record compression: every record reads back as written, from any reset record on, and
/// records that share bytes with the one before take only their differences.</summary>
public class DeltaRecordsTests
{
    /// <summary>Writes <paramref name="records"/> one after the other (a reset every <see cref="DeltaRecords.ResetEvery"/>),
    /// then reads them back from every reset record on; returns the bytes stored.</summary>
    private static int RoundTrip(IReadOnlyList<byte[]> records, int maxLength)
    {
        var stored = new byte[records.Count * DeltaRecords.MaxStored(maxLength)];
        var previous = new byte[DeltaRecords.BufferBytes(maxLength)];
        var starts = new List<int>();
        var at = 0;
        for (var i = 0; i < records.Count; i++)
        {
            starts.Add(at);
            at += DeltaRecords.Write(records[i], previous, i % DeltaRecords.ResetEvery == 0, maxLength, stored.AsSpan(at));
        }
        var end = at;
        for (var first = 0; first < records.Count; first += DeltaRecords.ResetEvery)
        {
            Assert.True(DeltaRecords.IsReset(stored.AsSpan(starts[first]), maxLength));
            var buffer = new byte[DeltaRecords.BufferBytes(maxLength)];
            Array.Fill(buffer, (byte)0xAB);   // a reader's buffer starts with anything: the reset clears it
            for (var i = first; i < records.Count; i++)
            {
                // the stored bytes end where the page ends: a read near the end must not run past it
                var source = stored.AsSpan(starts[i], end - starts[i]);
                var length = DeltaRecords.Read(source, buffer, maxLength);
                Assert.Equal(records[i], buffer.AsSpan(0, length).ToArray());
                Assert.Equal(i % DeltaRecords.ResetEvery == 0, DeltaRecords.IsReset(source, maxLength));
            }
        }
        return end;
    }

    [Theory]
    [InlineData(122, 1)]    // rfc9293/reconnect's longest encoding: a one-byte header
    [InlineData(209, 2)]    // a two-byte header
    [InlineData(40_000, 5)] // a four-byte header
    [InlineData(8, 3)]
    [InlineData(1, 4)]
    public void Random_records_of_every_length_read_back_as_written(int maxLength, int seed)
    {
        var random = new Random(seed);
        var records = new List<byte[]>();
        for (var i = 0; i < 300; i++)
        {
            var r = new byte[random.Next(0, maxLength + 1)];   // longer and shorter than the record before
            random.NextBytes(r);
            if (i % 3 == 0 && records.Count > 0)   // often a copy of the one before with a few bytes changed
            {
                r = records[^1].ToArray();
                for (var k = 0; k < 3 && r.Length > 0; k++) r[random.Next(r.Length)] ^= (byte)random.Next(1, 256);
            }
            records.Add(r);
        }
        RoundTrip(records, maxLength);
    }

    [Fact]
    public void Siblings_take_only_their_differences()
    {
        // 640 records of 80 bytes, each the one before with two bytes changed: a reset costs its non-zero bytes
        var random = new Random(7);
        var record = new byte[80];
        random.NextBytes(record);
        var records = new List<byte[]>();
        for (var i = 0; i < 640; i++)
        {
            record = record.ToArray();
            record[random.Next(80)] ^= 1;
            record[random.Next(80)] ^= 2;
            records.Add(record);
        }
        var stored = RoundTrip(records, 122);
        // a difference: header 1, word flags 2, and per changed word a mask byte and the byte (2 words at most: 7 bytes)
        Assert.True(stored <= 10 * (1 + 2 + 80 + 10) + 630 * 7, $"stored {stored} bytes");
        Assert.True(stored < 640 * 80 / 5, $"stored {stored} bytes, raw {640 * 80}");
    }

    [Fact]
    public void A_record_longer_than_the_codec_allows_is_refused()
    {
        var previous = new byte[DeltaRecords.BufferBytes(8)];
        var e = Assert.Throws<ArgumentException>(() => DeltaRecords.Write(new byte[9], previous, true, 8, new byte[DeltaRecords.MaxStored(8)]));
        Assert.Contains("at most 8", e.Message);
    }

    [Fact]
    public void The_portable_byte_operations_agree_with_BMI2()
    {
        // the fallbacks run where BMI2 is missing (ARM): each against the instruction, or against its definition
        var random = new Random(11);
        for (var i = 0; i < 10_000; i++)
        {
            var word = (ulong)random.NextInt64() ^ (ulong)random.Next() << 40;
            var mask = (uint)random.Next(256);
            var spread = DeltaRecords.PortableSpread(mask);
            for (var b = 0; b < 8; b++) Assert.Equal((mask >> b & 1) != 0 ? 0xFFUL : 0, spread >> (8 * b) & 0xFF);
            var packed = DeltaRecords.PortableGather(word, spread);
            Assert.Equal(word & spread, DeltaRecords.PortableScatter(packed, spread));
            var count = System.Numerics.BitOperations.PopCount(mask);
            if (count < 8) Assert.Equal(0UL, packed >> (8 * count));   // packed to the low end
            var high = word & 0x8080_8080_8080_8080UL;
            var bits = DeltaRecords.PortableNonZeroBytes(high);
            for (var b = 0; b < 8; b++) Assert.Equal((high >> (8 * b + 7) & 1) != 0, (bits >> b & 1) != 0);
            if (!System.Runtime.Intrinsics.X86.Bmi2.X64.IsSupported) continue;
            Assert.Equal(System.Runtime.Intrinsics.X86.Bmi2.X64.ParallelBitExtract(word, spread), packed);
            Assert.Equal(System.Runtime.Intrinsics.X86.Bmi2.X64.ParallelBitDeposit(word, spread), DeltaRecords.PortableScatter(word, spread));
        }
    }
}
