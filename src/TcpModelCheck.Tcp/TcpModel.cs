using TcpModelCheck.Engine.Model;
using TcpModelCheck.Tcp.Charts;

namespace TcpModelCheck.Tcp;

/// <summary>
/// The TCP connection-management model: two endpoints running the RFC 9293 state machine (§3.10 event
/// processing) over a faulty network with an MSL clock, driven by an application workload. Built from one
/// immutable <see cref="TcpConfig"/>; pure, so the engine can explore, replay and simulate it.
/// </summary>
public sealed partial class TcpModel : IModel<TcpState, TcpAction>, IEncodedSuccessors<TcpState, TcpAction>
{
    /// <summary>Builds the model; throws <see cref="ArgumentException"/> listing every problem of an invalid
    /// configuration (one per line).</summary>
    public TcpModel(TcpConfig config)
    {
        var problems = config.Validate();
        if (problems.Count > 0) throw new ArgumentException(string.Join(Environment.NewLine, problems));
        Config = config;
        Rules = new Rules(config);
        Settings = config.ToSettings();
        InitialStates = [TcpState.Initial];
        Properties = TcpPropertyCatalog.Build(config);
    }

    /// <summary>A model that starts from <paramref name="initial"/> instead (scenario tests: a figure's starting
    /// situation, an old duplicate already in flight).</summary>
    internal TcpModel(TcpConfig config, TcpState initial) : this(config) => InitialStates = [initial];

    /// <summary>The model of <see cref="TcpConfig.Default"/>.</summary>
    public TcpModel() : this(TcpConfig.Default) { }

    public TcpConfig Config { get; }

    internal Rules Rules { get; }

    public string Name => "tcp";

    public IReadOnlyDictionary<string, string> Settings { get; }

    public IReadOnlyList<TcpState> InitialStates { get; private init; }

    public IReadOnlyList<Property<TcpState, TcpAction>> Properties { get; }

    /// <summary>Rebuilds the model a trace was recorded with from its settings (see <see cref="TcpConfig.FromSettings"/>).</summary>
    public static TcpModel FromSettings(IReadOnlyDictionary<string, string> settings) => new(TcpConfig.FromSettings(settings));

    /// <summary>True when no action is enabled because everything is over: both endpoints CLOSED and the
    /// network empty (the applications have then finished their scripts, or nothing could be enabled).</summary>
    public bool IsTerminal(in TcpState state) =>
        state.Client.State == ConnectionState.Closed && state.Server.State == ConnectionState.Closed && state.Segments.Length == 0;

    public string FormatState(in TcpState state) => state.ToString();
}
