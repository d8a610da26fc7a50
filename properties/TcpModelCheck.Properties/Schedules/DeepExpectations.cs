using TcpModelCheck.Tcp;

namespace TcpModelCheck.Properties.Schedules;

/// <summary>A safety property the correct variants do not keep on deep schedules, and why.</summary>
/// <param name="Property">The property.</param>
/// <param name="Why">The scenario of the shrunk counterexample, in one line.</param>
/// <param name="Variants">The variants it applies to; null: every correct variant.</param>
/// <param name="Workloads">The workloads it applies to; null: every workload.</param>
public sealed record DeepException(string Property, string Why, IReadOnlyList<string>? Variants = null, IReadOnlyList<string>? Workloads = null)
{
    public bool AppliesTo(string variant, string workload) =>
        (Variants is null || Variants.Contains(variant)) && (Workloads is null || Workloads.Contains(workload));
}

/// <summary>
/// What deep random schedules (<see cref="Tcp.Schedules.DeepConfigs"/>: 20 losses, 10 duplications, unlimited
/// delays, 3 incarnations, a 10-number sequence space) find in the correct variants. These are findings, not
/// model bugs: the deep budgets break the premises several properties are stated under — with more losses
/// than retransmissions a side can give up (the user timeout), and what follows an abort is outside what
/// TIME-WAIT protects. Every other safety property must hold; each exception must really be found (both are
/// tested in <see cref="CorrectVariantSchedules"/>). Measured with <c>TcpSchedules.Search</c> from seed 1.
/// </summary>
public static class DeepExpectations
{
    /// <summary>The variants whose every safety property holds within the explorer's bounds.</summary>
    public static IReadOnlyList<string> CorrectVariants { get; } = [Tcp.Variants.Rfc9293, Tcp.Variants.Rfc1337];

    private static readonly string[] Reconnect = [Tcp.Workloads.Reconnect];

    public static IReadOnlyList<DeepException> Exceptions { get; } =
    [
        new(TcpProperties.GracefulClose,
            "20 losses exceed the 2 retransmissions: one side gives up (user timeout, which the property allows at these budgets) "
            + "and the other side's next segment is answered by a reset (which it does not)"),
        new(TcpProperties.NoDeadlock,
            "after the peer's user timeout a side stays synchronized with nothing left to send: a half-open connection that "
            + "nothing resolves (keep-alives are not modelled)"),
        new(TcpProperties.WithinCapacity,
            "duplicates plus spurious retransmissions (RTO 1 tick while a segment may take up to MSL = 2 ticks) fill a direction "
            + "beyond 8 segments"),
        new(TcpProperties.NoTimeWaitAssassination,
            "an old duplicate segment draws an acceptable RST that ends TIME-WAIT early: the hazard of RFC 1337",
            Variants: [Tcp.Variants.Rfc9293]),
        new(TcpProperties.NoStaleData,
            "a connection ends by a user timeout and a reset, not in TIME-WAIT; the next one reuses the ISN (a set of two) and "
            + "accepts the old connection's data", Workloads: Reconnect),
        new(TcpProperties.NoStaleClose,
            "A gives up a handshake and reopens with the same ISN; B, still half-synchronized with the old connection, completes "
            + "the new handshake and its FIN of the old connection ends the new one", Workloads: Reconnect),
        new(TcpProperties.NoDataLoss,
            "as for no-stale-data: after the abort the old connection's data item is taken as the new one's, so the new item is "
            + "never delivered before end-of-stream", Workloads: Reconnect),
        new(TcpProperties.HandshakeAgreement,
            "as for no-stale-data: after the abort the old connection's segment completes B's new handshake, so the two ends "
            + "disagree on the sequence numbers", Workloads: Reconnect),
    ];

    /// <summary>The exceptions for one configuration.</summary>
    public static IEnumerable<DeepException> For(string variant, string workload) =>
        Exceptions.Where(e => e.AppliesTo(variant, workload));
}
