using TcpModelCheck.Engine.Strategies;

namespace TcpModelCheck.Engine.Tests.Strategies;

/// <summary>The successor-encoding arena of the fingerprint round: strings written in place (<c>Reserve</c>, then
/// <c>Commit</c>, the path the model's successor encoder takes) read back in order with their links, across growth.</summary>
public class EncodingArenaTests
{
    private static void Add(EncodingArena arena, ReadOnlySpan<byte> s)
    {
        var room = arena.Reserve(s.Length + 7);
        s.CopyTo(room);
        arena.Commit(room[..s.Length], new SuccessorLink((ulong)arena.Count + 1, arena.Count, s.Length));
    }

    [Fact]
    public void Strings_written_in_place_read_back_in_order_across_growth()
    {
        var arena = new EncodingArena();
        var expected = new List<byte[]>();
        var random = new Random(5);
        for (var i = 0; i < 2000; i++)   // about 100 KB: the 4 KiB backing array grows several times
        {
            var s = new byte[random.Next(0, 100)];
            random.NextBytes(s);
            expected.Add(s);
            if (i % 2 == 0) Add(arena, s);
            else
            {
                var room = arena.Reserve(100);
                Assert.Equal(100, room.Length);
                s.CopyTo(room);
                arena.Commit(room[..s.Length], new SuccessorLink((ulong)i + 1, i, s.Length));
            }
        }
        Assert.Equal(expected.Count, arena.Count);
        Assert.Equal(expected.Count, arena.Links.Length);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i], arena[i].ToArray());
            Assert.Equal(new SuccessorLink((ulong)i + 1, i, expected[i].Length), arena.Links[i]);
        }
    }

    [Fact]
    public void A_reservation_adds_nothing_until_it_is_committed()
    {
        var arena = new EncodingArena();
        Add(arena, [1, 2, 3]);
        arena.Reserve(50)[0] = 9;
        Assert.Equal(1, arena.Count);
        Add(arena, [4]);
        Assert.Equal([4], arena[1].ToArray());
        Assert.Equal(2, arena.Links.Length);
        arena.Clear();
        Assert.Equal(0, arena.Count);
        Assert.Equal(0, arena.Links.Length);
    }

    [Fact]
    public void Committing_bytes_that_are_not_in_the_reserved_room_is_refused()
    {
        var arena = new EncodingArena();
        Add(arena, [1, 2]);
        arena.Reserve(10);
        byte[] elsewhere = [7, 7, 7];
        Assert.Throws<InvalidOperationException>(() => arena.Commit(elsewhere, default));
        Assert.Throws<InvalidOperationException>(() => arena.Commit(arena.Reserve(10)[1..4], default));   // inside the room, not at its start
        Assert.Equal(1, arena.Count);
        Assert.Equal(1, arena.Links.Length);
    }
}
