namespace TcpModelCheck.Tcp.Schedules;

/// <summary>
/// Configurations for random schedules that reach far beyond what the exhaustive explorer can cover: many
/// more faults, more incarnations, longer runs. A single run is cheap whatever the budgets, so they can be as
/// large as the model's field widths allow.
/// </summary>
public static class DeepConfigs
{
    /// <summary>Losses per run in a deep configuration (the explorer's default is 1).</summary>
    public const int Losses = 20;

    /// <summary>Duplications per run in a deep configuration (the explorer's default is 1).</summary>
    public const int Duplications = 10;

    /// <summary>Connections per run with the reconnect workload (the explorer's default is 2).</summary>
    public const int Incarnations = 3;

    /// <summary>
    /// <paramref name="variant"/> and <paramref name="workload"/> with deep budgets: <see cref="Losses"/>
    /// losses, <see cref="Duplications"/> duplications, <see cref="Incarnations"/> incarnations for reconnect,
    /// and the smallest sequence space the configuration allows, so that sequence numbers wrap around within
    /// a run (every ISN in the set is near the top of the space or at 0).
    /// </summary>
    public static TcpConfig For(string variant, string workload)
    {
        var c = TcpConfig.ForVariant(variant) with
        {
            Workload = workload,
            LossBudget = Losses,
            DuplicationBudget = Duplications,
            Incarnations = workload == Workloads.Reconnect ? Incarnations : null,
        };
        var space = 2 * (c.DataItems + 2 + c.ReceiveWindow);
        return c with { SequenceSpace = space, IsnSet = c.IsnSet.Length == 1 ? [0] : [0, space - 2] };
    }
}
