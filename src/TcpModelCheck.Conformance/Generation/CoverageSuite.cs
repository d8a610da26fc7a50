using TcpModelCheck.Conformance.Checking;
using TcpModelCheck.Conformance.Open;
using TcpModelCheck.Conformance.Scripts;
using TcpModelCheck.Tcp;

namespace TcpModelCheck.Conformance.Generation;

/// <summary>One generated script: the endpoint state it starts the test in, the kind of segment that arrives, and
/// the script (the prefix that drives the endpoint there, the arriving segment, and the reply the variant predicts).</summary>
public sealed record GeneratedScript(string Name, string State, string Kind, string Text, string Prediction);

/// <summary>
/// The transition-coverage suite (issue 11 item 4): for a variant, one short packetdrill script per (state of the
/// kernel's endpoint, kind of arriving segment). Each script drives the kernel's socket into the state with
/// ordinary socket calls and segments (every kernel reply written as the line packetdrill checks), then sends one
/// segment — SYN (old, or beyond RCV.NXT), SYN-ACK, ACK (acceptable, old, of unsent data), RST (exactly at RCV.NXT,
/// inside the window, outside it), FIN, data — and expects exactly the reply the variant predicts, computed by the
/// same open endpoint <c>tcpmc conform</c> checks with (RFC 9293 §3.10.7). A prediction of silence cannot be
/// written in packetdrill; <c>conform --live</c> still sees it, because the recording of the kernel's run holds
/// whatever the kernel sent.
/// </summary>
public static class CoverageSuite
{
    /// <summary>A state the suite reaches: its prefix (packetdrill lines) and the numbers the test line needs
    /// (relative SND.NXT of the kernel and RCV.NXT, the peer's next sequence number), and whether the peer's FIN
    /// has been received.</summary>
    private sealed record Prefix(string State, string Lines, uint SndNxt, uint RcvNxt, bool FinReceived = false);

    private const string Listen = """
        0 socket(..., SOCK_STREAM, IPPROTO_TCP) = 3
        +0 setsockopt(3, SOL_SOCKET, SO_REUSEADDR, [1], 4) = 0
        +0 bind(3, ..., ...) = 0
        +0 listen(3, 1) = 0

        """;

    private const string SynReceived = Listen + """
        +0 < S 0:0(0) win 32792 <mss 1000>
        +0 > S. 0:0(0) ack 1 <...>

        """;

    private const string Established = SynReceived + """
        +.01 < . 1:1(0) ack 1 win 257
        +0 accept(3, ..., ...) = 4

        """;

    private const string FinWait1 = Established + """
        +.01 close(4) = 0
        +0 > F. 1:1(0) ack 1

        """;

    private const string CloseWait = Established + """
        +.01 < F. 1:1(0) ack 1 win 257
        +0 > . 1:1(0) ack 2

        """;

    private static readonly Prefix[] Prefixes =
    [
        new("LISTEN", Listen, 0, 0),
        new("SYN-SENT", """
            0 socket(..., SOCK_STREAM, IPPROTO_TCP) = 3
            +0 fcntl(3, F_SETFL, O_RDWR|O_NONBLOCK) = 0
            +0 connect(3, ..., ...) = -1 EINPROGRESS (Operation now in progress)
            +0 > S 0:0(0) <...>

            """, 1, 0),
        new("SYN-RECEIVED", SynReceived, 1, 1),
        new("ESTABLISHED", Established, 1, 1),
        new("FIN-WAIT-1", FinWait1, 2, 1),
        new("FIN-WAIT-2", FinWait1 + """
            +.01 < . 1:1(0) ack 2 win 257

            """, 2, 1),
        new("CLOSING", FinWait1 + """
            +.01 < F. 1:1(0) ack 1 win 257
            +0 > . 2:2(0) ack 2

            """, 2, 2, FinReceived: true),
        new("TIME-WAIT", FinWait1 + """
            +.01 < . 1:1(0) ack 2 win 257
            +.01 < F. 1:1(0) ack 2 win 257
            +0 > . 2:2(0) ack 2

            """, 2, 2, FinReceived: true),
        new("CLOSE-WAIT", CloseWait, 1, 2, FinReceived: true),
        new("LAST-ACK", CloseWait + """
            +.01 close(4) = 0
            +0 > F. 1:1(0) ack 2

            """, 2, 2, FinReceived: true),
    ];

    /// <summary>The kinds of arriving segment, each as the line that sends it given (SND.NXT, RCV.NXT). Once the
    /// peer's FIN has been received, "fin" is that FIN retransmitted (at RCV.NXT-1, the case RFC 9293 §3.10.7.4 and
    /// TIME-WAIT exist for), not a second FIN no real peer sends.</summary>
    private static readonly (string Kind, string What, Func<uint, uint, string> Line)[] Kinds =
    [
        ("syn", "a SYN at an old sequence number", (_, _) => "< S 0:0(0) win 32792 <mss 1000>"),
        ("syn-beyond", "a SYN beyond RCV.NXT (a new connection's, RFC 6191)", (_, r) => $"< S {r + 100000}:{r + 100000}(0) win 32792 <mss 1000>"),
        ("syn-ack", "a SYN-ACK", (s, _) => $"< S. 0:0(0) ack {s} win 32792 <mss 1000>"),
        ("ack", "an acceptable ACK (SEQ=RCV.NXT, ACK=SND.NXT)", (s, r) => $"< . {r}:{r}(0) ack {s} win 257"),
        ("ack-old", "an ACK that acknowledges nothing new (ACK=ISS)", (_, r) => $"< . {r}:{r}(0) ack 0 win 257"),
        ("ack-unsent", "an ACK of data never sent (ACK=SND.NXT+1000)", (s, r) => $"< . {r}:{r}(0) ack {s + 1000} win 257"),
        ("rst-exact", "a RST exactly at RCV.NXT", (_, r) => $"< R {r}:{r}(0) win 0"),
        ("rst-in-window", "a RST inside the window, not at RCV.NXT", (_, r) => $"< R {r + 100}:{r + 100}(0) win 0"),
        ("rst-outside", "a RST outside the window", (_, r) => $"< R {r + 200000}:{r + 200000}(0) win 0"),
        ("fin", "a FIN at RCV.NXT", (s, r) => $"< F. {r}:{r}(0) ack {s} win 257"),
        ("data", "10 bytes of data at RCV.NXT", (s, r) => $"< P. {r}:{r + 10}(10) ack {s} win 257"),
    ];

    /// <summary>Every (state, kind) cell of the suite with the file name its script gets, in the suite's order
    /// (what <c>conform --live</c>'s fidelity table is laid out by).</summary>
    public static IReadOnlyList<(string State, string Kind, string File)> Cells { get; } =
        [.. Prefixes.SelectMany(p => Kinds.Select(k => (p.State, k.Kind, $"{p.State.ToLowerInvariant()}-{k.Kind}.pkt")))];

    /// <summary>Every (state, kind) script for <paramref name="variant"/>, in a fixed order. A combination whose
    /// prefix the variant itself does not follow is left out (none is today; the tests pin the count).</summary>
    public static IReadOnlyList<GeneratedScript> Generate(string variant)
    {
        var name = Variants.Get(variant).Name;
        var scripts = new List<GeneratedScript>();
        foreach (var prefix in Prefixes)
            foreach (var (kind, fixedWhat, line) in Kinds)
            {
                var retransmittedFin = kind == "fin" && prefix.FinReceived;
                var what = retransmittedFin ? "the peer's FIN retransmitted" : fixedWhat;
                var test = "+.01 " + (retransmittedFin
                    ? $"< F. {prefix.RcvNxt - 1}:{prefix.RcvNxt - 1}(0) ack {prefix.SndNxt} win 257"
                    : line(prefix.SndNxt, prefix.RcvNxt));
                var file = Cells.First(c => c.State == prefix.State && c.Kind == kind).File;
                var draft = ScriptParser.Parse(prefix.Lines + test + "\n", file);
                var run = new ScriptRun(draft, TcpConfig.ForVariant(name), VariantTiming.For(name));
                var (verdict, _, _) = run.Execute();
                if (verdict != VerdictKind.Agrees) continue;
                var replies = run.Unmatched.Where(u => u.At == run.Now).ToList();
                var expected = string.Concat(replies.Select(r => $"{(r.Delayable ? "+0~+0.5" : "+0")} > {Outbound(r.Segment)}\n"));
                var prediction = replies.Count == 0
                    ? "no reply (packetdrill cannot check silence; conform --live compares the kernel's recorded run)"
                    : string.Join(", then ", replies.Select(r => Outbound(r.Segment)));
                var header = $"""
                    // Generated by `tcpmc generate --variant {name}`: {prefix.State}, then {what}.
                    // The {name} variant predicts: {prediction}.
                    --tolerance_usecs=25000

                    """;
                scripts.Add(new GeneratedScript(file, prefix.State, kind, header + prefix.Lines + test + "\n" + expected, prediction));
            }
        return scripts;
    }

    private static string Outbound(OpenSegment s) => ReplyPredictor.Outbound(s);
}
