using System.Globalization;
using TcpModelCheck.Engine.Checking;

namespace TcpModelCheck.Cli.Output;

/// <summary>
/// A one-line live progress display (states, states/s, depth, queue, memory), redrawn in place. The engine
/// calls the progress callback at most once per <see cref="CheckOptions.ProgressInterval"/> (one second), so
/// runs shorter than a second never show it. It goes to stderr (stdout carries only the report, so
/// <c>tcpmc check &gt; report.txt</c> still shows progress) and only when stderr is a terminal: redirected output
/// (files, pipes, tests) must stay free of carriage returns and escape codes.
/// </summary>
internal sealed class ProgressDisplay(TextWriter output, TerminalInfo terminal)
{
    private bool _shown;

    /// <summary>The callback to hand to the engine, or null when the display is disabled.</summary>
    public Action<SearchProgress>? For(string label) => terminal.IsTerminal ? p => Show(label, p) : null;

    /// <summary>The callback for a batch of schedules (<c>simulate</c>), or null when the display is disabled.</summary>
    public Action<int, long>? ForBatch(int planned)
    {
        if (!terminal.IsTerminal) return null;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        return (runs, steps) => Write(string.Create(CultureInfo.InvariantCulture,
            $"{runs:N0} of {planned:N0} schedules  {steps:N0} steps  {runs / Math.Max(clock.Elapsed.TotalSeconds, 0.001):N0}/s  {clock.Elapsed.TotalSeconds:0}s"));
    }

    public static string Format(string label, SearchProgress p) => string.Create(CultureInfo.InvariantCulture,
        $"{label}{p.States:N0} states  {p.StatesPerSecond:N0}/s  depth {p.Depth}  queue {p.Queue:N0}  " +
        $"{p.MemoryBytes / (1024.0 * 1024):N0} MiB  {p.Elapsed.TotalSeconds:0}s");

    private void Show(string label, SearchProgress p)
    {
        // \r + "erase line" redraws in place; the text is cut to keep it on one line of a narrow terminal.
        Write(Format(label, p));
    }

    private void Write(string line)
    {
        if (terminal.Width > 1 && line.Length >= terminal.Width) line = line[..(terminal.Width - 1)];
        output.Write("\r\u001b[2K" + line);
        output.Flush();
        _shown = true;
    }

    /// <summary>Erases the progress line so the report that follows starts on a clean line.</summary>
    public void Clear()
    {
        if (!_shown) return;
        output.Write("\r\u001b[2K");
        output.Flush();
        _shown = false;
    }
}
