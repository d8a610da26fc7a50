namespace TcpModelCheck.Tcp.Schedules;

/// <summary>
/// Configurations for random schedules that reach far beyond what the exhaustive explorer can cover: many
/// more faults, unlimited delays (every segment may take up to MSL, which makes the state space intractable
/// for the explorer), more incarnations, a sequence space so small that it wraps around. A single run costs
/// the same whatever the budgets, so they can be as large as the model accepts.
/// </summary>
public static class DeepConfigs
{
    /// <summary>Losses per run asked for (the explorer's default is 1).</summary>
    public const int Losses = 20;

    /// <summary>Duplications per run asked for (the explorer's default is 1).</summary>
    public const int Duplications = 10;

    /// <summary>Connections per run with the reconnect workload (the explorer's default is 2).</summary>
    public const int Incarnations = 3;

    /// <summary>Segments in flight per direction asked for: room for the duplicates (the explorer's default is 10 since
    /// issue 10, 8 before; kept at 8 here, the capacity the deep schedules were measured with).</summary>
    public const int NetworkCapacity = 8;

    /// <summary>
    /// <paramref name="variant"/> and <paramref name="workload"/> with deep budgets: <see cref="Losses"/> losses,
    /// <see cref="Duplications"/> duplications and a network of <see cref="NetworkCapacity"/> segments per
    /// direction (each within the range <see cref="TcpFields"/> accepts, which a test checks for every variant and
    /// workload), no limit on delayed segments, <see cref="Incarnations"/> connections for reconnect, and the
    /// smallest sequence space the configuration allows with ISNs at 0 and two below the top (for a variant whose
    /// ISNs come from the set; the clock's wrap within a few connections in so small a space), so sequence
    /// numbers wrap around within a connection.
    /// </summary>
    public static TcpConfig For(string variant, string workload)
    {
        var c = TcpConfig.ForVariant(variant) with
        {
            Workload = workload,
            DelayBudget = null,
            LossBudget = Losses,
            DuplicationBudget = Duplications,
            NetworkCapacity = NetworkCapacity,
        };
        if (workload == Workloads.Reconnect) c = c with { Incarnations = Incarnations };
        var space = 2 * (c.DataItems + 2 + c.ReceiveWindow);
        c = c with { SequenceSpace = space };
        return c.IsnMode == IsnMode.Clock ? c : c with { IsnSet = c.IsnSet.Length == 1 ? [0] : [0, space - 2] };
    }
}
