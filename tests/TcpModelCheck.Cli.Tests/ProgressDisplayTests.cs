using TcpModelCheck.Cli.Output;
using TcpModelCheck.Engine.Checking;

namespace TcpModelCheck.Cli.Tests;

/// <summary>The live progress line: drawn in place on a terminal, absent otherwise.</summary>
public class ProgressDisplayTests
{
    private static readonly SearchProgress Sample = new(States: 1_234_567, Transitions: 9_000_000, Depth: 42, Queue: 65_432,
        Elapsed: TimeSpan.FromSeconds(2), MemoryBytes: 512L << 20);

    [Fact]
    public void The_line_shows_states_rate_depth_queue_and_memory()
    {
        Assert.Equal("x: 1,234,567 states  617,284/s  depth 42  queue 65,432  512 MiB  2s", ProgressDisplay.Format("x: ", Sample));
    }

    [Fact]
    public void On_a_terminal_it_redraws_in_place_and_is_erased_at_the_end()
    {
        var output = new StringWriter();
        var display = new ProgressDisplay(output, new TerminalInfo(true, 200));
        display.For("")!(Sample);
        display.For("")!(Sample);
        display.Clear();
        var text = output.ToString();
        Assert.Equal(3, text.Split('\r').Length - 1);
        Assert.EndsWith("\r\u001b[2K", text);
        Assert.DoesNotContain('\n', text);
    }

    [Fact]
    public void A_narrow_terminal_gets_a_line_that_fits()
    {
        var output = new StringWriter();
        new ProgressDisplay(output, new TerminalInfo(true, 20)).For("")!(Sample);
        Assert.Equal("\r\u001b[2K" + "1,234,567 states  6", output.ToString());
    }

    [Fact]
    public void Redirected_output_gets_no_progress_at_all()
    {
        var output = new StringWriter();
        var display = new ProgressDisplay(output, TerminalInfo.Redirected);
        Assert.Null(display.For(""));
        display.Clear();
        Assert.Equal("", output.ToString());
    }
}
