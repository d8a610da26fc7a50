using System.CommandLine;
using TcpModelCheck.Conformance.Generation;

namespace TcpModelCheck.Cli.Commands;

/// <summary>
/// <c>tcpmc generate --variant V --out DIR</c>: writes the transition-coverage suite (<see cref="CoverageSuite"/>)
/// as packetdrill scripts, one per (state, kind of arriving segment), each expecting the reply the variant
/// predicts, under <c>DIR/coverage/</c>; then prints which pairs it covers. Run them against the model with
/// <c>tcpmc conform DIR</c>, against this machine's kernel with <c>tcpmc conform --live DIR</c>, or with packetdrill
/// against any stack.
/// </summary>
internal static class GenerateCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("generate", "Write packetdrill scripts from the model: one per (state, arriving segment) with the variant's predicted reply");
        var variant = new Option<string>("--variant") { Description = "The variant whose predictions the scripts expect (default linux)", HelpName = "name", DefaultValueFactory = _ => "linux" };
        var output = new Option<string>("--out") { Description = "Directory to write into (created if missing); scripts go under DIR/coverage/", HelpName = "dir", Required = true };
        command.Add(variant);
        command.Add(output);
        command.SetAction(parse =>
        {
            var name = ConformCommand.RequireVariant(parse.GetValue(variant)!);
            var root = parse.GetValue(output)!;
            if (File.Exists(root)) throw new BadInputException($"--out {root}: is a file, not a directory");
            var dir = Path.Combine(root, "coverage");
            var scripts = CoverageSuite.Generate(name);
            var written = 0;
            try
            {
                Directory.CreateDirectory(dir);
                foreach (var s in scripts.TakeWhile(_ => !context.Cancel.IsCancellationRequested))
                {
                    File.WriteAllText(Path.Combine(dir, s.Name), s.Text);
                    written++;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new BadInputException($"--out {root}: cannot write there: {Tcpmc.FirstLine(e.Message)}");
            }
            if (written < scripts.Count)
            {
                context.Out.WriteLine($"cancelled after writing {written} of {scripts.Count} coverage scripts to {dir}");
                return (int)ExitCode.Inconclusive;
            }
            Print(context, name, dir, scripts);
            return (int)ExitCode.Ok;
        });
        return command;
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
