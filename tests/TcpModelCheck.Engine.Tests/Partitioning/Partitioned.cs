using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Engine.Model;
using TcpModelCheck.Engine.Partitioning;

namespace TcpModelCheck.Engine.Tests.Partitioning;

/// <summary>Runs the N partitions of a search concurrently, one thread each, in a fresh exchange directory.</summary>
internal static class Partitioned
{
    public static string FreshDirectory() => Directory.CreateTempSubdirectory("tcpmc-partition-test-").FullName;

    public static CheckResult<TState, TAction>[] Run<TState, TAction>(IModel<TState, TAction> model, CheckOptions options, int n)
        where TState : IEquatable<TState>
    {
        var dir = FreshDirectory();
        var results = new CheckResult<TState, TAction>[n];
        var errors = RunEach(n, i => results[i] = ModelChecker.Check(model, options with { Partition = new PartitionSpec(i, n, dir) }));
        if (errors.FirstOrDefault(e => e is not null) is { } error) throw new InvalidOperationException("a partition failed", error);
        // a clean run leaves only each partition's last barrier file
        Assert.Equal(Enumerable.Range(0, n).Select(i => $"p{i}.merged.status"),
            Directory.GetFiles(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Directory.Delete(dir, recursive: true);
        return results;
    }

    /// <summary>Runs <paramref name="body"/> for 0..n−1 on n threads; the exception each threw (null if none).</summary>
    public static Exception?[] RunEach(int n, Action<int> body)
    {
        var errors = new Exception?[n];
        var threads = Enumerable.Range(0, n).Select(i => new Thread(() =>
        {
            try { body(i); }
            catch (Exception e) { errors[i] = e; }
        })).ToList();
        threads.ForEach(t => t.Start());
        if (!threads.All(t => t.Join(TimeSpan.FromSeconds(60)))) throw new TimeoutException("a partition did not finish in 60 s");
        return errors;
    }
}
