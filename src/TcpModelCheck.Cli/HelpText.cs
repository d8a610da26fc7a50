using System.CommandLine;

namespace TcpModelCheck.Cli;

/// <summary>What each verb's <c>--help</c> ends with: its exit codes (what a script branches on) and examples that
/// run as shown. Kept in one table so every verb has both.</summary>
internal static class HelpText
{
    private static readonly Dictionary<string, (string Codes, string[] Examples)> Verbs = new()
    {
        ["check"] = ("0 every property holds, 1 a property is violated, 2 inconclusive (a limit or a signal stopped the search), 3 bad input, 4 internal error",
            ["tcpmc check --variant no-time-wait -p graceful-close --out trace.json",
             "tcpmc check --variant rfc1337 --workload reconnect --strategy parallel --threads 2 --max-seconds 60",
             "tcpmc check --variant naive-fin --mermaid > counterexample.mmd"]),
        ["compare"] = ("0 every verdict as expected, 1 a verdict differs, 2 inconclusive (a limit or a signal), 3 bad input, 4 internal error",
            ["tcpmc compare", "tcpmc compare -p graceful-close,no-stale-data --json > matrix.json",
             "tcpmc compare --markdown --trace none"]),
        ["simulate"] = ("0 no schedule violated a property (which proves nothing), 1 a violation was found, 2 stopped by a signal, 3 bad input, 4 internal error",
            ["tcpmc simulate --variant no-time-wait --workload reconnect -n 5000 --seed 7",
             "tcpmc simulate --variant naive-fin -p no-data-loss --out shortest.json"]),
        ["replay"] = ("0 the complete, valid trace no longer violates its property, 1 it still does, 3 a damaged or inconsistent trace file or a divergence, 4 internal error",
            ["tcpmc replay trace.json", "tcpmc replay trace.json --variant rfc9293", "tcpmc replay trace.json --mermaid > trace.mmd"]),
        ["actions"] = ("0 listed, 3 a bad path or setting, 4 internal error",
            ["tcpmc actions", "tcpmc actions --path 0/0/1 --variant no-time-wait"]),
        ["explain"] = ("0 explained, 3 bad input, 4 internal error",
            ["tcpmc explain --variant linux", "tcpmc explain --variant rfc1337 -p no-time-wait-assassination"]),
        ["conform"] = ("0 no supported script disagrees, 1 one does, 2 stopped by a signal, 3 a malformed script or bad option, 4 internal error",
            ["tcpmc conform scripts/ --variant linux,rfc9293", "sudo tcpmc conform --live scripts/ --record recorded/"]),
        ["generate"] = ("0 written, 2 stopped by a signal, 3 bad input (unknown variant, an --out that is a file), 4 internal error",
            ["tcpmc generate --variant linux --out suite", "tcpmc conform suite --variant linux"]),
        ["list"] = ("0 listed, 3 bad input", ["tcpmc list", "tcpmc list properties --json"]),
        ["explore"] = ("0 stopped by Ctrl+C or SIGTERM, 3 bad input (a taken port, a trace that does not replay), 4 internal error",
            ["tcpmc explore", "tcpmc explore --trace trace.json --port 8080"]),
    };

    public static void Apply(RootCommand root)
    {
        foreach (var command in root.Subcommands)
            if (Verbs.TryGetValue(command.Name, out var help))
                command.Description += $"\n\nExit codes: {help.Codes}.\n\nExamples:\n" + string.Join('\n', help.Examples.Select(e => "  " + e));
    }

    /// <summary>The verbs with help text (a test checks that every verb has some).</summary>
    public static IReadOnlyCollection<string> Described => Verbs.Keys;
}
