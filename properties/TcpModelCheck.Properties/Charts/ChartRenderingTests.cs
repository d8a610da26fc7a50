using TcpModelCheck.Properties.Support;
using TcpModelCheck.Reports;
using TcpModelCheck.Reports.Charts;
using TcpModelCheck.Tcp;
using TcpModelCheck.Tcp.Charts;

namespace TcpModelCheck.Properties.Charts;

/// <summary>The chart renderers on small hand-built event lists (real model traces are rendered by the
/// variant suites).</summary>
public sealed class ChartRenderingTests
{
    [Fact]
    public void Handshake_is_drawn_like_RFC9293_figure_6() =>
        Golden.Match("handshake.txt", SequenceChart.Render(ChartSamples.Handshake()));

    [Fact]
    public void Every_kind_of_event_has_a_mark() =>
        Golden.Match("stale-data.txt", SequenceChart.Render(ChartSamples.StaleData()));

    [Fact]
    public void Lasso_marks_where_the_loop_starts_and_returns() =>
        Golden.Match("lasso.txt", SequenceChart.Render(ChartSamples.Lasso()));

    [Fact]
    public void Mermaid_has_a_network_participant_and_a_loop_block()
    {
        Golden.Match("stale-data.mmd", MermaidChart.Render(ChartSamples.StaleData()));
        Golden.Match("lasso.mmd", MermaidChart.Render(ChartSamples.Lasso()));
    }

    [Fact]
    public void No_chart_line_is_wider_than_100_columns()
    {
        foreach (var input in new[] { ChartSamples.Handshake(), ChartSamples.StaleData(), ChartSamples.Lasso() })
            foreach (var line in SequenceChart.Render(input).Split('\n'))
                Assert.True(line.Length <= 100, $"{line.Length} columns: {line}");
    }

    [Fact]
    public void A_delayed_segment_names_the_step_that_sent_it_and_its_age()
    {
        var chart = SequenceChart.Render(ChartSamples.StaleData());
        var arrival = chart.Split('\n').Single(l => l.StartsWith(" 13."));
        Assert.Contains("(CRASH: TCB lost)", arrival);
        var delivery = chart.Split('\n').SkipWhile(l => !l.StartsWith(" 13.")).Skip(1).Take(2).ToList();
        Assert.Contains("--> CLOSED", delivery[0]);
        Assert.EndsWith("[#1] OUT OF ORDER,", delivery[0]);
        Assert.Equal("sent at 3, age 1", delivery[1].Trim());   // the note continues in its column
    }

    [Fact]
    public void Mermaid_escapes_statement_separators_and_entities() =>
        Assert.Equal("a#59; b #35;1 #lt;x#gt;", MermaidChart.Escape("a; b #1 <x>"));

    [Fact]
    public void Long_header_lines_wrap_at_a_slash()
    {
        var path = string.Join('/', Enumerable.Range(0, 60));
        var lines = TextWrap.Lines("choice path " + path).ToList();
        Assert.True(lines.Count > 1);
        Assert.All(lines, l => Assert.True(l.Length <= 100));
        Assert.Equal("choice path " + path, string.Concat(lines.Select(l => l.Trim())));
    }

    [Fact]
    public void A_step_with_no_events_shows_its_action()
    {
        var input = new ChartInput([], "A", "B", "CLOSED", "CLOSED", [new ChartStep("stutter", [])]);
        Assert.Contains("  1.              (stutter: nothing visible changes)", SequenceChart.Render(input));
    }

    [Fact]
    public void A_state_change_without_a_segment_gets_its_own_line_like_RFC9293_figure_13()
    {
        var input = new ChartInput([], "A", "B", "TIME-WAIT", "CLOSED",
            [new ChartStep("timer", [new StepEvent.TimerFired(Side.Client, "2 MSL"), new StepEvent.StateChanged(Side.Client, "TIME-WAIT", "CLOSED")])]);
        var lines = SequenceChart.Render(input).Split('\n');
        var at = Array.FindIndex(lines, l => l.StartsWith("  1."));
        Assert.Equal("  1. (timeout: 2 MSL)", lines[at]);
        Assert.Equal("     CLOSED", lines[at + 1]);
    }
}
