using TcpModelCheck.Reports.Charts;
using TcpModelCheck.Tcp;
using TcpModelCheck.Tcp.Charts;
using static TcpModelCheck.Tcp.Side;

namespace TcpModelCheck.Properties.Charts;

/// <summary>Hand-built event lists for the renderer golden tests: small enough to check by eye against
/// RFC 9293's figures.</summary>
internal static class ChartSamples
{
    private static SegmentLabel Seg(Side from, string flags, long seq, long? ack = null, string? data = null, int inc = 1) =>
        new(from, flags, seq, ack, data, inc);

    private static ChartStep Step(string action, params StepEvent[] events) => new(action, events);

    /// <summary>RFC 9293 Figure 6 (basic three-way handshake) with the model's split of send and delivery.</summary>
    public static ChartInput Handshake()
    {
        var syn = Seg(Client, "SYN", 100);
        var synAck = Seg(Server, "SYN,ACK", 300, 101);
        var ack = Seg(Client, "ACK", 101, 301);
        return new ChartInput(
            ["handshake (RFC 9293 Figure 6)"], "TCP Peer A", "TCP Peer B", "CLOSED", "LISTEN",
            [
                Step("A open", new StepEvent.AppCall(Client, "OPEN active"), new StepEvent.StateChanged(Client, "CLOSED", "SYN-SENT"),
                    new StepEvent.Sent(syn, false)),
                Step("deliver", new StepEvent.Delivered(syn, false), new StepEvent.StateChanged(Server, "LISTEN", "SYN-RECEIVED"),
                    new StepEvent.Sent(synAck, false)),
                Step("deliver", new StepEvent.Delivered(synAck, false), new StepEvent.StateChanged(Client, "SYN-SENT", "ESTABLISHED"),
                    new StepEvent.Sent(ack, false)),
                Step("deliver", new StepEvent.Delivered(ack, false), new StepEvent.StateChanged(Server, "SYN-RECEIVED", "ESTABLISHED")),
            ]);
    }

    /// <summary>The TIME_WAIT story in miniature: data of connection 1 is delayed, A closes without
    /// TIME_WAIT, reconnects with the same numbers, and the old segment is accepted by connection 2.</summary>
    public static ChartInput StaleData()
    {
        var d1 = Seg(Client, "ACK", 1, 1, "d1");
        var fin = Seg(Client, "FIN,ACK", 2, 1);
        var finAck = Seg(Server, "FIN,ACK", 1, 3);
        var lastAck = Seg(Client, "ACK", 3, 2);
        var syn2 = Seg(Client, "SYN", 0, inc: 2);
        return new ChartInput(
            ["variant no-time-wait · workload reconnect · property no-stale-data: VIOLATED",
             "counterexample: 13 steps (breadth-first: shortest) · choice path 0/1/0/2/0/0/0/1/3/0/0/2/1"],
            "TCP Peer A (client)", "TCP Peer B (server)", "ESTABLISHED", "ESTABLISHED",
            [
                Step("A send", new StepEvent.AppCall(Client, "SEND d1"), new StepEvent.Sent(d1, false)),
                Step("tick", new StepEvent.Tick(1)),
                Step("A rexmit", new StepEvent.TimerFired(Client, "retransmit"), new StepEvent.Sent(d1, true)),
                Step("delay", new StepEvent.Delayed(d1)),
                Step("deliver", new StepEvent.Delivered(d1, false), new StepEvent.AppReceived(Server, "d1", 1)),
                Step("A close", new StepEvent.AppCall(Client, "CLOSE"), new StepEvent.StateChanged(Client, "ESTABLISHED", "FIN-WAIT-1"),
                    new StepEvent.Sent(fin, false)),
                Step("dup", new StepEvent.Duplicated(fin)),
                Step("deliver", new StepEvent.Delivered(fin, false), new StepEvent.StateChanged(Server, "ESTABLISHED", "CLOSE-WAIT"),
                    new StepEvent.AppReceived(Server, "EOF", 1), new StepEvent.AppCall(Server, "CLOSE"),
                    new StepEvent.StateChanged(Server, "CLOSE-WAIT", "LAST-ACK"), new StepEvent.Sent(finAck, false)),
                Step("deliver", new StepEvent.Delivered(finAck, false),
                    new StepEvent.StateChanged(Client, "FIN-WAIT-1", "TIME-WAIT"),
                    new StepEvent.StateChanged(Client, "TIME-WAIT", "CLOSED"), new StepEvent.Sent(lastAck, false)),
                Step("lose", new StepEvent.Lost(lastAck)),
                Step("A open", new StepEvent.AppCall(Client, "OPEN active"), new StepEvent.StateChanged(Client, "CLOSED", "SYN-SENT"),
                    new StepEvent.Sent(syn2, false)),
                Step("expire", new StepEvent.Tick(2), new StepEvent.Expired(fin)),
                Step("crash", new StepEvent.Crashed(Server), new StepEvent.StateChanged(Server, "LAST-ACK", "CLOSED"),
                    new StepEvent.Delivered(d1, true), new StepEvent.Note(Server, "segment dropped: no TCB")),
            ]);
    }

    /// <summary>A lasso: a retransmission cycle (send, lose, time out) that never ends.</summary>
    public static ChartInput Lasso()
    {
        var fin = Seg(Server, "FIN,ACK", 7, 3);
        return new ChartInput(
            ["variant x · property eventually-closed: VIOLATED (lasso)"], "A", "B", "TIME-WAIT", "LAST-ACK",
            [
                Step("B rexmit", new StepEvent.TimerFired(Server, "retransmit"), new StepEvent.Sent(fin, true)),
                Step("lose", new StepEvent.Lost(fin)),
                Step("noop", []),
            ], LoopStart: 1);
    }
}
