using System.CommandLine;
using TcpModelCheck.Conformance.Generation;
using TcpModelCheck.Reports.Tcp;
using TcpModelCheck.Tcp.Matrix;

namespace TcpModelCheck.Cli.Commands;

/// <summary>
/// <c>tcpmc generate --variant V --out DIR</c>: writes the transition-coverage suite (<see cref="CoverageSuite"/>)
/// as packetdrill scripts, one per (state, kind of arriving segment), each expecting the reply the variant
/// predicts, under <c>DIR/coverage/</c>, and RFC 9293's figures 6-13 from the kernel's side
/// (<see cref="FigureScripts"/>) under <c>DIR/figures/</c>, and the default matrix's counterexamples read from either
/// endpoint's side (<see cref="CounterexampleScripts"/>, through <see cref="TcpMatrix"/>) under <c>DIR/counterexamples/</c>; then prints which pairs it covers and the figures. Run them against the model with
/// <c>tcpmc conform DIR</c>, against this machine's kernel with <c>tcpmc conform --live DIR</c>, or with packetdrill
/// against any stack.
/// </summary>
internal static class GenerateCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("generate", "Write packetdrill scripts from the model: one per (state, arriving segment) with the variant's predicted reply");
        var variant = new Option<string>("--variant") { Description = "The variant whose predictions the scripts expect (default linux)", HelpName = "name", DefaultValueFactory = _ => "linux" };
        var output = new Option<string>("--out") { Description = "Directory to write into (created if missing); scripts go under DIR/coverage/ and DIR/figures/", HelpName = "dir", Required = true };
        var skipSearch = new Option<bool>("--no-counterexamples") { Description = "Skip the counterexample scripts (they need an exhaustive check of the default matrix: about a minute)" };
        command.Add(variant);
        command.Add(output);
        command.Add(skipSearch);
        command.SetAction(parse =>
        {
            var name = ConformCommand.RequireVariant(parse.GetValue(variant)!);
            var root = parse.GetValue(output)!;
            if (File.Exists(root)) throw new BadInputException($"--out {root}: is a file, not a directory");
            var dir = Path.Combine(root, "coverage");
            var scripts = CoverageSuite.Generate(name);
            var figures = FigureScripts.Generate(name);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var found = parse.GetValue(skipSearch) ? [] : CounterexampleScripts.Find(TcpMatrix.Default.Select(e => (e.Name, e.Config)), context.Cancel);
            if (context.Cancel.IsCancellationRequested)
            {
                context.Out.WriteLine("cancelled during the matrix search for counterexamples; nothing written");
                return (int)ExitCode.Inconclusive;
            }
            var (counterexamples, skipped) = CounterexampleScripts.Generate(found);
            var all = scripts.Select(s => (Dir: dir, Script: s))
                .Concat(figures.Select(f => (Dir: Path.Combine(root, "figures"), Script: f)))
                .Concat(counterexamples.Select(c => (Dir: Path.Combine(root, "counterexamples"), Script: c))).ToList();
            var written = 0;
            try
            {
                foreach (var (d, s) in all.TakeWhile(_ => !context.Cancel.IsCancellationRequested))
                {
                    Directory.CreateDirectory(d);
                    File.WriteAllText(Path.Combine(d, s.Name), s.Text);
                    written++;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new BadInputException($"--out {root}: cannot write there: {Tcpmc.FirstLine(e.Message)}");
            }
            if (written < all.Count)
            {
                context.Out.WriteLine($"cancelled after writing {written} of {all.Count} scripts under {root}");
                return (int)ExitCode.Inconclusive;
            }
            Print(context, name, dir, scripts);
            PrintFigures(context, name, Path.Combine(root, "figures"), figures);
            if (!parse.GetValue(skipSearch))
                PrintCounterexamples(context, Path.Combine(root, "counterexamples"), found.Count, counterexamples, skipped, clock.Elapsed.TotalSeconds);
            return (int)ExitCode.Ok;
        });
        return command;
    }

    private static void PrintFigures(CliContext context, string variant, string dir, IReadOnlyList<GeneratedScript> figures)
    {
        context.Out.WriteLine();
        context.Out.WriteLine($"{figures.Count} figure scripts for {variant} in {dir} (RFC 9293 figures 6-13, the kernel as one TCP):");
        foreach (var f in figures) context.Out.WriteLine($"  {f.State,-10} {Path.GetFileNameWithoutExtension(f.Name),-34} {f.Kind} ({f.Prediction})");
    }

    private static void PrintCounterexamples(CliContext context, string dir, int found, IReadOnlyList<GeneratedScript> scripts,
        IReadOnlyList<string> skipped, double seconds)
    {
        context.Out.WriteLine();
        context.Out.WriteLine($"{scripts.Count} counterexample scripts in {dir}: {found} safety counterexamples of the default matrix " +
            $"({seconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)} s), each read from both endpoints' sides, each script checked against its own variant:");
        foreach (var s in scripts) context.Out.WriteLine($"  {Path.GetFileNameWithoutExtension(s.Name)}");
        context.Out.WriteLine($"not written ({skipped.Count}):");
        foreach (var s in skipped) context.Out.WriteLine($"  {s}");
    }

    private static void Print(CliContext context, string variant, string dir, IReadOnlyList<GeneratedScript> scripts)
    {
        var kinds = scripts.Select(s => s.Kind).Distinct().ToList();
        var states = scripts.Select(s => s.State).Distinct().ToList();
        context.Out.WriteLine($"{scripts.Count} coverage scripts for {variant} in {dir} ({states.Count} states × {kinds.Count} kinds of arriving segment)");
        context.Out.WriteLine();
        context.Out.WriteLine($"| state | {string.Join(" | ", kinds)} |");
        context.Out.WriteLine($"|---|{string.Concat(kinds.Select(_ => "---|"))}");
        foreach (var state in states)
        {
            var cells = kinds.Select(k => scripts.FirstOrDefault(s => s.State == state && s.Kind == k) is { } s ? Short(s.Prediction) : "–");
            context.Out.WriteLine($"| {state} | {string.Join(" | ", cells)} |");
        }
        context.Out.WriteLine();
        context.Out.WriteLine($"cells: the reply the variant predicts (its flags; '·' no reply). Check them: tcpmc conform {dir} --variant {variant}");
    }

    /// <summary>The flags of each predicted reply (<c>R.</c>, <c>.</c>, <c>S.</c>), or <c>·</c> for none.</summary>
    private static string Short(string prediction) =>
        prediction.StartsWith("no reply", StringComparison.Ordinal)
            ? "·"
            : string.Join("+", prediction.Split(", then ").Select(p => p.Split(' ')[0]));
}
