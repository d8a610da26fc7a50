using TcpModelCheck.Engine.Model;
using K = TcpModelCheck.Bench.Promela.PmlActionKind;

namespace TcpModelCheck.Bench.Promela;

/// <summary>
/// <c>shared/bench/tcp.pml</c> ported state for state to the engine: one action per <c>d_step</c>, the state is
/// exactly the global variables (<see cref="PmlState"/>), so the reachable state count equals SPIN's
/// (less SPIN's <c>init</c> prologue state; see the tests). This is the engine's cross-check against an
/// independent model checker and its same-work benchmark; it is NOT the product's TCP model.
/// </summary>
/// <remarks>
/// <para>Actions are listed in the order of the processes' <c>do</c> options: endpoint 0, endpoint 1, then
/// the network (LOSE(0..5), DUPL(0..5)). Equal segments in different slots are distinct transitions, as in
/// SPIN, so transition counts are comparable too.</para>
/// <para>Every state is terminal: between steps each process sits at its <c>end:</c>-labelled loop head (and
/// <c>init</c> has run to its end), so SPIN never reports an invalid end state for this model.</para>
/// <para>Each <c>assert</c> is an action property: it fails on the edge (state, d_step) during which it is
/// evaluated false — exactly where SPIN reports it.</para>
/// </remarks>
public sealed class PmlTcpModel : IModel<PmlState, PmlAction>
{
    private const int Closed = DStep.Closed, Listen = DStep.Listen, Estab = DStep.Estab,
        CloseWait = DStep.CloseWait, TimeWait = DStep.TimeWait;

    private readonly IReadOnlyDictionary<string, string> _settings;

    public PmlTcpModel(PmlBounds bounds)
    {
        if (bounds.Validate() is { } error) throw new ArgumentException(error, nameof(bounds));
        Bounds = bounds;
        _settings = bounds.ToSettings();
        Properties = PmlProperties.Build(this);
    }

    public PmlBounds Bounds { get; }
    public string Name => "spin-tcp";
    public IReadOnlyDictionary<string, string> Settings => _settings;

    /// <summary>All globals zero: CLOSED, nothing in flight (SPIN's state once <c>init</c> has run its three
    /// <c>run</c> statements).</summary>
    public IReadOnlyList<PmlState> InitialStates { get; } = [default];

    public IReadOnlyList<Property<PmlState, PmlAction>> Properties { get; }
    public int MaxEncodedLength => 16;
    public int Encode(in PmlState state, Span<byte> destination) => state.Encode(destination);
    public bool IsTerminal(in PmlState state) => true;

    public void Actions(in PmlState s, List<PmlAction> actions)
    {
        EndpointActions(s, 0, actions);
        EndpointActions(s, 1, actions);
        var n = s.N;
        if (s.Lost < Bounds.Loss)
            for (var k = 0; k < n; k++) actions.Add(new(K.Lose, 0, (byte)k));
        if (s.Dupd < Bounds.Dup && n < Bounds.MaxF)
            for (var k = 0; k < n; k++) actions.Add(new(K.Duplicate, 0, (byte)k));
    }

    /// <summary>The guards of <c>Endpoint(me)</c>'s <c>do</c> options, in source order.</summary>
    private void EndpointActions(in PmlState s, int me, List<PmlAction> actions)
    {
        var e = EndpointVars.Unpack(s.Block(me));
        var id = (byte)me;
        if (e.St == Closed && !e.Opened) actions.Add(new(me == 0 ? K.ActiveOpen : K.PassiveOpen, id));
        if (e.St is Estab or CloseWait && !e.Sent) actions.Add(new(K.Send, id));
        if (e.Sent && e.St == Estab) actions.Add(new(K.CloseFromEstablished, id));
        if (e.Sent && e.St == CloseWait) actions.Add(new(K.CloseFromCloseWait, id));
        if (e.Rtx < Bounds.Rtx && e.SndUna < e.SndNxt && e.St is not (Closed or Listen or TimeWait))
            actions.Add(new(K.Retransmit, id));
        var n = s.N;
        if (e.St == TimeWait && n == 0) actions.Add(new(K.TimeWaitTimeout, id));
        for (var k = 0; k < n; k++)                              // RECV(K): K < n && dst(net[K]) == me
            if (PmlNet.Dst(PmlNet.Slot(s.Lo, k)) == me) actions.Add(new(K.Receive, id, (byte)k));
    }

    public PmlState Next(in PmlState state, PmlAction action) => DStep.Next(state, action, Bounds, out _);

    /// <summary>Runs one <c>d_step</c>; <paramref name="failed"/> = the assertions it evaluated false.</summary>
    public PmlState Step(in PmlState state, PmlAction action, out PmlAssertion failed) =>
        DStep.Next(state, action, Bounds, out failed);

    public string FormatAction(in PmlState state, PmlAction action) => action.Kind is K.Receive or K.Lose or K.Duplicate
        ? $"{action} {PmlFormat.Segment(state.Net(action.Slot))}"
        : action.ToString();

    public string FormatState(in PmlState state) => state.ToString();
}
