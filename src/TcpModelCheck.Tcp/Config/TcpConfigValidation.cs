namespace TcpModelCheck.Tcp;

/// <summary>The checks behind <see cref="TcpConfig.Validate"/>: each field's own (from <see cref="TcpFields"/>:
/// ranges that keep the state finite and packable, see <c>Segment</c> and <c>Endpoint</c> for the field widths),
/// then the limits that involve several fields.</summary>
internal static class TcpConfigValidation
{
    public static IReadOnlyList<string> Problems(TcpConfig c)
    {
        var p = TcpFields.All.SelectMany(f => f.Problems(c)).ToList();
        var most = Math.Max(c.DataItems, c.ServerDataItems);
        var needed = 2 * (most + 2 + c.ReceiveWindow);
        if (c.SequenceSpace < needed)
            p.Add($"sequence-space: {c.SequenceSpace} is too small for {most} data item(s) and window {c.ReceiveWindow}; "
                + $"use at least {needed} so that modular comparisons (RFC 9293 §3.4) stay unambiguous");
        return p;
    }
}
