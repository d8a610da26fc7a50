using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Engine.Model;

namespace TcpModelCheck.Cli.Backend;

/// <summary>Turns the property names a user typed into the model's properties, with a one-line error for an
/// unknown name that lists the valid ones.</summary>
internal static class PropertySelection
{
    /// <summary>The named properties (all when <paramref name="names"/> is null or empty), in the order given.</summary>
    public static IReadOnlyList<Property<TState, TAction>> Resolve<TState, TAction>(
        IReadOnlyList<Property<TState, TAction>> all, IReadOnlyList<string>? names)
    {
        if (names is null || names.Count == 0) return all;
        var chosen = new List<Property<TState, TAction>>();
        foreach (var name in names)
        {
            var p = all.FirstOrDefault(x => string.Equals(x.Name, name, StringComparison.OrdinalIgnoreCase))
                ?? throw new BadInputException($"unknown property '{name}'; valid properties: {string.Join(", ", all.Select(x => x.Name))}");
            if (!chosen.Contains(p)) chosen.Add(p);
        }
        return chosen;
    }

    /// <summary>
    /// The properties one search checks. Fingerprint storage keeps no state graph, so liveness cannot be
    /// judged: when the user named no properties the liveness ones are skipped (and reported as skipped);
    /// when the user named one explicitly, that is a contradiction and bad input.
    /// </summary>
    public static (IReadOnlyList<Property<TState, TAction>> Selected, IReadOnlyList<string> Skipped) ForSearch<TState, TAction>(
        IReadOnlyList<Property<TState, TAction>> all, CheckOptions options)
    {
        var named = options.Properties is { Count: > 0 };
        var selected = Resolve(all, options.Properties);
        if (options.Storage != StorageMode.Fingerprint) return (selected, []);
        var liveness = selected.Where(p => p.IsLiveness).ToList();
        if (liveness.Count == 0) return (selected, []);
        if (named)
            throw new BadInputException($"--fingerprint cannot check liveness property '{liveness[0].Name}' " +
                                        "(it needs the whole state graph); drop --fingerprint or that property");
        return (selected.Where(p => !p.IsLiveness).ToList(),
            liveness.Select(p => $"{p.Name}: not checked, liveness needs exact storage (no --fingerprint)").ToList());
    }
}
