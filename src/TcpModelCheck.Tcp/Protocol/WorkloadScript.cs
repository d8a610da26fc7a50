using TcpModelCheck.Tcp.Charts;

namespace TcpModelCheck.Tcp;

/// <summary>
/// The application side of a workload: which user calls each endpoint's application may make in a state.
/// Applications are scripts, not free agents: OPEN until the configured number of connections is reached, SEND
/// the configured items once the connection is ESTABLISHED (or CLOSE-WAIT), then CLOSE — at once if this side
/// closes first, otherwise once the peer's end-of-stream arrived (CLOSE-WAIT). Because each script step is
/// enabled rather than forced, every interleaving with the network and the timers is explored.
/// </summary>
/// <param name="ServerActive">B opens actively too (simultaneous open); otherwise B listens.</param>
/// <param name="ClientClosesFirst">A closes as soon as its data is sent.</param>
/// <param name="ServerClosesFirst">B closes as soon as its data is sent.</param>
internal sealed record WorkloadScript(bool ServerActive, bool ClientClosesFirst, bool ServerClosesFirst)
{
    public static WorkloadScript For(string workload) => Workloads.Get(workload).Name switch
    {
        Workloads.ServerClosesFirst or Workloads.ReconnectServerClosesFirst => new(false, false, true),
        Workloads.SimultaneousClose => new(false, true, true),
        Workloads.SimultaneousOpen => new(true, true, false),
        _ => new(false, true, false),
    };

    private bool Active(Side side) => side == Side.Client || ServerActive;

    private bool ClosesFirst(Side side) => side == Side.Client ? ClientClosesFirst : ServerClosesFirst;

    /// <summary>Appends the application calls enabled in <paramref name="s"/>, A's before B's.</summary>
    public void AddActions(TcpState s, Rules rules, List<TcpAction> actions)
    {
        AddFor(Side.Client, s, rules, actions);
        AddFor(Side.Server, s, rules, actions);
    }

    private void AddFor(Side side, TcpState s, Rules rules, List<TcpAction> actions)
    {
        var e = s[side];
        var peer = s[side == Side.Client ? Side.Server : Side.Client];
        switch (e.State)
        {
            case ConnectionState.Closed when e.Opens < rules.Incarnations && e.Timer == 0:   // not in quiet time
                AddOpen(side, e, peer, s, rules, actions);
                break;
            case ConnectionState.Listen when Finished(peer, rules):
                actions.Add(new TcpAction(TcpActionKind.Close, side));
                break;
            case ConnectionState.Established or ConnectionState.CloseWait:
                if (e.Sent < rules.Items(side))
                {
                    if (rules.Seq.Distance(e.SndUna, e.SndNxt) < rules.Window) actions.Add(new TcpAction(TcpActionKind.Send, side));
                }
                else if (ClosesFirst(side) || e.State == ConnectionState.CloseWait)
                    actions.Add(new TcpAction(TcpActionKind.Close, side));
                break;
        }
    }

    /// <summary>
    /// OPEN. A passive endpoint listens again after each connection while its peer still has connections to
    /// make. An active endpoint picks its ISS: one action per ISN of the set, or the ISN clock. The very first
    /// active OPEN towards a passive peer waits until the peer listens (the server is started first); later
    /// ones do not wait — reconnecting into a peer that is still closing is the interesting case.
    /// </summary>
    private void AddOpen(Side side, Endpoint e, Endpoint peer, TcpState s, Rules rules, List<TcpAction> actions)
    {
        if (!Active(side))
        {
            if (!Finished(peer, rules)) actions.Add(new TcpAction(TcpActionKind.Open, side, Passive: true));
            return;
        }
        if (!ServerActive && e.Opens == 0 && peer.Opens == 0) return;
        if (rules.ClockIsn) { actions.Add(new TcpAction(TcpActionKind.Open, side, Isn: s.IsnClock)); return; }
        foreach (var isn in rules.Isns) actions.Add(new TcpAction(TcpActionKind.Open, side, Isn: isn));
    }

    /// <summary>An active peer that made all its connections and is CLOSED will not connect again.</summary>
    private static bool Finished(in Endpoint peer, Rules rules) =>
        peer.State == ConnectionState.Closed && peer.Opens >= rules.Incarnations;
}
