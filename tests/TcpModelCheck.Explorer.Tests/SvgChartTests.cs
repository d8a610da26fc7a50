using System.Xml.Linq;
using TcpModelCheck.Explorer.Tests.Support;
using TcpModelCheck.Reports.Charts;
using TcpModelCheck.Reports.Tcp;

namespace TcpModelCheck.Explorer.Tests;

/// <summary>The SVG chart draws what the text chart writes: one group per step, an arrow per segment sent or
/// delivered, the same labels; it is well-formed XML with nothing fetched.</summary>
public sealed class SvgChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void The_counterexample_chart_has_a_group_per_step_and_the_text_charts_segments()
    {
        var trace = Paths.WalkedPath.Follow(NoTimeWait.Model, NoTimeWait.CounterexamplePath).ToTrace("graceful-close");
        var input = TcpTraceExplainer.Explain(NoTimeWait.Model, trace);
        var doc = XDocument.Parse(SvgChart.Render(input, new SvgChart.Mark(12, "graceful-close violated")));
        var steps = doc.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") is { } c && c.StartsWith("step")).ToList();
        Assert.Equal(Enumerable.Range(0, 13).Select(i => i.ToString()), steps.Select(g => (string)g.Attribute("data-step")!));
        Assert.Equal("step violation", (string)steps[12].Attribute("class")!);
        var texts = doc.Descendants(Svg + "text").Select(t => t.Value).ToList();
        var chart = SequenceChart.Render(input);
        // every segment label of the text chart is drawn, as often (a send and an arrival each draw it once)
        foreach (var label in new[] { "<SEQ=0><CTL=SYN>", "<SEQ=3><CTL=RST>", "<SEQ=1><ACK=3><CTL=FIN,ACK>" })
            Assert.Equal(Count(chart, label), texts.Count(t => t == label));
        Assert.Contains("LAST-ACK", texts);
        Assert.Contains("✗ graceful-close violated", texts);
        Assert.DoesNotContain(doc.Descendants().Attributes(), a => a.Name.LocalName is "href" or "src");
    }

    private static int Count(string text, string piece)
    {
        var n = 0;
        for (var i = text.IndexOf(piece, StringComparison.Ordinal); i >= 0; i = text.IndexOf(piece, i + 1, StringComparison.Ordinal)) n++;
        return n;
    }
}
