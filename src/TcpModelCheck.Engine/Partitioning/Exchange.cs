namespace TcpModelCheck.Engine.Partitioning;

/// <summary>
/// The files through which the partitions of one search talk, all in the shared exchange directory and all named
/// after their writer (<c>p{i}.…</c>), so each process deletes only its own:
/// <list type="bullet">
/// <item><c>p{i}.to{j}.{tag}.succ</c> — the successors partition i generated in level <c>tag</c> that partition j owns
/// (<see cref="SpoolWriter"/>); j reads and deletes it.</item>
/// <item><c>p{i}.{tag}.status</c> — a barrier: partition i has finished step <c>tag</c> (JSON <see cref="PartitionStatus"/>),
/// written under a temporary name and renamed, so a reader never sees half of it.</item>
/// <item><c>p{i}.log</c> — partition i's predecessor log, read by every partition to rebuild counterexamples.</item>
/// <item><c>p{i}.failed</c> — partition i stopped with an error (one line); every waiting peer then fails too.</item>
/// </list>
/// </summary>
internal sealed class Exchange(PartitionSpec spec)
{
    public PartitionSpec Spec { get; } = spec;

    private string Own(string name) => Path.Combine(Spec.Directory, $"p{Spec.Index}.{name}");
    private string Of(int partition, string name) => Path.Combine(Spec.Directory, $"p{partition}.{name}");

    /// <summary>Refuses a directory that still holds this partition's files from an earlier run (their barriers would
    /// be taken for this run's).</summary>
    public void CheckFresh()
    {
        var stale = Directory.EnumerateFiles(Spec.Directory, $"p{Spec.Index}.*").FirstOrDefault();
        if (stale is not null)
            throw new PartitionException($"exchange directory '{Spec.Directory}' holds {Path.GetFileName(stale)} from an earlier run: " +
                                         "start every partitioned search in an empty directory");
    }

    public string SpoolPath(int to, string tag) => Own($"to{to}.{tag}.succ");

    public string IncomingPath(int from, string tag) => Of(from, $"to{Spec.Index}.{tag}.succ");

    public string LogPath(int partition) => Of(partition, "log");

    /// <summary>Publishes this partition's status at barrier <paramref name="tag"/>.</summary>
    public void Publish(string tag, PartitionStatus status)
    {
        var temp = Own($"{tag}.tmp");
        File.WriteAllText(temp, status.ToJson());
        File.Move(temp, Own($"{tag}.status"), overwrite: false);
    }

    /// <summary>Waits until every partition has published barrier <paramref name="tag"/> and returns their statuses
    /// in partition order. Fails when a peer reports a failure. Cancellation does not interrupt the wait: the search
    /// notices it at its next limit check and asks every partition to stop at the next barrier, so all of them end
    /// at the same level with an inconclusive verdict (a peer killed without a word is waited for until this
    /// process is killed too).</summary>
    public PartitionStatus[] Await(string tag)
    {
        var result = new PartitionStatus[Spec.Count];
        var wait = 0;
        for (var k = 0; k < Spec.Count; k++)
        {
            var file = Of(k, $"{tag}.status");
            while (!File.Exists(file))
            {
                CheckPeers();
                Thread.Sleep(Math.Min(20, wait++ / 64));
            }
            result[k] = PartitionStatus.Parse(File.ReadAllText(file), Path.GetFileName(file));
        }
        return result;
    }

    private void CheckPeers()
    {
        for (var k = 0; k < Spec.Count; k++)
            if (File.Exists(Of(k, "failed")) && k != Spec.Index)
                throw new PartitionException($"partition {k}/{Spec.Count} failed: {File.ReadLines(Of(k, "failed")).FirstOrDefault()}");
    }

    /// <summary>Tells the peers that this partition stopped with an error (best effort).</summary>
    public void Fail(string message)
    {
        try { File.WriteAllText(Own("failed"), message.Split('\n')[0]); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    /// <summary>Deletes this partition's status file of barrier <paramref name="tag"/> (every peer has read it).</summary>
    public void Forget(string tag) => File.Delete(Own($"{tag}.status"));
}
