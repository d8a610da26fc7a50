using TcpModelCheck.Cli.Output;
using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Reports.Comparison;

namespace TcpModelCheck.Cli.Commands;

/// <summary>
/// <c>compare</c>'s progress, on stderr (stdout carries only the report, so <c>--json</c> and redirected output stay
/// clean): which configuration is running ("[3/14] rfc9293/reconnect"), its states, states/s, depth, queue and memory.
/// The engine reports at most once a second, so small rows never show any. On a terminal the line is redrawn in place
/// and erased at the end; otherwise (a log file, CI) one line is written every <paramref name="every"/> of a
/// configuration's search, and a line when such a long configuration ends — never a carriage return.
/// </summary>
/// <param name="terminal">The terminal stderr is (<see cref="TerminalInfo.Progress"/>), or <see cref="TerminalInfo.Redirected"/>.</param>
internal sealed class ComparisonProgress(TextWriter error, TerminalInfo terminal, int count, TimeSpan? every = null)
{
    private readonly TimeSpan _every = every ?? TimeSpan.FromSeconds(10);
    private readonly ProgressDisplay _live = new(error, terminal);
    private TimeSpan _next;
    private bool _reported;

    public static string Label(int index, int count, string configuration) => $"[{index + 1}/{count}] {configuration}: ";

    /// <summary>The progress callback for the search of configuration <paramref name="index"/>.</summary>
    public Action<SearchProgress>? For(ComparisonCase c, int index)
    {
        var label = Label(index, count, c.Configuration);
        _next = _every;
        _reported = false;
        if (terminal.IsTerminal) return _live.For(label);
        return p =>
        {
            if (p.Elapsed < _next) return;
            _next = p.Elapsed + _every;
            _reported = true;
            error.WriteLine(ProgressDisplay.Format(label, p));
        };
    }

    /// <summary>After a configuration: on a log, the end of a configuration that reported progress.</summary>
    public void Done(ComparisonRow row)
    {
        if (!_reported) return;
        var s = row.Statistics;
        error.WriteLine($"{row.Configuration}: {Words.Count(s.DistinctStates)} states in {Words.Seconds(s.Elapsed)} s" +
                        (row.Ending is { } e ? $" ({e})" : ""));
        _reported = false;
    }

    public void Clear() => _live.Clear();
}
