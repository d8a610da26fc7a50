using TcpModelCheck.Tcp;
using TcpModelCheck.Tcp.Matrix;
using TcpModelCheck.Tcp.Schedules;

namespace TcpModelCheck.Cli.Backend;

/// <summary>The TCP model family behind the CLI: configuration, catalogue, the default matrix and its expected
/// verdicts (facts of the TCP model: Tcp/Matrix, shared with the property suite), explanations and charts.</summary>
internal sealed class TcpBackend : IBackend
{
    public string ModelName => "tcp";

    public IReadOnlyList<NamedItem> Variants { get; } = Tcp.Variants.All.Select(e => new NamedItem(e.Name, e.Description)).ToList();

    public IReadOnlyList<NamedItem> Workloads { get; } = Tcp.Workloads.All.Select(e => new NamedItem(e.Name, e.Description)).ToList();

    /// <summary>One option per row of the model's configuration table: <c>--</c> + the settings key (the same key a
    /// trace file stores), so what a user types and what a trace records are one vocabulary.</summary>
    public IReadOnlyList<ConfigField> Fields { get; } =
        TcpFields.All.Select(f => new ConfigField(f.Key, "--" + f.Key, f.Help, f.HelpName, f.DefaultText)).ToList();

    public IReadOnlyList<PropertyInfo> Properties { get; } =
        new TcpModel().Properties.Select(p => new PropertyInfo(p.Name, p.Kind, p.Description)).ToList();

    public IReadOnlyList<MatrixCell> DefaultMatrix { get; } = TcpMatrix.Default.Select(e => CellOf(e.Config)).ToList();

    public IReadOnlyList<MatrixCell> FullMatrix { get; } = TcpMatrix.Full.Select(e => CellOf(e.Config)).ToList();

    public MatrixCell Cell(IReadOnlyDictionary<string, string> settings) => CellOf(Configure(settings));

    /// <summary>The cell of a configuration, judged by the expected verdicts of the matrix entry with exactly this
    /// configuration (<see cref="ExpectedVerdicts.For"/>), so a pair from the matrix keeps its expectations.</summary>
    private static MatrixCell CellOf(TcpConfig config) =>
        new(config.Name, config.Variant, config.Workload, config.ToSettings(), p => ExpectedVerdicts.For(config, p));

    public IReadOnlyDictionary<string, string> ReplaySettings(IReadOnlyDictionary<string, string> recorded,
        IReadOnlyDictionary<string, string> overrides) => Valid(() => TcpConfig.ForReplay(recorded, overrides)).ToSettings();

    /// <summary>The TCP model's fault schedules: its action kinds, default shape and state abstraction.</summary>
    private static readonly ScheduleBinding<TcpState, TcpAction, IntentKind> Schedules =
        new(TcpSchedules.Kinds, TcpSchedules.Classify, TcpSchedules.Shape, TcpSchedules.StateKind);

    public IModelSession Open(IReadOnlyDictionary<string, string> settings)
    {
        var config = Configure(settings);
        var model = new TcpModel(config);
        return new ModelSession<TcpState, TcpAction>(model, new TcpTraceRenderer(model), config.Name, config.Variant, config.Workload,
            Schedules);
    }

    /// <summary>The configuration the settings describe; its problems become one line of bad input.</summary>
    internal static TcpConfig Configure(IReadOnlyDictionary<string, string> settings) => Valid(() => TcpConfig.FromSettings(settings));

    /// <summary>The configuration <paramref name="build"/> reads; a bad value or an invalid configuration becomes
    /// one line of bad input (every problem, separated by "; ").</summary>
    private static TcpConfig Valid(Func<TcpConfig> build)
    {
        TcpConfig config;
        try
        {
            config = build();
        }
        catch (ArgumentException e)
        {
            throw new BadInputException(e.Message);
        }
        var problems = config.Validate();
        if (problems.Count > 0) throw new BadInputException(string.Join("; ", problems));
        return config;
    }

    public string Explain(IReadOnlyDictionary<string, string> settings, IReadOnlyList<string> properties) =>
        TcpExplanation.Write(this, Configure(settings), properties);
}
