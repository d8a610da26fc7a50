using TcpModelCheck.Cli.Commands;
using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Reports.Comparison;

namespace TcpModelCheck.Cli.Tests;

/// <summary><c>compare</c>'s progress on stderr: which configuration, states, states/s; on a log one line per interval
/// and one when such a configuration ends, on a terminal one line redrawn in place.</summary>
public class ComparisonProgressTests
{
    private sealed class NoCase() : ComparisonCase("rfc9293/reconnect", "rfc9293", "reconnect", new Dictionary<string, string>(),
        _ => (Verdict.Holds, null))
    {
        public override ComparisonRow Check(CheckOptions options, Action<SearchProgress>? progress, CancellationToken cancel) =>
            throw new NotSupportedException();
    }

    private static SearchProgress At(int seconds, long states) => new(states, states * 3, 20, 1000, TimeSpan.FromSeconds(seconds), 64L << 20);

    private static ComparisonRow Row(long states) => new("rfc9293/reconnect", "rfc9293", "reconnect", new Dictionary<string, string>(),
        new SearchStatistics(states, states * 3, 30, TimeSpan.FromSeconds(25), 0, 0, StorageMode.Exact, StopReason.MaxTime),
        "time limit reached (25 s)", [], []);

    [Fact]
    public void On_a_log_it_writes_one_line_per_interval_naming_the_configuration_and_one_when_it_ends()
    {
        var err = new StringWriter();
        var progress = new ComparisonProgress(err, TerminalInfo.Redirected, count: 14, every: TimeSpan.FromSeconds(10));
        var callback = progress.For(new NoCase(), 10)!;
        foreach (var s in new[] { 1, 5, 10, 11, 19, 21 }) callback(At(s, s * 100_000L));
        progress.Done(Row(2_500_000));
        Assert.Equal(
        [
            "[11/14] rfc9293/reconnect: 1,000,000 states  100,000/s  depth 20  queue 1,000  64 MiB  10s",
            "[11/14] rfc9293/reconnect: 2,100,000 states  100,000/s  depth 20  queue 1,000  64 MiB  21s",
            "rfc9293/reconnect: 2,500,000 states in 25.00 s (time limit reached (25 s))",
        ], err.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void A_configuration_shorter_than_the_interval_writes_nothing()
    {
        var err = new StringWriter();
        var progress = new ComparisonProgress(err, TerminalInfo.Redirected, count: 2);
        progress.For(new NoCase(), 0)!(At(1, 1000));
        progress.Done(Row(1000));
        Assert.Equal("", err.ToString());
    }

    [Fact]
    public void On_a_terminal_the_line_is_redrawn_in_place_and_erased()
    {
        var err = new StringWriter();
        var progress = new ComparisonProgress(err, new TerminalInfo(true, 200), count: 2);
        progress.For(new NoCase(), 1)!(At(1, 1000));
        progress.Clear();
        Assert.Equal("\r\u001b[2K[2/2] rfc9293/reconnect: 1,000 states  1,000/s  depth 20  queue 1,000  64 MiB  1s\r\u001b[2K", err.ToString());
    }
}
