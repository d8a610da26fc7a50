namespace TcpModelCheck.Tcp;

/// <summary>
/// The application scripts the two endpoints run, chosen by name. A (the client) and B (the server) each
/// send their data items (<see cref="TcpConfig.DataItems"/>, <see cref="TcpConfig.ServerDataItems"/>) once ESTABLISHED; who calls CLOSE when is what differs.
/// </summary>
public static class Workloads
{
    public const string ClientClosesFirst = "client-closes-first";
    public const string ServerClosesFirst = "server-closes-first";
    public const string SimultaneousClose = "simultaneous-close";
    public const string SimultaneousOpen = "simultaneous-open";
    public const string Reconnect = "reconnect";
    public const string ReconnectServerClosesFirst = "reconnect-server-closes-first";

    /// <summary>Whether <paramref name="workload"/> opens more than one connection on the same 4-tuple by default.</summary>
    public static bool Reconnects(string workload) => workload is Reconnect or ReconnectServerClosesFirst;

    /// <summary>Every workload with its description, in display order.</summary>
    public static IReadOnlyList<CatalogEntry> All { get; } =
    [
        new(ClientClosesFirst, "A opens actively, B passively. Each sends its data items; A then CLOSEs (the "
            + "active close, A ends in TIME-WAIT) and B CLOSEs once it has seen A's end-of-stream."),
        new(ServerClosesFirst, "A opens actively, B passively. Each sends its data items; B CLOSEs first (B is "
            + "the active closer and ends in TIME-WAIT) and A CLOSEs once it has seen B's end-of-stream."),
        new(SimultaneousClose, "A opens actively, B passively. Each CLOSEs as soon as its own data is sent, "
            + "without waiting for the peer: every interleaving, including both FINs crossing (RFC 9293 §3.6, "
            + "Figure 13: CLOSING on both sides)."),
        new(SimultaneousOpen, "Both endpoints OPEN actively, so the SYNs may cross (RFC 9293 §3.5, Figure 7); "
            + "then each sends its data and A closes first."),
        new(Reconnect, "Client-closes-first, repeated: after each connection ends A opens the next one on the "
            + "same address/port pair, Incarnations connections in all, and B listens again after each one. "
            + "The case TIME-WAIT exists for: segments of an old incarnation must not be accepted by a new one."),
        new(ReconnectServerClosesFirst, "Server-closes-first, repeated: B CLOSEs first in each connection and sits in "
            + "TIME-WAIT, and A, CLOSED after LAST-ACK, opens the next connection on the same address/port pair at once "
            + "(Incarnations in all); its SYN may meet B's TIME-WAIT (RFC 9293 §3.10.7.4, RFC 5961 §4; reopened by "
            + "time-wait-reopen, RFC 6191). B listens again once TIME-WAIT ends. The common real-world reconnect."),
    ];

    /// <summary>The entry named <paramref name="name"/> (case-insensitive); throws <see cref="ArgumentException"/>
    /// with the list of valid names otherwise.</summary>
    public static CatalogEntry Get(string name) => Catalog.Find(All, "workload", name);
}
