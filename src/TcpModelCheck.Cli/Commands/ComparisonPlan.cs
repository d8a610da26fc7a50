using TcpModelCheck.Cli.Backend;

namespace TcpModelCheck.Cli.Commands;

/// <summary>
/// Which configurations <c>compare</c> runs. With no configuration options: the default matrix (with <c>--full</c>,
/// the full one). Otherwise every
/// pair of the <c>--variant</c> and <c>--workload</c> lists (comma-separated; a missing list means every
/// variant, or the matrix's workloads), each with the other options applied. Expected verdicts come from the
/// matrix entry with exactly that configuration, so a pair from the matrix keeps its expectations and any
/// other configuration is expected to satisfy every property.
/// </summary>
internal static class ComparisonPlan
{
    public static IReadOnlyList<MatrixCell> Cells(IBackend backend, IReadOnlyDictionary<string, string> given, bool full = false)
    {
        if (full && given.Count > 0)
            throw new BadInputException($"--full selects the full matrix; it cannot be combined with --{given.Keys.First()} (drop one of them)");
        if (given.Count == 0) return full ? backend.FullMatrix : backend.DefaultMatrix;
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
