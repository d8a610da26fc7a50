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

    /// <summary>True when stderr is an interactive terminal: the live progress line goes there (stdout carries only
    /// the report, so <c>tcpmc check &gt; report.txt</c> still shows progress).</summary>
    public bool ErrorIsTerminal { get; init; }

    /// <summary>The terminal the progress line is drawn on (stderr), or <see cref="Redirected"/>.</summary>
    public TerminalInfo Progress => ErrorIsTerminal ? new TerminalInfo(true, IsTerminal ? Width : WindowWidth()) : Redirected;

    public static TerminalInfo FromConsole()
    {
        var errorIsTerminal = !Console.IsErrorRedirected;
        if (Console.IsOutputRedirected) return Redirected with { ErrorIsTerminal = errorIsTerminal };
        return new TerminalInfo(true, WindowWidth()) { ErrorIsTerminal = errorIsTerminal };
    }

    private static int WindowWidth()
    {
        int width;
        try { width = Console.WindowWidth; }
        catch (IOException) { width = 0; }
        return width > 0 ? width : 120;
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

    /// <summary>Where a Mermaid diagram goes under <c>--mermaid</c> (the real stdout), or null: then charts go to
    /// <see cref="Out"/> with the report.</summary>
    public TextWriter? Diagrams { get; private init; }

    /// <summary>Whether a diagram was already written to <see cref="Diagrams"/> (stdout holds exactly one).</summary>
    public bool DiagramWritten { get; set; }

    /// <summary>The context of a <c>--mermaid</c> run: the report goes to stderr and stdout carries only the first
    /// diagram, so <c>tcpmc check --mermaid &gt; trace.mmd</c> is a file Mermaid renders as it is.</summary>
    public CliContext ForMermaid() => new(Err, Err, TerminalInfo.Redirected, Cancel) { Diagrams = Out };

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
