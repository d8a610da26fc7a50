using System.Globalization;
using TcpModelCheck.Conformance.Checking;
using TcpModelCheck.Conformance.Scripts;
using TcpModelCheck.Live.Isolation;
using TcpModelCheck.Live.Runs;

namespace TcpModelCheck.Cli.Commands;

/// <summary>
/// <c>tcpmc conform --live</c>: each script runs against this machine's kernel in a network namespace of its own
/// (made for the run and gone with it — see <see cref="IsolatedNetwork"/>), then every variant is checked against
/// the recording of what the kernel did. Two verdicts per script: <c>kernel: passes | fails at line n</c> and
/// <c>model (V): predicts the kernel's run | differs at line n</c>. Exit 0 when the kernel passed every script and
/// the model predicted every run, 1 otherwise, 2 when interrupted before the last script, 3 without the
/// privileges live runs need (one line saying what is missing).
/// </summary>
internal static class LiveConform
{
    /// <param name="Slow">Also run the slow scripts (<see cref="Script.IsSlow"/>: over 10 s of script time, waiting out a
    /// real kernel timer such as TIME-WAIT's 60 s); without it they are listed as not run, never as passed.</param>
    public sealed record Settings(string? RecordDirectory, long? ToleranceMicros, bool Json, bool Explain, bool Slow = false);

    private sealed record Row(Script Script, LiveRunResult Run, IReadOnlyList<LiveCheck> Checks, string? RecordedTo);

    public static ExitCode Run(CliContext context, IReadOnlyList<Script> given, IReadOnlyList<string> variants, Settings settings)
    {
        if (Privileges.Missing is { } missing) throw new BadInputException(missing);
        var slow = settings.Slow ? [] : given.Where(s => s.IsSlow).ToList();
        var scripts = given.Except(slow).ToList();
        if (settings.ToleranceMicros is < 0) throw new BadInputException("--tolerance-usecs: must be 0 or more");
        var recordNames = settings.RecordDirectory is { } dir ? RecordNames(dir, scripts) : null;
        var options = LiveRunOptions.Default with { ToleranceMicros = settings.ToleranceMicros };
        var rows = new List<Row>();
        foreach (var script in scripts)
        {
            if (context.Cancel.IsCancellationRequested) break;
            if (!settings.Json) context.Err.WriteLine($"live: {script.Source} …");
            var run = LiveRunner.Run(script, options);
            var all = variants.Select(v => LiveCheck.Against(run, script, v)).ToList();
            string? to = null;
            if (recordNames is not null)
            {
                to = recordNames[rows.Count];
                Write(to, ScriptWriter.Write(run.Recorded));
            }
            rows.Add(new Row(script, run, all, to));
        }
        var interrupted = rows.Count < scripts.Count;
        if (settings.Json) WriteJson(context, rows, scripts.Count, interrupted, slow);
        else
        {
            foreach (var s in slow)
                context.Out.WriteLine($"{s.Source}  slow, not run: {Seconds(s.DurationMicros)} s of script time (--slow runs it)");
            WriteText(context, rows, variants, settings.Explain, scripts.Count);
        }
        if (interrupted) return ExitCode.Inconclusive;
        var bad = rows.Any(r => r.Run.Kernel is KernelVerdict.Fails || r.Checks.Any(c => c.Model.Kind == VerdictKind.Disagrees));
        return bad ? ExitCode.Violated : ExitCode.Ok;
    }

    /// <summary>One file per script in <paramref name="dir"/> (created if missing), checked writable before any
    /// run: <c>name.pkt</c>, or <c>name-2.pkt</c>… when two scripts share a name.</summary>
    private static List<string> RecordNames(string dir, IReadOnlyList<Script> scripts)
    {
        if (File.Exists(dir)) throw new BadInputException($"--record {dir}: is a file, not a directory");
        try
        {
            Directory.CreateDirectory(dir);
            var probe = Path.Combine(dir, ".tcpmc-write-test");
            File.WriteAllText(probe, "");
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BadInputException($"--record {dir}: cannot write there: {Tcpmc.FirstLine(e.Message)}");
        }
        var used = new HashSet<string>(StringComparer.Ordinal);
        var names = new List<string>();
        foreach (var s in scripts)
        {
            var stem = Path.GetFileNameWithoutExtension(s.Source);
            var name = stem;
            for (var i = 2; !used.Add(name); i++) name = $"{stem}-{i}";
            names.Add(Path.Combine(dir, name + ".pkt"));
        }
        return names;
    }

    private static void Write(string path, string text)
    {
        try { File.WriteAllText(path, text); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BadInputException($"--record: cannot write {path}: {Tcpmc.FirstLine(e.Message)}");
        }
    }

    private static void WriteText(CliContext context, List<Row> rows, IReadOnlyList<string> variants, bool explain, int total)
    {
        var width = rows.Count == 0 ? 0 : rows.Max(r => r.Script.Source.Length);
        foreach (var r in rows)
        {
            var seconds = r.Run.Seconds.ToString("0.00", CultureInfo.InvariantCulture);
            context.Out.WriteLine($"{r.Script.Source.PadRight(width)}  {r.Run.Kernel}  ({seconds} s)");
            foreach (var c in r.Checks)
            {
                context.Out.WriteLine($"{new string(' ', width)}  {c.ModelSummary}");
                if (!explain) continue;
                foreach (var n in c.Model.Notes) context.Out.WriteLine($"{new string(' ', width)}    note: {n}");
                if (c.Model.Steps is { Count: > 0 })
                    context.Out.WriteLine(ScriptChart.Render(c.Model, $"kernel's recording (variant {c.Model.Variant})"));
            }
            if (r.RecordedTo is { } to) context.Out.WriteLine($"{new string(' ', width)}  recorded: {to}");
        }
        if (rows.Count < total) context.Out.WriteLine($"interrupted: {total - rows.Count} of {total} scripts not run");
        context.Out.WriteLine();
        context.Out.WriteLine("| variant | scripts | kernel passes | model predicts the kernel | model differs | unsupported | seconds |");
        context.Out.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        var secs = rows.Sum(r => r.Run.Seconds).ToString("0.0", CultureInfo.InvariantCulture);
        var passes = rows.Count(r => r.Run.Kernel is KernelVerdict.Passes);
        for (var i = 0; i < variants.Count; i++)
        {
            var mine = rows.Select(r => r.Checks[i]).ToList();
            context.Out.WriteLine($"| {variants[i]} | {rows.Count} | {passes} | {mine.Count(c => c.Predicts)} | " +
                $"{mine.Count(c => c.Model.Kind == VerdictKind.Disagrees)} | {mine.Count(c => c.Model.Kind == VerdictKind.Unsupported)} | {secs} |");
        }
        FidelityTable.Write(context.Out, rows.Select(r => (r.Script.Source, r.Checks)).ToList(), variants);
    }

    private static string Seconds(long micros) => (micros / 1e6).ToString("0.#", CultureInfo.InvariantCulture);

    private static void WriteJson(CliContext context, List<Row> rows, int total, bool interrupted, List<Script> slow)
    {
        var doc = new
        {
            command = "conform --live",
            scripts = total,
            run = rows.Count,
            slowNotRun = slow.Select(s => new { script = s.Source, seconds = s.DurationMicros / 1e6 }),
            stopReason = interrupted ? "interrupted" : "complete",
            results = rows.Select(r => new
            {
                script = r.Script.Source,
                seconds = Math.Round(r.Run.Seconds, 3),
                kernel = Kernel(r.Run.Kernel),
                recorded = r.RecordedTo,
                models = r.Checks.Select(c => new
                {
                    variant = c.Model.Variant,
                    verdict = c.Predicts ? "predicts" : c.Model.Kind == VerdictKind.Disagrees ? "differs" : "unsupported",
                    line = c.ModelLine,
                    reason = c.Predicts ? null : c.Model.Reason,
                    notes = c.Model.Notes,
                }),
            }),
        };
        Output.JsonOutput.Write(context.Out, doc);
    }

    private static object Kernel(KernelVerdict v) => v switch
    {
        KernelVerdict.Passes => new { verdict = "passes", line = (int?)null, expected = (string?)null, got = (string?)null },
        KernelVerdict.Fails f => new { verdict = "fails", line = (int?)f.Line, expected = (string?)f.Expected, got = (string?)f.Got },
        KernelVerdict.Unsupported u => new { verdict = "unsupported", line = (int?)u.Line, expected = (string?)null, got = (string?)u.What },
        _ => throw new InvalidOperationException("unknown kernel verdict"),
    };
}
