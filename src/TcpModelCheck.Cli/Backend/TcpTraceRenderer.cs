using TcpModelCheck.Engine.Traces;
using TcpModelCheck.Reports.Charts;
using TcpModelCheck.Tcp;

namespace TcpModelCheck.Cli.Backend;

/// <summary>Draws TCP traces with the Reports project's message sequence charts (text and Mermaid): the model
/// explains each step as chart events, the renderers draw them.</summary>
internal sealed class TcpTraceRenderer(TcpModel model) : ITraceRenderer
{
    public string Chart(Trace trace, IReadOnlyList<string> header) => SequenceChart.Render(Input(trace, header));

    public string Mermaid(Trace trace, IReadOnlyList<string> header) => MermaidChart.Render(Input(trace, header));

    private ChartInput Input(Trace trace, IReadOnlyList<string> header)
    {
        var replay = Replayer.Replay(model, trace);
        if (replay.Divergence is { } d) throw new InvalidOperationException($"cannot draw a trace that does not replay: {d}");
        var before = replay.Initial!;
        var steps = new List<ChartStep>(replay.Steps.Count);
        for (var i = 0; i < replay.Steps.Count; i++)
        {
            var step = replay.Steps[i];
            steps.Add(new ChartStep(trace.Steps[i].Action, model.Explain(before, step.Action, step.State)));
            before = step.State;
        }
        var initial = replay.Initial!;
        return new ChartInput(header, "TCP Peer A (client)", "TCP Peer B (server)",
            initial.Client.State.RfcName(), initial.Server.State.RfcName(), steps, trace.LoopStart);
    }
}
