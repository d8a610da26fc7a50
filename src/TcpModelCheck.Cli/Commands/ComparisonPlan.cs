using TcpModelCheck.Cli.Backend;

namespace TcpModelCheck.Cli.Commands;

/// <summary>
/// Which configurations <c>compare</c> runs. With no configuration options it is the default matrix, with the
/// expected verdicts. <c>--variant</c> and <c>--workload</c> (each a comma-separated list) pick rows of that
/// matrix; a pair the matrix lacks, or any other configuration option, gives fresh configurations whose
/// expected verdicts are unknown — the expected-verdict table is only valid for the settings it was made for.
/// </summary>
internal static class ComparisonPlan
{
    public static IReadOnlyList<MatrixCell> Cells(IBackend backend, IReadOnlyDictionary<string, string> given)
    {
        var variants = ListOf(given, "variant", backend.Variants);
        var workloads = ListOf(given, "workload", backend.Workloads);
        var overrides = given.Where(kv => kv.Key is not ("variant" or "workload")).ToDictionary(kv => kv.Key, kv => kv.Value);
        if (variants is null && workloads is null && overrides.Count == 0) return backend.DefaultMatrix;
        variants ??= Distinct(backend.DefaultMatrix.Select(c => c.Variant));
        workloads ??= Distinct(backend.DefaultMatrix.Select(c => c.Workload));
        var cells = new List<MatrixCell>();
        foreach (var v in variants)
            foreach (var w in workloads)
            {
                var known = overrides.Count == 0
                    ? backend.DefaultMatrix.Where(c => c.Variant == v && c.Workload == w).ToList()
                    : [];
                if (known.Count > 0) { cells.AddRange(known); continue; }
                var settings = new Dictionary<string, string>(overrides) { ["variant"] = v, ["workload"] = w };
                cells.Add(new MatrixCell(v, w, settings, null));
            }
        return cells;
    }

    private static List<string>? ListOf(IReadOnlyDictionary<string, string> given, string key, IReadOnlyList<NamedItem> valid)
    {
        if (!given.TryGetValue(key, out var text)) return null;
        var names = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        if (names.Count == 0) throw new BadInputException($"--{key} needs at least one name");
        var result = new List<string>();
        foreach (var name in names)
        {
            ExplainCommand.Check(valid, key, name);
            result.Add(valid.First(i => string.Equals(i.Name, name, StringComparison.OrdinalIgnoreCase)).Name);
        }
        return Distinct(result);
    }

    private static List<string> Distinct(IEnumerable<string> names) => names.Distinct(StringComparer.Ordinal).ToList();
}
