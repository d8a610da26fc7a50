using TcpModelCheck.Engine.Storage;

namespace TcpModelCheck.Engine.Tests.Storage;

/// <summary>The spill file: what is read back is what was written, whole pages and parts of them, also when freed places
/// are reused, and the caller may reuse its buffer as soon as <c>Write</c> returns.</summary>
public class SpillFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tcpmc-spill-test-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Pages_read_back_as_written_across_reuse_of_freed_places()
    {
        const int page = 4096;
        using var file = new SpillFile(_dir, "test", page);
        var live = new Dictionary<long, byte[]>();
        var random = new Random(11);
        var buffer = new byte[page];   // one caller buffer, overwritten right after each Write
        for (var i = 0; i < 400; i++)
        {
            var length = random.Next(1, page + 1);
            random.NextBytes(buffer.AsSpan(0, length));
            var offset = file.Write(buffer.AsSpan(0, length));
            Assert.False(live.ContainsKey(offset), $"place {offset} handed out twice");
            live[offset] = buffer[..length];
            if (i % 3 == 2)   // free one live page: its place is reused by a later write
            {
                var victim = live.Keys.ElementAt(random.Next(live.Count));
                file.Free(victim);
                live.Remove(victim);
            }
        }
        Assert.Equal(live.Count * (long)page, file.LiveBytes);
        var into = new byte[page];
        foreach (var (offset, bytes) in live)
        {
            file.Read(offset, 0, into.AsSpan(0, bytes.Length));
            Assert.Equal(bytes, into[..bytes.Length]);
        }
        var some = live.First(p => p.Value.Length > 10);
        file.Read(some.Key, 3, into.AsSpan(0, 5));   // part of a page
        Assert.Equal(some.Value[3..8], into[..5]);
    }
}
