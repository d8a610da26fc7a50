using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Engine.Model;
using TcpModelCheck.Engine.Traces;
using TcpModelCheck.Reports.Charts;
using TcpModelCheck.Tcp;

namespace TcpModelCheck.Reports.Tcp;

/// <summary>
/// A TCP trace printed the three ways a counterexample is read: the message sequence chart (text, and
/// Mermaid for Markdown viewers), the compact choice path, and the JSON the replay command consumes.
/// </summary>
public sealed record TcpTraceReport(string Chart, string Mermaid, string ChoicePath, string Json)
{
    /// <summary>Renders <paramref name="trace"/>; <paramref name="kind"/> tells whether a liveness trace that
    /// has no loop ends in a deadlock.</summary>
    public static TcpTraceReport Of(TcpModel model, Trace trace, Verdict? verdict = null, PropertyKind? kind = null)
    {
        var input = TcpTraceExplainer.Explain(model, trace, verdict);
        if (kind is PropertyKind.Eventually or PropertyKind.LeadsTo && trace.LoopStart is null)
            input = TcpTraceExplainer.WithDeadlockEnding(input);
        return new TcpTraceReport(SequenceChart.Render(input), MermaidChart.Render(input), trace.ChoicePath, TraceJson.Serialize(trace));
    }

    /// <summary>The counterexample of a violated property (or the witness path of a reachability property).</summary>
    public static TcpTraceReport Of(TcpModel model, PropertyResult<TcpState, TcpAction> result)
    {
        var path = result.Counterexample ?? result.Witness
            ?? throw new ArgumentException($"property {result.Name} has no counterexample or witness to show");
        return Of(model, path.Trace, result.Verdict, result.Property.Kind);
    }
}
