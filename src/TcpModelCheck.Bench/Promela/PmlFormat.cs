namespace TcpModelCheck.Bench.Promela;

/// <summary>Human-readable names for <c>tcp.pml</c>'s connection states and segment codes.</summary>
public static class PmlFormat
{
    private static readonly string[] States =
    [
        "CLOSED", "LISTEN", "SYN_SENT", "SYN_RCVD", "ESTAB", "FIN_WAIT_1", "FIN_WAIT_2",
        "CLOSE_WAIT", "CLOSING", "LAST_ACK", "TIME_WAIT",
    ];

    public static string StateName(int st) => (uint)st < (uint)States.Length ? States[st] : $"state{st}";

    /// <summary>A segment code <c>dst&lt;&lt;10 | flags&lt;&lt;6 | seq&lt;&lt;3 | ack</c>, e.g.
    /// <c>→E1 SYN|ACK seq=4 ack=1</c>.</summary>
    public static string Segment(int code)
    {
        var flags = (code >> 6) & 15;
        var names = new List<string>(4);
        if ((flags & DStep.FSyn) != 0) names.Add("SYN");
        if ((flags & DStep.FAck) != 0) names.Add("ACK");
        if ((flags & DStep.FFin) != 0) names.Add("FIN");
        if ((flags & DStep.FDat) != 0) names.Add("DATA");
        return $"→E{(code >> 10) & 1} {string.Join('|', names)} seq={(code >> 3) & 7} ack={code & 7}";
    }
}
