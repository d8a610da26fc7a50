namespace TcpModelCheck.Tcp.Schedules;

/// <summary>One violation random schedules must find: a configuration (small enough for the explorer to
/// find the shortest counterexample in about a second) and the safety property it violates.</summary>
/// <param name="Name">How the test output names the case.</param>
/// <param name="Config">The configuration, within the explorer's bounds.</param>
/// <param name="Property">The violated safety property.</param>
/// <param name="Why">The scenario, in one line.</param>
public sealed record BrokenScheduleCase(string Name, TcpConfig Config, string Property, string Why)
{
    public override string ToString() => Name;
}

/// <summary>
/// The broken variants and the violation each one is known for, as the schedule suite and the strategy benchmark
/// (<c>src/TcpModelCheck.Bench … schedules strategies</c>) check them. The
/// stale-data cases use the plain network (every segment may take up to MSL: no delay budget) and one ISN, so
/// that an old segment of the first connection is acceptable to the second one; the loss budget is 0 and
/// the network holds 2 segments per direction so that the explorer settles them in about a second.
/// </summary>
public static class BrokenScheduleCases
{
    private static TcpConfig Reconnect(string variant) => TcpConfig.ForVariant(variant) with
    {
        Workload = Workloads.Reconnect, DelayBudget = null, IsnMode = IsnMode.Set, IsnSet = [0], LossBudget = 0, NetworkCapacity = 2,
    };

    public static IReadOnlyList<BrokenScheduleCase> All { get; } =
    [
        new("no-time-wait/client-closes-first", TcpConfig.ForVariant(Variants.NoTimeWait), TcpProperties.GracefulClose,
            "A's last ACK is lost; A is already CLOSED, so B's retransmitted FIN is answered by a reset"),
        new("no-time-wait/reconnect (plain network, one ISN)", Reconnect(Variants.NoTimeWait), TcpProperties.NoStaleData,
            "a delayed data segment of connection 1 is accepted by connection 2"),
        new("short-time-wait/reconnect (plain network, one ISN)", Reconnect(Variants.ShortTimeWait), TcpProperties.NoStaleData,
            "a data segment of connection 1 outlives the shortened TIME-WAIT and is accepted by connection 2"),
        new("naive-fin/client-closes-first", TcpConfig.ForVariant(Variants.NaiveFin), TcpProperties.NoDataLoss,
            "the FIN overtakes the data and is processed at once: end-of-stream before the data"),
        new("linux/client-closes-first", TcpConfig.ForVariant(Variants.Linux), TcpProperties.GracefulClose,
            "the FIN-WAIT-2 timeout closes A early; B's FIN then meets a CLOSED endpoint and is answered by a reset"),
        new("rfc9293/client-closes-first", TcpConfig.ForVariant(Variants.Rfc9293), TcpProperties.NoTimeWaitAssassination,
            "an RST accepted in TIME-WAIT ends it early (the hazard RFC 1337 describes; rfc1337 ignores it)"),
    ];

    public static BrokenScheduleCase Get(string name) => All.Single(c => c.Name == name);
}
