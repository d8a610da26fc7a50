using TcpModelCheck.Reports.Comparison;
using TcpModelCheck.Reports.Tcp;
using TcpModelCheck.Tcp;

namespace TcpModelCheck.Cli.Backend;

/// <summary>The TCP model family behind the CLI: configuration, catalogue, the default matrix and its expected
/// verdicts (both owned by the Reports project, shared with the property suite), explanations and charts.</summary>
internal sealed class TcpBackend : IBackend
{
    public string ModelName => "tcp";

    public IReadOnlyList<NamedItem> Variants { get; } = Tcp.Variants.All.Select(e => new NamedItem(e.Name, e.Description)).ToList();

    public IReadOnlyList<NamedItem> Workloads { get; } = Tcp.Workloads.All.Select(e => new NamedItem(e.Name, e.Description)).ToList();

    public IReadOnlyList<ConfigField> Fields => TcpFields.All;

    public IReadOnlyList<PropertyInfo> Properties { get; } =
        new TcpModel().Properties.Select(p => new PropertyInfo(p.Name, p.Kind, p.Description)).ToList();

    public IReadOnlyList<MatrixCell> DefaultMatrix { get; } = TcpMatrix.Default.Select(e => CellOf(e.Config)).ToList();

    public ExpectationTable Expectations => ExpectedVerdicts.Table;

    public MatrixCell Cell(IReadOnlyDictionary<string, string> settings) => CellOf(Configure(settings));

    private static MatrixCell CellOf(TcpConfig config) =>
        new(TcpConfigText.Name(config), config.Variant, config.Workload, config.ToSettings());

    public IModelSession Open(IReadOnlyDictionary<string, string> settings)
    {
        var config = Configure(settings);
        var model = new TcpModel(config);
        return new ModelSession<TcpState, TcpAction>(model, new TcpTraceRenderer(model), TcpConfigText.Name(config), config.Variant, config.Workload);
    }

    /// <summary>The configuration the settings describe; its problems become one line of bad input.</summary>
    internal static TcpConfig Configure(IReadOnlyDictionary<string, string> settings)
    {
        TcpConfig config;
        try
        {
            config = TcpConfig.FromSettings(settings);
        }
        catch (ArgumentException e)
        {
            throw new BadInputException(e.Message);
        }
        var problems = config.Validate();
        if (problems.Count > 0) throw new BadInputException(string.Join("; ", problems));
        return config;
    }

    public string Explain(string? variant, string? workload, IReadOnlyList<string> properties) =>
        TcpExplanation.Write(this, variant, workload, properties);
}
