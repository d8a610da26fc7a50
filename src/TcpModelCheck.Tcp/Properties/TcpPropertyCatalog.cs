using TcpModelCheck.Engine.Model;
using TcpModelCheck.Tcp.Charts;

namespace TcpModelCheck.Tcp;

/// <summary>
/// Builds the named properties of a TCP model (see <see cref="TcpProperties"/> for what each means and why).
/// Most safety properties read the sticky ghost <see cref="Observations"/> the model records as it delivers
/// data and ends connections, so checking them costs one bit test per state.
/// </summary>
internal static class TcpPropertyCatalog
{
    private static readonly Observations Stale = Observations.StaleData | Observations.DataAfterEof;
    private static readonly Observations Loss = Observations.LostBeforeEof | Observations.OutOfOrder;

    public static IReadOnlyList<Property<TcpState, TcpAction>> Build(TcpConfig config)
    {
        var timeoutsCount = TcpProperties.RetransmissionsSuffice(config);
        var graceful = Observations.ResetEnd | (timeoutsCount ? Observations.TimeoutEnd : 0);
        var window = config.ReceiveWindow;
        var clientItems = config.DataItems;
        var serverItems = config.ServerDataItems;
        var seq = new SeqMath(config.SequenceSpace);
        var incarnations = config.Incarnations;
        var serverActive = config.Workload == Workloads.SimultaneousOpen;
        return
        [
            Never(TcpProperties.NoStaleData, Stale,
                "no application receives data sent in an earlier incarnation than its connection's, or data after end-of-stream"),
            Never(TcpProperties.NoStaleClose, Observations.StaleEof,
                "no end-of-stream is signalled for a FIN of an earlier incarnation"),
            Never(TcpProperties.NoDataLoss, Loss,
                "every item sent before a FIN is delivered exactly once, in order, before end-of-stream"),
            Never(TcpProperties.NoDuplicateDelivery, Observations.OutOfOrder,
                "no data item is delivered twice or out of order"),
            Never(TcpProperties.GracefulClose, graceful, timeoutsCount
                ? "no connection ends by a reset before TIME-WAIT, nor by the user timeout"
                : "no connection ends by a reset before TIME-WAIT (the budgets can exhaust the retransmissions, so user timeouts are allowed)"),
            Property<TcpState, TcpAction>.Always(TcpProperties.HandshakeAgreement, s => HandshakeAgrees(s.Client, s.Server, seq),
                b => HandshakeAgrees(Client(b), Server(b), seq),
                "when both are ESTABLISHED in the same incarnation, IRS = peer's ISS and RCV.NXT lies within the peer's SND.UNA..SND.NXT"),
            Property<TcpState, TcpAction>.Always(TcpProperties.SequenceWithinWindow,
                s => WindowSane(s.Client, seq, window, clientItems) && WindowSane(s.Server, seq, window, serverItems),
                b => WindowSane(Client(b), seq, window, clientItems) && WindowSane(Server(b), seq, window, serverItems),
                "every TCB keeps SND.UNA =< SND.NXT within the peer's window plus a FIN"),
            Property<TcpState, TcpAction>.ForEveryStep(TcpProperties.TimeWaitOnlyForActiveCloser,
                (a, _, b) => EntersTimeWaitProperly(a.Client, b.Client.State) && EntersTimeWaitProperly(a.Server, b.Server.State),
                (a, _, b) => EntersTimeWaitProperly(a.Client, TcpModel.EncodedState(b, Side.Client))
                    && EntersTimeWaitProperly(a.Server, TcpModel.EncodedState(b, Side.Server)),
                "only an endpoint in FIN-WAIT-1, FIN-WAIT-2 or CLOSING enters TIME-WAIT"),
            Never(TcpProperties.NoTimeWaitAssassination, Observations.TimeWaitAssassinated,
                "TIME-WAIT is never cut short by a reset (RFC 1337)"),
            Property<TcpState, TcpAction>.Always(TcpProperties.WithinCapacity, s => !s.Used.Overflowed, b => !TcpModel.EncodedOverflowed(b),
                "no segment was ever dropped because the network was full with the loss budget spent"),
            Property<TcpState, TcpAction>.NoDeadlock(TcpProperties.NoDeadlock,
                "every state can move on unless both endpoints are CLOSED and the network is empty"),
            Liveness(config, Property<TcpState, TcpAction>.Eventually(TcpProperties.EventuallyClosed,
                s => Finished(s, incarnations, serverActive),
                "every run (strongly fair" + (config.Fairness == Fairness.TimeProgress ? ", in which time progresses" : "")
                + ") ends with both endpoints CLOSED and the scripts finished")),
            Property<TcpState, TcpAction>.Sometimes(TcpProperties.ReachedEstablished,
                s => BothIn(s.Client, s.Server, ConnectionState.Established), b => BothIn(Client(b), Server(b), ConnectionState.Established),
                "both endpoints are ESTABLISHED at once"),
            Property<TcpState, TcpAction>.Sometimes(TcpProperties.ReachedTimeWait,
                s => EitherIn(s.Client, s.Server, ConnectionState.TimeWait), b => EitherIn(Client(b), Server(b), ConnectionState.TimeWait),
                "some endpoint is in TIME-WAIT"),
            Property<TcpState, TcpAction>.Sometimes(TcpProperties.ClosedAfterClose,
                s => ClosedGracefully(s.Client) || ClosedGracefully(s.Server), b => ClosedGracefully(Client(b)) || ClosedGracefully(Server(b)),
                "some endpoint is CLOSED after a graceful close"),
            Property<TcpState, TcpAction>.Sometimes(TcpProperties.ReachedDataDelivered,
                s => GotAll(s.Client, serverItems) && GotAll(s.Server, clientItems),
                b => GotAll(Client(b), serverItems) && GotAll(Server(b), clientItems),
                "both applications received every item and end-of-stream"),
        ];
    }

    /// <summary>A liveness property under the configured fairness: with time progress, the clock tick is the
    /// progress action (<see cref="Fairness.TimeProgress"/>).</summary>
    private static Property<TcpState, TcpAction> Liveness(TcpConfig config, Property<TcpState, TcpAction> p) =>
        config.Fairness == Fairness.TimeProgress ? p.AssumingTimeProgress((_, a) => a.Kind == TcpActionKind.Tick) : p;

    private static Property<TcpState, TcpAction> Never(string name, Observations bad, string description) =>
        Property<TcpState, TcpAction>.Always(name, s => ((s.Client.Observed | s.Server.Observed) & bad) == 0,
            b => ((Client(b).Observed | Server(b).Observed) & bad) == 0, description);

    // Each predicate is written once over IEndpointView and judged on a state's endpoints or on its encoding's
    // (EncodedEndpoint): the fingerprint search checks new states without decoding them (EncodedCondition).

    private static EncodedEndpoint Client(ReadOnlySpan<byte> encoding) => EncodedEndpoint.Of(encoding, Side.Client);

    private static EncodedEndpoint Server(ReadOnlySpan<byte> encoding) => EncodedEndpoint.Of(encoding, Side.Server);

    private static bool BothIn<E>(in E a, in E b, ConnectionState state) where E : IEndpointView, allows ref struct =>
        a.State == state && b.State == state;

    private static bool EitherIn<E>(in E a, in E b, ConnectionState state) where E : IEndpointView, allows ref struct =>
        a.State == state || b.State == state;

    /// <summary>Both TCBs belong to the same incarnation of the connection (ghost).</summary>
    private static bool Paired<E>(in E a, in E b) where E : IEndpointView, allows ref struct => a.Incarnation == b.Incarnation;

    private static bool HandshakeAgrees<E>(in E a, in E b, SeqMath seq) where E : IEndpointView, allows ref struct
    {
        if (a.State != ConnectionState.Established || b.State != ConnectionState.Established || !Paired(a, b)) return true;
        return a.Irs == b.Iss && b.Irs == a.Iss
            && seq.Le(a.SndUna, b.RcvNxt) && seq.Le(b.RcvNxt, a.SndNxt)
            && seq.Le(b.SndUna, a.RcvNxt) && seq.Le(a.RcvNxt, b.SndNxt);
    }

    private static bool WindowSane<E>(in E e, SeqMath seq, int window, int items) where E : IEndpointView, allows ref struct
    {
        if (e.State is ConnectionState.Closed or ConnectionState.Listen) return true;
        var outstanding = seq.Distance(e.SndUna, e.SndNxt);
        var used = seq.Distance(e.Iss, e.SndNxt);
        return seq.Le(e.SndUna, e.SndNxt) && outstanding <= window + 1 && used <= items + 2;
    }

    private static bool EntersTimeWaitProperly(in Endpoint before, ConnectionState after) =>
        after != ConnectionState.TimeWait || before.State is ConnectionState.TimeWait
            or ConnectionState.FinWait1 or ConnectionState.FinWait2 or ConnectionState.Closing;

    private static bool Finished(TcpState s, int incarnations, bool serverActive) =>
        s.Client.State == ConnectionState.Closed && s.Server.State == ConnectionState.Closed
        && s.Client.Opens >= incarnations && (!serverActive || s.Server.Opens >= incarnations);

    private static bool ClosedGracefully<E>(in E e) where E : IEndpointView, allows ref struct => e.State == ConnectionState.Closed && e.LastEnd == EndReason.Graceful;

    private static bool GotAll<E>(in E e, int items) where E : IEndpointView, allows ref struct => e.Delivered == items && e.EndOfStream;
}
