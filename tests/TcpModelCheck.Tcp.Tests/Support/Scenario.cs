using TcpModelCheck.Tcp.Charts;

namespace TcpModelCheck.Tcp.Tests.Support;

/// <summary>
/// A scripted schedule: starts from a chosen state and takes the action with a given label, one step at a time,
/// recording the segments each step sent (as the model's own <see cref="TcpModel.Explain"/> reports them).
/// Fails with the enabled labels when a step is not enabled, so a broken scenario says what was possible.
/// </summary>
internal sealed class Scenario
{
    private readonly List<TcpAction> _actions = [];

    public Scenario(TcpConfig config, TcpState? initial = null)
    {
        Model = initial is null ? new TcpModel(config) : new TcpModel(config, initial);
        State = Model.InitialStates[0];
    }

    public TcpModel Model { get; }

    public TcpState State { get; private set; }

    public Endpoint A => State.Client;

    public Endpoint B => State.Server;

    /// <summary>The labels of the enabled actions, in the model's order.</summary>
    public IReadOnlyList<string> Enabled()
    {
        _actions.Clear();
        Model.Actions(State, _actions);
        var s = State;
        return _actions.Select(a => Model.FormatAction(s, a)).ToList();
    }

    /// <summary>Takes the action labelled <paramref name="label"/>; returns the segments it sent, in RFC figure
    /// notation (e.g. "&lt;SEQ=100&gt;&lt;CTL=SYN&gt;").</summary>
    public IReadOnlyList<string> Do(string label)
    {
        var labels = Enabled();
        var i = labels.ToList().IndexOf(label);
        Assert.True(i >= 0, $"'{label}' is not enabled; enabled: {string.Join(" | ", labels)}");
        var action = _actions[i];
        var before = State;
        State = Model.Next(before, action);
        Events = Model.Explain(before, action, State);
        return Events.OfType<StepEvent.Sent>().Select(e => e.Segment.ToString()).ToList();
    }

    /// <summary>The chart events of the last step.</summary>
    public IReadOnlyList<StepEvent> Events { get; private set; } = [];

    /// <summary>Takes <paramref name="label"/> and asserts it sent exactly <paramref name="segments"/>.</summary>
    public Scenario Step(string label, params string[] segments)
    {
        var sent = Do(label);
        Assert.Equal(segments, sent);
        return this;
    }

    /// <summary>Asserts both endpoints' connection states.</summary>
    public Scenario Expect(ConnectionState a, ConnectionState b)
    {
        Assert.Equal((a, b), (State.Client.State, State.Server.State));
        return this;
    }

    public Scenario Ticks(int n)
    {
        for (var i = 0; i < n; i++) Do("tick");
        return this;
    }
}
