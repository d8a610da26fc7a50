namespace TcpModelCheck.Tcp;

/// <summary>
/// State-space reductions that keep every verdict and every shortest counterexample length: each one leaves out
/// of the state only what no rule, no enabling condition and no property reads, so the reduced state graph is the
/// quotient of the full one by a bisimulation that every property respects (a reduced state offers the actions of
/// any full state it stands for, with the same effects and the same property values; only their order may differ,
/// as the segments sort by their packed bits, and identical segments are offered once), so a breadth-first search
/// reaches each property's first violation or witness at the same depth. <c>--reduction none</c> keeps the full
/// state for cross-checks; a trace records the mode it was found in, and replays in it.
/// </summary>
public enum Reduction
{
    /// <summary>The full state: every ghost field is kept, read or not.</summary>
    None,

    /// <summary>
    /// Dead-variable reduction of the segments' ghost incarnation (SPIN's dead-variable elimination, argued for this
    /// one field). A segment's incarnation is read only by the receiver of a data item or a FIN (stale data, stale
    /// end-of-stream: <c>Receiver.DeliverData</c>/<c>ProcessFin</c>, also after holding it for reassembly) and of a
    /// SYN without ACK or RST (a LISTEN that accepts it adopts the incarnation, <c>Arrival.Listen</c>, also when
    /// TIME-WAIT reopens); charts only display it. A pure ACK, a RST and a SYN-ACK sent from a TCB therefore carry
    /// a constant (<see cref="Segment.UntrackedIncarnation"/>: 0 for a RST, as one sent without a TCB; 1 for an ACK or
    /// a SYN-ACK) instead of their sender's; the one rule that read
    /// theirs recorded it in the ghost <see cref="Endpoint.PeerIncarnation"/>, which nothing reads, and records the
    /// endpoint's own incarnation instead. Nothing else changes. A reset from a TCB and the same reset from a host
    /// without one become one segment (with reconnects and crashes this merges many states; in a one-connection run
    /// none), and so do an ACK of connection 2 and the same ACK of connection 1 (rare: the ISN clock sets their
    /// numbers apart). Charts tag only segments whose incarnation is tracked.
    /// </summary>
    DeadGhosts,
}
