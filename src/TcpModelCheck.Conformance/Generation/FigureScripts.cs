using TcpModelCheck.Tcp;

namespace TcpModelCheck.Conformance.Generation;

/// <summary>
/// RFC 9293's connection-management figures 6–13 as packetdrill scripts, each from both sides packetdrill can play:
/// the kernel is one TCP of the figure (A or B), the script the other. The script's inputs follow the figure (its
/// segments with the figure's sequence numbers where the script's side chooses them: 90 for an old SYN, 300 and 400 for
/// B's and A's later ISNs; the kernel's numbers are relative to its ISN, as packetdrill writes them); every line the
/// kernel must send is the variant's prediction (<see cref="ReplyPredictor"/>). Where the figure needs something a
/// kernel cannot be made to do (crash and forget its TCB), the kernel plays the TCP that did not crash, or a port with
/// no socket.
/// </summary>
public static class FigureScripts
{
    private const string Syn = "win 32792 <mss 1000>";

    private static readonly string[] Listen =
    [
        "0 socket(..., SOCK_STREAM, IPPROTO_TCP) = 3",
        "+0 setsockopt(3, SOL_SOCKET, SO_REUSEADDR, [1], 4) = 0",
        "+0 bind(3, ..., ...) = 0",
        "+0 listen(3, 1) = 0",
    ];

    private static readonly string[] Connect =
    [
        "0 socket(..., SOCK_STREAM, IPPROTO_TCP) = 3",
        "+0 fcntl(3, F_SETFL, O_RDWR|O_NONBLOCK) = 0",
        "+0 connect(3, ..., ...) = -1 EINPROGRESS (Operation now in progress)",
    ];

    private static readonly string[] Accepted =
        [.. Listen, $"+.01 < S 0:0(0) {Syn}", "+.01 < . 1:1(0) ack 1 win 257", "+0 accept(3, ..., ...) = 4"];

    private sealed record Figure(int Number, string Title, string Name, string Side, string[] Inputs);

    private static readonly Figure[] Figures =
    [
        new(6, "Basic three-way handshake", "fig06-handshake-kernel-b", "the kernel is TCP B (passive OPEN)",
            [.. Accepted, "+.01 < P. 1:11(10) ack 1 win 257"]),
        new(6, "Basic three-way handshake", "fig06-handshake-kernel-a", "the kernel is TCP A (active OPEN)",
            [.. Connect, $"+.01 < S. 0:0(0) ack 1 {Syn}", "+.01 write(3, ..., 10) = 10"]),
        new(7, "Simultaneous connection synchronization", "fig07-simultaneous-open", "the kernel is TCP A; the script's SYN crosses the kernel's",
            [.. Connect, $"+.01 < S 0:0(0) {Syn}", $"+.01 < S. 0:0(0) ack 1 {Syn}"]),
        new(8, "Recovery from old duplicate SYN", "fig08-old-duplicate-syn-kernel-b", "the kernel is TCP B: an old SYN (90), A's reset, then A's real SYN (100)",
            [.. Listen, $"+.01 < S 90:90(0) {Syn}", "+.01 < R 91:91(0) win 0", $"+.01 < S 100:100(0) {Syn}", "+.01 < . 101:101(0) ack 1 win 257",
             "+0 accept(3, ..., ...) = 4"]),
        new(8, "Recovery from old duplicate SYN", "fig08-old-duplicate-syn-kernel-a", "the kernel is TCP A: B's SYN-ACK acknowledges an old SYN (ACK = ISS - 9)",
            [.. Connect, $"+.01 < S. 300:300(0) ack 4294967287 {Syn}"]),
        new(9, "Half-open connection discovery", "fig09-half-open-kernel-b", "the kernel is TCP B (still ESTABLISHED); A crashed and opens again with SYN 400",
            [.. Accepted, $"+.01 < S 400:400(0) {Syn}", "+.01 < R 1:1(0) win 0", $"+.01 < S 400:400(0) {Syn}"]),
        new(9, "Half-open connection discovery", "fig09-half-open-kernel-a", "the kernel is TCP A, opening again; B answers from the old connection (ACK = ISS - 100)",
            [.. Connect, "+.01 < . 300:300(0) ack 4294967196 win 257"]),
        new(10, "Active side causes half-open connection discovery", "fig10-crashed-peer-kernel-b", "the kernel is TCP B sending data; A crashed and resets it",
            [.. Accepted, "+.01 write(4, ..., 10) = 10", "+.01 < R 1:1(0) win 0", "+.01 read(4, ..., 1000) = -1 ECONNRESET (Connection reset by peer)"]),
        new(10, "Active side causes half-open connection discovery", "fig10-crashed-peer-kernel-a", "the kernel is the crashed TCP A (no socket on the port): B's data draws a reset",
            ["0 < P. 300:310(10) ack 100 win 257"]),
        new(11, "Old duplicate SYN initiates a reset on two passive sockets", "fig11-two-passive-kernel-b", "the kernel is TCP B (LISTEN): an old SYN, then A's reset",
            [.. Listen, $"+.01 < S 0:0(0) {Syn}", "+.01 < R 1:1(0) win 0"]),
        new(11, "Old duplicate SYN initiates a reset on two passive sockets", "fig11-two-passive-kernel-a", "the kernel is TCP A (LISTEN): B's SYN-ACK draws a reset",
            [.. Listen, $"+.01 < S. 300:300(0) ack 101 {Syn}"]),
        new(12, "Normal close sequence", "fig12-normal-close-kernel-a", "the kernel is TCP A, closing first",
            [.. Accepted, "+.01 close(4) = 0", "+.01 < . 1:1(0) ack 2 win 257", "+.01 < F. 1:1(0) ack 2 win 257"]),
        new(12, "Normal close sequence", "fig12-normal-close-kernel-b", "the kernel is TCP B, closing second",
            [.. Accepted, "+.01 < F. 1:1(0) ack 1 win 257", "+.01 close(4) = 0", "+.01 < . 2:2(0) ack 2 win 257"]),
        new(13, "Simultaneous close sequence", "fig13-simultaneous-close", "the kernel is TCP A; the FINs cross",
            [.. Accepted, "+.01 close(4) = 0", "+.01 < F. 1:1(0) ack 1 win 257", "+.01 < . 2:2(0) ack 2 win 257"]),
    ];

    /// <summary>Every figure script for <paramref name="variant"/> (State = "Figure n", Kind = the kernel's side), in
    /// figure order; a figure whose inputs the variant does not follow is left out (none is today; a test pins it).</summary>
    public static IReadOnlyList<GeneratedScript> Generate(string variant)
    {
        var name = Variants.Get(variant).Name;
        var scripts = new List<GeneratedScript>();
        foreach (var f in Figures)
        {
            var header = $"""
                // Generated by `tcpmc generate --variant {name}`: RFC 9293 Figure {f.Number}, {f.Title}; {f.Side}.
                // The script plays the other TCP; every > line is what the {name} variant predicts the kernel sends.
                --tolerance_usecs=25000

                """;
            if (ReplyPredictor.Complete(header, f.Inputs, name, f.Name + ".pkt", out _) is not { } text) continue;
            var replies = text.Split('\n').Count(l => l.Contains(" > ", StringComparison.Ordinal));
            scripts.Add(new GeneratedScript(f.Name + ".pkt", $"Figure {f.Number}", f.Side, text, $"{replies} segments from the kernel"));
        }
        return scripts;
    }
}
