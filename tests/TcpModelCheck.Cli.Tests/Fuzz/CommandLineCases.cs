namespace TcpModelCheck.Cli.Tests.Fuzz;

/// <summary>
/// Generated bad command lines: every verb's options crossed with values of the wrong kind for them (numbers that
/// are not numbers or out of any range, names that name nothing, empty lists, control characters, 5,000-character
/// values, unwritable files), unknown options, and the combinations the leniency policy refuses. Each one is bad
/// input whatever else is given, so each must end in exit 3 and one line — never a search.
/// </summary>
internal static class CommandLineCases
{
    private static readonly string Long = new('z', 5000);

    private static readonly string[] BadNumbers =
        ["", "x", "NaN", "-Infinity", "1e400", "99999999999999999999", "-99999999999999999999", "0x10", "1;2", "\u001b[31m", "7\n8", new('9', 300)];

    private static readonly string[] BadNames = ["nope", "", ",", "a,,b", "\u001b[2J", "x\ny", Long, "\u202ertl"];

    private static readonly string[] BadBooleans = ["maybe", "", "2", "truee", "y e s", "\u0007"];

    private static readonly string[] BadFiles =
        ["", "/nonexistent/x.json", "/tmp", "/dev/full", "/dev/zero", "/tmp/" + new string('f', 300) + ".json"];

    private static readonly (string Verb, string[] Numbers)[] NumberOptions =
    [
        ("check", ["--max-states", "--max-depth", "--max-seconds", "--max-memory", "--msl", "--rto", "--data-items", "--incarnations",
                   "--sequence-space", "--loss-budget", "--receive-window", "--network-capacity", "--time-wait", "--crash-budget"]),
        ("simulate", ["--runs", "--seed", "--steps", "--msl", "--duplication-budget", "--max-retransmissions"]),
        ("replay", ["--msl", "--server-data-items"]),
        ("actions", ["--msl", "--delay-budget"]),
        ("explain", ["--msl", "--fin-wait-2-timeout"]),
    ];

    private static readonly (string Verb, string[] Names)[] NameOptions =
    [
        ("check", ["--variant", "--workload", "--strategy", "-p", "--isn-mode"]),
        ("simulate", ["--variant", "--workload", "--strategy", "-p"]),
        ("compare", ["--variant", "-p", "--trace"]),
        ("explain", ["--variant", "-p"]),
        ("actions", ["--workload"]),
        ("generate", ["--variant"]),
    ];

    private static readonly (string Verb, string[] Flags)[] BooleanSettings =
    [
        ("check", ["--fifo", "--naive-fin", "--ignore-rst-in-time-wait"]),
        ("simulate", ["--rst-challenge-ack", "--linux-time-wait"]),
        ("actions", ["--old-ack-challenge"]),
    ];

    private static readonly string[][] Fixed =
    [
        ["check", "--bogus"], ["check", "--bogus=1"], ["check", "-Z"], ["check", "---x"], ["simulate", "--frobnicate", "3"],
        ["replay", "--bogus", "trace.json"], ["replay", "-x", "trace.json"], ["list", "nope"], ["list", "variants", "extra"],
        ["check", "--threads", "2"], ["check", "--strategy", "dfs", "--threads", "1"], ["compare", "--threads", "2"],
        ["compare", "--markdown", "--json"], ["check", "--mermaid", "--json"], ["simulate", "--mermaid", "yes", "--json", "on"],
        ["check", "--no-spill", "--spill-dir", "/tmp"], ["check", "--spill-dir", "/nonexistent"], ["check", "--fingerprint", "-p", "eventually-closed"],
        ["check", "--json", "maybe"], ["check", "-p", ""], ["check", "-p", ","], ["check", "-p", "graceful-close", "-p", ""],
        ["simulate", "-p", "eventually-closed"], ["actions", "--path", "x"], ["actions", "--path", "0/0/99999"],
        ["actions", "--path", "i9:0"], ["actions", "--path", "0//0"], ["actions", "--path", "-1"], ["actions", "--path", Long],
        ["conform", "/nonexistent.pkt"], ["conform", "--variant", "nope", "/tmp"], ["conform", "--variant", ",", "x.pkt"],
        ["conform", "/tmp/x.pkt", "--record", "/tmp"], ["conform", "/tmp/x.pkt", "--tolerance-usecs", "5"],
        ["generate"], ["generate", "--variant", "nope", "--out", "/tmp/x"], ["generate", "--out", "/etc/hostname"],
        ["explore", "--port", "-1"], ["explore", "--port", "70000"], ["explore", "--port", "x"], ["explore", "--trace", "/nonexistent"],
        ["explore", "--variant", "nope"], ["frobnicate"], [], ["--version", "extra"], ["replay"], ["replay", ""], ["replay", "/tmp"],
        ["replay", "/dev/zero"], ["replay", "/nonexistent.json"], ["replay", "a.json", "b.json"], ["check", "--max-seconds", "NaN"],
        ["check", "--msl", "2147483648"], ["check", "--isn-set", "0,99999999999"], ["check", "--isn-set", "0,,14"],
    ];

    /// <summary>Every case: a name for the test list and the arguments.</summary>
    public static IEnumerable<(string Name, string[] Args)> All()
    {
        foreach (var (verb, options) in NumberOptions)
            foreach (var option in options)
                foreach (var (value, i) in BadNumbers.Select((v, i) => (v, i)))
                    yield return ($"{verb} {option} number#{i}", [verb, option, value]);
        foreach (var (verb, options) in NameOptions)
            foreach (var option in options)
                foreach (var (value, i) in BadNames.Select((v, i) => (v, i)))
                    yield return ($"{verb} {option} name#{i}", [verb, option, value]);
        foreach (var (verb, options) in BooleanSettings)
            foreach (var option in options)
                foreach (var (value, i) in BadBooleans.Select((v, i) => (v, i)))
                    yield return ($"{verb} {option} boolean#{i}", [verb, option, value]);
        foreach (var verb in new[] { "check", "simulate" })
            foreach (var option in new[] { "--out", "--html" })
                foreach (var (value, i) in BadFiles.Select((v, i) => (v, i)))
                    yield return ($"{verb} {option} file#{i}", [verb, option, value]);
        foreach (var (args, i) in Fixed.Select((a, i) => (a, i)))
            yield return ($"fixed#{i} {string.Join(' ', args.Select(a => a.Length > 20 ? a[..20] + "…" : a))}", args);
    }
}
