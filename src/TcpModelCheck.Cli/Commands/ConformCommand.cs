using System.CommandLine;
using System.Globalization;
using TcpModelCheck.Conformance.Checking;
using TcpModelCheck.Conformance.Scripts;

namespace TcpModelCheck.Cli.Commands;

/// <summary>
/// <c>tcpmc conform PATH… [--variant V]… [--json] [--explain] [--live [--record DIR] [--tolerance-usecs N]]</c>:
/// checks packetdrill scripts (files, or every <c>.pkt</c> under a directory) against variants of the model, one
/// line per script and variant, then a summary table per variant. Exit 0 when no supported script disagrees, 1
/// when one does, 3 on a malformed script. With <c>--live</c> each script runs against this machine's kernel
/// instead (see <see cref="LiveConform"/>).
/// </summary>
internal static class ConformCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("conform", "Check packetdrill scripts against variants of the model");
        var paths = new Argument<string[]>("paths") { Description = "Script files or directories (every .pkt below)", Arity = ArgumentArity.OneOrMore };
        var variants = new Option<string[]>("--variant") { Description = "Variant(s) to check against (repeat or comma-separate; default rfc9293)", HelpName = "name" };
        var json = new Option<bool>("--json") { Description = "Print the verdicts as JSON" };
        var explain = new Option<bool>("--explain") { Description = "Also print, per script, the notes (skipped lines, the rule that allowed each step) and the run as a sequence chart, the kernel in the variant's states" };
        var live = new Option<bool>("--live") { Description = "Run each script against this machine's kernel (root: a private network namespace and TUN device per script), then check the model against what the kernel did (default variant linux)" };
        var record = new Option<string?>("--record") { Description = "With --live: write each run as a packetdrill script of what the kernel really did, DIR/<name>.pkt", HelpName = "dir" };
        var tolerance = new Option<long?>("--tolerance-usecs") { Description = "With --live: timing tolerance for every script, overriding its --tolerance_usecs (packetdrill default 4000)", HelpName = "us" };
        command.Add(paths);
        command.Add(variants);
        command.Add(json);
        command.Add(explain);
        command.Add(live);
        command.Add(record);
        var slow = new Option<bool>("--slow") { Description = "With --live: also run the slow scripts (over 10 s of script time, e.g. waiting out TIME-WAIT's 60 s); without it they are listed as not run" };
        command.Add(tolerance);
        command.Add(slow);
        command.SetAction(parse =>
        {
            var isLive = parse.GetValue(live);
            if (!isLive && (parse.GetValue(record) is not null || parse.GetValue(tolerance) is not null || parse.GetValue(slow)))
                throw new BadInputException("--record, --tolerance-usecs and --slow need --live");
            var names = VariantList(parse.GetValue(variants), isLive ? "linux" : "rfc9293");
            var scripts = Load(parse.GetValue(paths) ?? []);
            if (isLive)
                return (int)LiveConform.Run(context, scripts, names, new LiveConform.Settings(
                    parse.GetValue(record), parse.GetValue(tolerance), parse.GetValue(json), parse.GetValue(explain), parse.GetValue(slow)));
            // A signal stops between scripts: the verdicts so far are printed, with how many were not checked.
            var planned = names.Count * scripts.Count;
            var verdicts = names.SelectMany(v => scripts.Select(s => (v, s)))
                .TakeWhile(_ => !context.Cancel.IsCancellationRequested)
                .Select(p => Conformer.Check(p.s, p.v)).ToList();
            var cancelled = verdicts.Count < planned;
            if (parse.GetValue(json)) WriteJson(context, verdicts, cancelled);
            else
            {
                if (verdicts.Count > 0) WriteText(context, verdicts, names.Where(n => verdicts.Any(v => v.Variant == n)).ToList(), parse.GetValue(explain));
                if (cancelled) context.Out.WriteLine($"cancelled after {verdicts.Count} of {planned} checks (script × variant)");
            }
            return (int)(verdicts.Any(v => v.Kind == VerdictKind.Disagrees) ? ExitCode.Violated : cancelled ? ExitCode.Inconclusive : ExitCode.Ok);
        });
        return command;
    }

    private static List<string> VariantList(string[]? given, string fallback)
    {
        var names = Options.PropertyOption.NameList(given, "--variant", "variant") ?? [fallback];
        return names.Select(RequireVariant).Distinct().ToList();
    }

    /// <summary>Exit 3 with the valid names unless <paramref name="name"/> is a variant scripts can be checked against.</summary>
    /// <returns>The variant's canonical spelling (names are matched ignoring case).</returns>
    internal static string RequireVariant(string name) =>
        Conformer.VariantNames.FirstOrDefault(v => string.Equals(v, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new BadInputException($"unknown variant '{name}' (known: {string.Join(", ", Conformer.VariantNames)})");

    /// <summary>Every script, parsed before any is checked, so a malformed one is exit 3 with its file:line.</summary>
    internal static List<Script> Load(string[] paths)
    {
        var files = new List<string>();
        foreach (var p in paths)
        {
            if (Directory.Exists(p)) files.AddRange(Directory.GetFiles(p, "*.pkt", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
            else if (File.Exists(p)) files.Add(p);
            else throw new BadInputException($"{p}: no such file or directory");
        }
        if (files.Count == 0) throw new BadInputException($"no .pkt scripts under {string.Join(", ", paths)}");
        try { return files.Select(ScriptParser.ParseFile).ToList(); }
        catch (ScriptFormatException e) { throw new BadInputException(e.Message); }
    }

    private static void WriteText(CliContext context, List<Verdict> verdicts, List<string> names, bool explain)
    {
        var width = verdicts.Max(v => v.Script.Length);
        foreach (var v in verdicts)
        {
            context.Out.WriteLine($"{v.Script.PadRight(width)}  {v.Variant,-15} {v.Summary}");
            if (!explain) continue;
            foreach (var n in v.Notes) context.Out.WriteLine($"    note: {n}");
            if (v.Steps is { Count: > 0 }) context.Out.WriteLine(ScriptChart.Render(v));
        }
        context.Out.WriteLine();
        context.Out.WriteLine("| variant | scripts | agrees | disagrees | unsupported | ms/script |");
        context.Out.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var n in names)
        {
            var mine = verdicts.Where(v => v.Variant == n).ToList();
            var ms = mine.Average(v => v.Milliseconds).ToString("0.00", CultureInfo.InvariantCulture);
            context.Out.WriteLine($"| {n} | {mine.Count} | {Count(mine, VerdictKind.Agrees)} | {Count(mine, VerdictKind.Disagrees)} | {Count(mine, VerdictKind.Unsupported)} | {ms} |");
        }
    }

    private static int Count(List<Verdict> v, VerdictKind k) => v.Count(x => x.Kind == k);

    private static void WriteJson(CliContext context, List<Verdict> verdicts, bool cancelled)
    {
        var results = verdicts.Select(v => new
        {
            script = v.Script, variant = v.Variant, verdict = v.Kind.ToString().ToLowerInvariant(), line = v.Line,
            reason = v.Reason, notes = v.Notes, milliseconds = Math.Round(v.Milliseconds, 3),
        });
        Output.JsonOutput.Write(context.Out, new { command = "conform", stopReason = cancelled ? "cancelled" : "complete", results });
    }
}
