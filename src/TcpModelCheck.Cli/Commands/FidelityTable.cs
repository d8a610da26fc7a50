using TcpModelCheck.Conformance.Checking;
using TcpModelCheck.Conformance.Generation;
using TcpModelCheck.Live.Runs;

namespace TcpModelCheck.Cli.Commands;

/// <summary>
/// <c>conform --live</c>'s fidelity table (issue 12 item 3): for the coverage suite's scripts among those run (found
/// by their file names, <see cref="CoverageSuite.Cells"/>), one row per state of the kernel's endpoint and one column
/// per kind of arriving segment; a cell says whether the variant predicted what the kernel did: <c>✓</c> predicts,
/// <c>✗</c> differs, <c>?</c> unsupported, <c>–</c> not run.
/// </summary>
internal static class FidelityTable
{
    public static void Write(TextWriter output, IReadOnlyList<(string Source, IReadOnlyList<LiveCheck> Checks)> rows, IReadOnlyList<string> variants)
    {
        var byFile = new Dictionary<string, IReadOnlyList<LiveCheck>>(StringComparer.Ordinal);
        foreach (var (source, checks) in rows) byFile[Path.GetFileName(source)] = checks;
        var cells = CoverageSuite.Cells;
        if (!cells.Any(c => byFile.ContainsKey(c.File))) return;
        var kinds = cells.Select(c => c.Kind).Distinct().ToList();
        for (var v = 0; v < variants.Count; v++)
        {
            var run = cells.Where(c => byFile.ContainsKey(c.File)).ToList();
            var predicted = run.Count(c => byFile[c.File][v].Predicts);
            output.WriteLine();
            output.WriteLine($"fidelity of {variants[v]} per (state, arriving segment) over the coverage suite: predicts the kernel in {predicted} of {run.Count} cells");
            output.WriteLine($"| state | {string.Join(" | ", kinds)} |");
            output.WriteLine($"|---|{string.Concat(kinds.Select(_ => "---|"))}");
            foreach (var state in cells.Select(c => c.State).Distinct())
            {
                var marks = kinds.Select(k => cells.First(c => c.State == state && c.Kind == k).File).Select(f =>
                    !byFile.TryGetValue(f, out var checks) ? "–"
                    : checks[v].Predicts ? "✓" : checks[v].Model.Kind == VerdictKind.Unsupported ? "?" : "✗");
                output.WriteLine($"| {state} | {string.Join(" | ", marks)} |");
            }
        }
    }
}
