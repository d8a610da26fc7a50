using TcpModelCheck.Engine.Traces;
using TcpModelCheck.Reports.Tcp;
using TcpModelCheck.Tcp;

namespace TcpModelCheck.Cli.Backend;

/// <summary>Draws TCP traces with the Reports project's message sequence charts (text and Mermaid). The chart
/// writes its own header (variant, workload, property, choice path, settings), so the generic header is unused.</summary>
internal sealed class TcpTraceRenderer(TcpModel model) : ITraceRenderer
{
    public (string Chart, string Mermaid) Render(Trace trace, TraceContext context)
    {
        var report = TcpTraceReport.Of(model, trace, context.Verdict, context.Kind);
        return (report.Chart, report.Mermaid);
    }
}
