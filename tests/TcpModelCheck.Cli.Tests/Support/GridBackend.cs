using TcpModelCheck.Cli.Backend;
using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Engine.Model;
using TcpModelCheck.Engine.Schedules;
using TcpModelCheck.Engine.Traces;

namespace TcpModelCheck.Cli.Tests.Support;

/// <summary>
/// A backend over <see cref="GridModel"/>: variant "safe" (limit 100: below-limit holds) or "broken" (limit 3:
/// violated after 3 steps), workload "small" (3×3 grid) or "large" (40×40). Lets the CLI's plumbing — exit
/// codes, JSON, replay, comparison — be tested with answers known by hand, independently of the TCP model.
/// </summary>
internal sealed class GridBackend : IBackend
{
    public string ModelName => "grid";

    public IReadOnlyList<NamedItem> Variants { get; } = [new("safe", "limit 100"), new("broken", "limit 3")];

    public IReadOnlyList<NamedItem> Workloads { get; } = [new("small", "3x3 grid"), new("large", "40x40 grid")];

    public IReadOnlyList<ConfigField> Fields { get; } =
    [
        new("variant", "--variant", "safe or broken", "name", "safe"),
        new("workload", "--workload", "small or large", "name", "small"),
        new("size", "--size", "grid side (overrides the workload)", "n", "default"),
    ];

    public IReadOnlyList<PropertyInfo> Properties =>
        new GridModel("safe", "small", 3, 100).Properties.Select(p => new PropertyInfo(p.Name, p.Kind, p.Description)).ToList();

    public IReadOnlyList<MatrixCell> DefaultMatrix => [Cell(Settings("safe", "small")), Cell(Settings("broken", "small"))];

    /// <summary>The full matrix adds the large safe grid (1,600 states).</summary>
    public IReadOnlyList<MatrixCell> FullMatrix => [.. DefaultMatrix, Cell(Settings("safe", "large"))];

    /// <summary>The grid's expected verdicts, keyed by configuration name (the grid has no other identity).</summary>
    private static readonly ExpectationTable<string> Expectations = new(
    [
        new("broken/small", "below-limit", Verdict.Violated, "the limit 3 is below the corner's x + y = 4"),
    ]);

    public MatrixCell Cell(IReadOnlyDictionary<string, string> settings)
    {
        var session = Open(settings);
        return new MatrixCell(session.Name, session.Variant, session.Workload, settings, p => Expectations.For(session.Name, p));
    }

    private static Dictionary<string, string> Settings(string variant, string workload) => new() { ["variant"] = variant, ["workload"] = workload };

    /// <summary>The grid's two moves as schedule kinds (neither is a fault); a state's kind is its diagonal x + y.</summary>
    private static readonly ScheduleBinding<(int X, int Y), int, GridMove> Schedules = new(
        new ScheduleKinds<GridMove>([(GridMove.Right, "right", false), (GridMove.Up, "up", false)], [GridMove.Right, GridMove.Up]),
        a => (GridMove)a, new ScheduleShape { Weights = [1, 1], MaxSelector = 0 }, s => s.X + s.Y);

    public IModelSession Open(IReadOnlyDictionary<string, string> settings)
    {
        var variant = settings.GetValueOrDefault("variant", "safe");
        var workload = settings.GetValueOrDefault("workload", "small");
        if (Variants.All(v => v.Name != variant)) throw new BadInputException($"unknown variant '{variant}'; valid variants: safe, broken");
        if (Workloads.All(w => w.Name != workload)) throw new BadInputException($"unknown workload '{workload}'; valid workloads: small, large");
        var size = settings.TryGetValue("size", out var s) && s != "default" ? int.Parse(s) : workload == "small" ? 3 : 40;
        if (size is < 2 or > 1000) throw new BadInputException($"size: {size} is out of range 2..1000");
        var model = new GridModel(variant, workload, size, variant == "safe" ? 100 : 3);
        // Named "variant/workload", plus " size=N" when the size is overridden.
        var name = $"{variant}/{workload}" + (settings.TryGetValue("size", out var given) && given != "default" ? $" size={given}" : "");
        return new ModelSession<(int X, int Y), int>(model, new PlainRenderer<(int X, int Y), int>(model), name, variant, workload, Schedules);
    }

    /// <summary>The grid has no presets: the user's settings simply replace the recorded ones.</summary>
    public IReadOnlyDictionary<string, string> ReplaySettings(IReadOnlyDictionary<string, string> recorded,
        IReadOnlyDictionary<string, string> overrides)
    {
        var settings = new Dictionary<string, string>(recorded);
        foreach (var (key, value) in overrides) settings[key] = value;
        return settings;
    }

    public string Explain(IReadOnlyDictionary<string, string> settings, IReadOnlyList<string> properties) =>
        $"variant {settings.GetValueOrDefault("variant", "safe")}, workload {settings.GetValueOrDefault("workload", "small")}, properties {string.Join(",", properties)}";
}

/// <summary>A renderer for any model: one numbered line per step with the action and the state reached.</summary>
/// <summary>The grid's actions: 0 moves right, 1 moves up.</summary>
internal enum GridMove : byte { Right, Up }

internal sealed class PlainRenderer<TState, TAction>(IModel<TState, TAction> model) : ITraceRenderer where TState : IEquatable<TState>
{
    public (string Chart, string Mermaid) Render(Trace trace, TraceContext context)
    {
        var replay = Replayer.Replay(model, trace);
        var lines = context.Header.Append($"0. {model.FormatState(replay.Initial!)}")
            .Concat(replay.Steps.Select((s, i) => $"{i + 1}. {trace.Steps[i].Action} -> {model.FormatState(s.State)}"));
        return (string.Join('\n', lines), "sequenceDiagram\n" + string.Join('\n', trace.Steps.Select(s => $"  M->>M: {s.Action}")));
    }
}
