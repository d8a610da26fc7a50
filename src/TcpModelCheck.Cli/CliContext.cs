using Spectre.Console;

namespace TcpModelCheck.Cli;

/// <summary>What the tool knows about its standard output: a live progress line and colours are only used on a
/// terminal, never when the output is redirected to a file or a pipe (or captured by a test).</summary>
/// <param name="IsTerminal">True when stdout is an interactive terminal.</param>
/// <param name="Width">The terminal width in columns (ignored when not a terminal).</param>
public sealed record TerminalInfo(bool IsTerminal, int Width)
{
    /// <summary>Redirected output: fixed width, no colours, no progress line. The default for tests.</summary>
    public static TerminalInfo Redirected { get; } = new(false, 0);

    /// <summary>Tables are laid out at this width when the output is not a terminal, so files and golden
    /// tests do not depend on the window the tool happened to run in.</summary>
    public const int RedirectedWidth = 200;

    public static TerminalInfo FromConsole()
    {
        if (Console.IsOutputRedirected) return Redirected;
        int width;
        try { width = Console.WindowWidth; }
        catch (IOException) { width = 0; }
        return new TerminalInfo(true, width > 0 ? width : 120);
    }
}

/// <summary>The environment one invocation runs in: its writers, its terminal and its cancellation.</summary>
internal sealed class CliContext(TextWriter output, TextWriter error, TerminalInfo terminal, CancellationToken cancel)
{
    private IAnsiConsole? _console;

    public TextWriter Out { get; } = output;
    public TextWriter Err { get; } = error;
    public TerminalInfo Terminal { get; } = terminal;
    public CancellationToken Cancel { get; } = cancel;

    /// <summary>A Spectre console over <see cref="Out"/>: ANSI and colours on a terminal, plain text otherwise.</summary>
    public IAnsiConsole Console => _console ??= CreateConsole();

    private IAnsiConsole CreateConsole()
    {
        var tty = Terminal.IsTerminal;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = tty ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = tty ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(Out),
        });
        console.Profile.Width = tty ? Terminal.Width : TerminalInfo.RedirectedWidth;
        return console;
    }
}
