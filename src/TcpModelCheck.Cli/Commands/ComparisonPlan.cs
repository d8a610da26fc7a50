using TcpModelCheck.Cli.Backend;

namespace TcpModelCheck.Cli.Commands;

/// <summary>
/// Which configurations <c>compare</c> runs. Without <c>--variant</c> and <c>--workload</c>: the default matrix (with
/// <c>--full</c>, the full one), each row with the other configuration options given applied to it as a replay applies
/// them (<see cref="IBackend.ReplaySettings"/>: the variant's preset fields are resolved again, so a row never keeps a
/// value derived from a setting the option changed) — <c>compare --reduction none</c> is the matrix without the
/// reduction, not every variant's every workload. With either list: every pair of the <c>--variant</c> and
/// <c>--workload</c> lists (comma-separated; a missing list means every variant, or the matrix's workloads), each with
/// the other options applied. Expected verdicts come from the matrix entry with exactly that configuration, so a pair
/// from the matrix keeps its expectations and any other configuration is expected to satisfy every property.
/// </summary>
internal static class ComparisonPlan
{
    public static IReadOnlyList<MatrixCell> Cells(IBackend backend, IReadOnlyDictionary<string, string> given, bool full = false)
    {
        var picked = given.Keys.FirstOrDefault(k => k is "variant" or "workload");
        if (picked is null)
        {
            var matrix = full ? backend.FullMatrix : backend.DefaultMatrix;
            if (given.Count == 0) return matrix;
            // Rows an option makes equal (--fifo false on the fifo row) are run once.
            return [.. matrix.Select(row => backend.Cell(backend.ReplaySettings(row.Settings, given))).DistinctBy(c => c.Name)];
        }
        if (full) throw new BadInputException($"--full selects the full matrix; it cannot be combined with --{picked} (drop one of them)");
        var variants = ListOf(given, "variant", backend.Variants) ?? backend.Variants.Select(v => v.Name).ToList();
        var workloads = ListOf(given, "workload", backend.Workloads) ?? backend.DefaultMatrix.Select(c => c.Workload).Distinct().ToList();
        var overrides = given.Where(kv => kv.Key is not ("variant" or "workload")).ToList();
        var cells = new List<MatrixCell>();
        foreach (var v in variants)
            foreach (var w in workloads)
            {
                var settings = new Dictionary<string, string>(overrides) { ["variant"] = v, ["workload"] = w };
                cells.Add(backend.Cell(settings));
            }
        return cells;
    }

    private static List<string>? ListOf(IReadOnlyDictionary<string, string> given, string key, IReadOnlyList<NamedItem> valid)
    {
        if (!given.TryGetValue(key, out var text)) return null;
        var names = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names.Length == 0) throw new BadInputException($"--{key} needs at least one name");
        return names.Select(n => Names.Require(valid, key, n)).Distinct().ToList();
    }
}
