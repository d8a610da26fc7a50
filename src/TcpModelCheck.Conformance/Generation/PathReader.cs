using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Tcp;
using TcpModelCheck.Tcp.Charts;

namespace TcpModelCheck.Conformance.Generation;

/// <summary>
/// Reads an explorer path from one endpoint's side (<see cref="CounterexampleScripts"/>): the script inputs — syscalls
/// for its application calls, <c>&lt;</c> lines for the segments delivered to it, <see cref="ReplyPredictor.Timer"/>
/// where its timer fires — and the flags of every segment it sent (<c>S.</c>, <c>F.</c>, <c>R</c>, <c>.</c>). The
/// peer's numbers are unwrapped from the explorer's small sequence space into 32 bits, each to the value nearest the
/// previous one; the ACK numbers are written relative to the endpoint's ISS, as packetdrill writes them.
/// </summary>
internal static class PathReader
{
    public sealed record Reading(List<string> Inputs, List<string> Sent);

    private const string Listen = "socket(..., SOCK_STREAM, IPPROTO_TCP) = 3\n+0 setsockopt(3, SOL_SOCKET, SO_REUSEADDR, [1], 4) = 0\n+0 bind(3, ..., ...) = 0\n+0 listen(3, 1) = 0";
    private const string Connect = "socket(..., SOCK_STREAM, IPPROTO_TCP) = 3\n+0 fcntl(3, F_SETFL, O_RDWR|O_NONBLOCK) = 0\n+0 connect(3, ..., ...) = -1 EINPROGRESS (Operation now in progress)";

    public static Reading? Read(TcpModel model, Counterexample<TcpState, TcpAction> path, Side k, out string? why)
    {
        why = null;
        var inputs = new List<string>();
        var sent = new List<string>();
        var space = model.Config.SequenceSpace;
        long? peer = null;
        var fd = 3;
        var accepted = false;
        var state = path.Initial;
        void Add(string line) => inputs.Add((inputs.Count == 0 ? "0 " : "+.01 ") + line);
        if (state[k].State == ConnectionState.Listen) foreach (var l in Listen.Split('\n')) Add(l.StartsWith('+') ? l[3..] : l);
        foreach (var step in path.Steps)
        {
            var a = step.Action;
            var before = state[k];
            if (a.Kind is TcpActionKind.Open or TcpActionKind.Send or TcpActionKind.Close or TcpActionKind.Abort
                or TcpActionKind.Crash or TcpActionKind.Timeout && a.Side == k)
            {
                switch (a.Kind)
                {
                    case TcpActionKind.Open when before.Opens > 0: why = "the kernel's endpoint opens a second connection"; return null;
                    case TcpActionKind.Open:
                        foreach (var l in (a.Passive ? Listen : Connect).Split('\n')) Add(l.StartsWith('+') ? l[3..] : l);
                        break;
                    case TcpActionKind.Send: Add($"write({fd}, ..., 1) = 1"); break;
                    case TcpActionKind.Close when before.State == ConnectionState.Listen: why = "the kernel's listener is closed"; return null;
                    case TcpActionKind.Close: Add($"shutdown({fd}, SHUT_WR) = 0"); break;
                    case TcpActionKind.Timeout: inputs.Add(ReplyPredictor.Timer); break;
                    default: why = $"the kernel's endpoint would have to {a.Kind.ToString().ToLowerInvariant()}"; return null;
                }
            }
            else if (a.Kind == TcpActionKind.Deliver && state.InFlight[a.Segment] is var seg && seg.To == k)
            {
                if (seg.Incarnation > 1) { why = "a segment of a second connection (incarnations do not map to 32-bit numbers)"; return null; }
                peer = peer is { } p ? p + Signed(seg.Seq - p, space) : seg.Seq;
                Add(Inbound(seg, peer.Value, Signed(seg.Ack - before.Iss, space)));
            }
            var events = model.Explain(state, a, step.State);
            sent.AddRange(events.OfType<StepEvent.Sent>().Where(s => s.Segment.From == k).Select(s => Flags(s.Segment.Flags)));
            state = step.State;
            if (!accepted && before.Passive && state[k].State.IsSynchronized() && !before.State.IsSynchronized())
            {
                inputs.Add("+0 accept(3, ..., ...) = 4");
                accepted = true;
                fd = 4;
            }
        }
        return new Reading(inputs, sent);
    }

    /// <summary>The distance <paramref name="d"/> in a sequence space of <paramref name="space"/> numbers, as the
    /// signed value nearest zero (RFC 9293 §3.4's comparisons are within half the space).</summary>
    private static long Signed(long d, int space)
    {
        var m = ((d % space) + space) % space;
        return m >= space / 2 ? m - space : m;
    }

    private static string Inbound(Segment s, long seq, long ack)
    {
        var data = s.HasData ? 1 : 0;
        var flags = (s.Syn ? "S" : "") + (s.Fin ? "F" : "") + (s.Rst ? "R" : "") + (s.HasData ? "P" : "") + (s.HasAck ? "." : "");
        var seqText = unchecked((uint)seq);
        var text = $"< {flags} {seqText}:{unchecked(seqText + (uint)data)}({data})" + (s.HasAck ? $" ack {unchecked((uint)ack)}" : "");
        return text + (s.Syn ? " win 32792 <mss 1000>" : s.Rst ? " win 0" : " win 257");
    }

    private static string Flags(string text)
    {
        var parts = text.Split(',');
        return (parts.Contains("SYN") ? "S" : "") + (parts.Contains("FIN") ? "F" : "") + (parts.Contains("RST") ? "R" : "") + (parts.Contains("ACK") ? "." : "");
    }
}
