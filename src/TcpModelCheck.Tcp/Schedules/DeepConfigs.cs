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

    /// <summary>Segments in flight per direction asked for (the explorer's default is 3): room for the duplicates.</summary>
    public const int NetworkCapacity = 8;

    /// <summary>
    /// <paramref name="variant"/> and <paramref name="workload"/> with deep budgets: <see cref="Losses"/> losses,
    /// <see cref="Duplications"/> duplications and a network of <see cref="NetworkCapacity"/> segments per
    /// direction — each lowered to the largest value <see cref="TcpConfig.Validate"/> accepts when the model
    /// caps it lower (the run's trace records the effective values) — no limit on delayed segments,
    /// <see cref="Incarnations"/> connections for reconnect, and the smallest sequence space the configuration
    /// allows with ISNs at 0 and two below the top, so sequence numbers wrap around within a connection.
    /// </summary>
    public static TcpConfig For(string variant, string workload)
    {
        var c = TcpConfig.ForVariant(variant) with
        {
            Workload = workload,
            Incarnations = workload == Workloads.Reconnect ? Incarnations : null,
            DelayBudget = null,
        };
        var space = 2 * (c.DataItems + 2 + c.ReceiveWindow);
        c = c with { SequenceSpace = space, IsnSet = c.IsnSet.Length == 1 ? [0] : [0, space - 2] };
        c = Largest(c, Losses, (x, n) => x with { LossBudget = n });
        c = Largest(c, Duplications, (x, n) => x with { DuplicationBudget = n });
        return Largest(c, NetworkCapacity, (x, n) => x with { NetworkCapacity = n });
    }

    /// <summary>The configuration with the field set to the largest value up to <paramref name="wanted"/> that
    /// adds no validation problem (the base configuration's value when none does).</summary>
    private static TcpConfig Largest(TcpConfig c, int wanted, Func<TcpConfig, int, TcpConfig> set)
    {
        var baseline = c.Validate().Count;
        for (var n = wanted; n > 0; n--)
            if (set(c, n) is var candidate && candidate.Validate().Count <= baseline) return candidate;
        return c;
    }
}
