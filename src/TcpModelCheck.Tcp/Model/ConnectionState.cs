namespace TcpModelCheck.Tcp;

/// <summary>The eleven connection states of RFC 9293 §3.3.2 (Figure 5).</summary>
public enum ConnectionState : byte
{
    /// <summary>No TCB (RFC 9293 §3.3.2: "represents no connection state at all").</summary>
    Closed,
    Listen,
    SynSent,
    SynReceived,
    Established,
    FinWait1,
    FinWait2,
    CloseWait,
    Closing,
    LastAck,
    TimeWait,
}

/// <summary>Names and classes of connection states as RFC 9293 uses them.</summary>
public static class ConnectionStates
{
    private static readonly string[] Names =
        ["CLOSED", "LISTEN", "SYN-SENT", "SYN-RECEIVED", "ESTABLISHED", "FIN-WAIT-1", "FIN-WAIT-2",
         "CLOSE-WAIT", "CLOSING", "LAST-ACK", "TIME-WAIT"];

    /// <summary>The RFC's spelling, e.g. "SYN-SENT".</summary>
    public static string RfcName(this ConnectionState s) => Names[(int)s];

    /// <summary>The synchronized states (RFC 9293 §3.5.2): ESTABLISHED and every state after it.</summary>
    public static bool IsSynchronized(this ConnectionState s) => s >= ConnectionState.Established;

    /// <summary>States in which our FIN has been sent (RFC 9293 §3.10.4 CLOSE).</summary>
    public static bool FinSent(this ConnectionState s) =>
        s is ConnectionState.FinWait1 or ConnectionState.FinWait2 or ConnectionState.Closing
            or ConnectionState.LastAck or ConnectionState.TimeWait;
}
