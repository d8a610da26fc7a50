using TcpModelCheck.Engine.Model;

namespace TcpModelCheck.Bench.Promela;

/// <summary>The properties of <see cref="PmlTcpModel"/>: one action property per <c>assert</c> of
/// <c>tcp.pml</c>, plus reachability witnesses so that the assertions cannot pass vacuously.</summary>
public static class PmlProperties
{
    /// <summary>The names of the assertion properties, in <see cref="PmlAssertion"/> order: the same checks
    /// SPIN makes with <c>pan -DSAFETY</c> (the benchmark selects exactly these).</summary>
    public static IReadOnlyList<string> AssertionNames { get; } =
        ["time-wait-entry", "last-ack-peer-state", "last-ack-data", "data-once", "data-before-fin"];

    private static readonly PmlAssertion[] Flags =
    [
        PmlAssertion.TimeWaitEntry, PmlAssertion.LastAckPeerState, PmlAssertion.LastAckData,
        PmlAssertion.DataOnce, PmlAssertion.DataBeforeFin,
    ];

    private static readonly string[] Texts =
    [
        "assert(got[me] == 1 && got[PEER] == 1 && rcv_nxt[PEER] == snd_nxt[me]) on entering TIME_WAIT",
        "assert(st[PEER] == CLOSING || st[PEER] == TIME_WAIT || st[PEER] == CLOSED) on LAST_ACK -> CLOSED",
        "assert(got[me] == 1 && got[PEER] == 1) on LAST_ACK -> CLOSED",
        "assert(got[me] == 0) before a data segment is delivered (exactly once)",
        "assert(got[me] == 1) before a FIN is accepted (all data before FIN)",
    ];

    internal static IReadOnlyList<Property<PmlState, PmlAction>> Build(PmlTcpModel model)
    {
        var list = new List<Property<PmlState, PmlAction>>();
        for (var i = 0; i < Flags.Length; i++)
        {
            var flag = Flags[i];
            list.Add(Property<PmlState, PmlAction>.ForEveryStep(AssertionNames[i],
                (s, a, next) => (Failures(model, s, a, next) & flag) == 0, Texts[i]));
        }
        list.Add(Property<PmlState, PmlAction>.Sometimes("time-wait-reached",
            s => s.St(0) == DStep.TimeWait || s.St(1) == DStep.TimeWait, "some endpoint enters TIME_WAIT"));
        list.Add(Property<PmlState, PmlAction>.Sometimes("closed-after-data",
            s => s.St(0) == DStep.Closed && s.St(1) == DStep.Closed && s.Got(0) == 1 && s.Got(1) == 1,
            "both endpoints CLOSED again after both data segments were delivered"));
        return list;
    }

    /// <summary>
    /// The assertions that failed on the edge (<paramref name="s"/>, <paramref name="a"/>) →
    /// <paramref name="next"/>. Every assert sits in <c>handle()</c> (so only RECV steps can fail one) and each
    /// is followed in its branch by a change of <c>st[me]</c> (to TIME_WAIT or CLOSED), <c>got[me]</c> or
    /// <c>rcv_nxt[me]</c> that nothing later in the step undoes; an edge that changes none of these evaluated
    /// no assert. Only the other edges (a minority) re-run the step to learn the outcome exactly.
    /// </summary>
    public static PmlAssertion Failures(PmlTcpModel model, in PmlState s, PmlAction a, in PmlState next)
    {
        const int watched = EndpointVars.StMask | EndpointVars.GotMask | EndpointVars.RcvNxtMask;
        if (a.Kind != PmlActionKind.Receive || ((s.Block(a.Endpoint) ^ next.Block(a.Endpoint)) & watched) == 0)
            return PmlAssertion.None;
        model.Step(s, a, out var failed);
        return failed;
    }
}
