using TcpModelCheck.Engine.Model;
using TcpModelCheck.Tcp.Charts;

namespace TcpModelCheck.Tcp;

/// <summary>
/// The TCP connection-management model: two endpoints running the RFC 9293 state machine (§3.10 event
/// processing) over a faulty network with an MSL clock, driven by an application workload. Built from one
/// immutable <see cref="TcpConfig"/>; pure, so the engine can explore, replay and simulate it.
/// </summary>
public sealed partial class TcpModel : IModel<TcpState, TcpAction>
{
    /// <summary>Builds the model; throws <see cref="ArgumentException"/> listing every problem of an invalid
    /// configuration (one per line).</summary>
    public TcpModel(TcpConfig config)
    {
        var problems = config.Validate();
        if (problems.Count > 0) throw new ArgumentException(string.Join(Environment.NewLine, problems));
        Config = config;
        Settings = config.ToSettings();
        InitialStates = [TcpState.Initial];
        Properties = TcpPropertyCatalog.Build(config);
    }

    /// <summary>The model of <see cref="TcpConfig.Default"/>.</summary>
    public TcpModel() : this(TcpConfig.Default) { }

    public TcpConfig Config { get; }

    public string Name => "tcp";

    public IReadOnlyDictionary<string, string> Settings { get; }

    public IReadOnlyList<TcpState> InitialStates { get; }

    public IReadOnlyList<Property<TcpState, TcpAction>> Properties { get; }

    /// <summary>Rebuilds the model a trace was recorded with from its settings (see <see cref="TcpConfig.FromSettings"/>).</summary>
    public static TcpModel FromSettings(IReadOnlyDictionary<string, string> settings) => new(TcpConfig.FromSettings(settings));

    public void Actions(in TcpState state, List<TcpAction> actions) => throw new NotImplementedException();

    public TcpState Next(in TcpState state, TcpAction action) => throw new NotImplementedException();

    /// <summary>
    /// What happened in the step from <paramref name="before"/> by <paramref name="action"/>, in chart vocabulary.
    /// <paramref name="after"/> must be <c>Next(before, action)</c>.
    /// </summary>
    public IReadOnlyList<StepEvent> Explain(in TcpState before, TcpAction action, in TcpState after) =>
        throw new NotImplementedException();

    public bool IsTerminal(in TcpState state) => throw new NotImplementedException();

    public int MaxEncodedLength => throw new NotImplementedException();

    public int Encode(in TcpState state, Span<byte> destination) => throw new NotImplementedException();

    public string FormatAction(in TcpState state, TcpAction action) => throw new NotImplementedException();

    public string FormatState(in TcpState state) => state.ToString();
}
