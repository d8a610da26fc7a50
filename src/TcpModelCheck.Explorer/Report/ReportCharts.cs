using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Engine.Model;
using TcpModelCheck.Engine.Traces;
using TcpModelCheck.Reports.Charts;
using TcpModelCheck.Reports.Tcp;
using TcpModelCheck.Tcp;

namespace TcpModelCheck.Explorer.Report;

/// <summary>A TCP trace drawn as the SVG chart, on the model its own settings describe (a trace records them all).</summary>
public static class ReportCharts
{
    public static string Svg(Trace trace, Verdict? verdict, PropertyKind? kind)
    {
        var model = TcpModel.FromSettings(trace.Settings);
        var input = TcpTraceExplainer.Explain(model, trace, verdict);
        if (kind is PropertyKind.Eventually or PropertyKind.LeadsTo && trace.LoopStart is null)
            input = TcpTraceExplainer.WithDeadlockEnding(input);
        var mark = verdict == Verdict.Violated && trace.LoopStart is null && trace.Property is { } p
            ? new SvgChart.Mark(trace.Length, $"{p} violated") : null;
        return SvgChart.Render(input with { Header = [] }, mark);
    }
}
