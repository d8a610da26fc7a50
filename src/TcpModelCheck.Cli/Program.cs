namespace TcpModelCheck.Cli;

/// <summary>The process entry point: wires the real console into <see cref="Tcpmc.Run"/>, which does everything
/// else (tests call <see cref="Tcpmc.Run"/> in-process).</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        using var cancel = new CancellationTokenSource();
        // Ctrl+C ends the search cleanly (verdicts become inconclusive, partial statistics are printed);
        // a second Ctrl+C kills the process as usual.
        Console.CancelKeyPress += (_, e) =>
        {
            if (cancel.IsCancellationRequested) return;
            e.Cancel = true;
            cancel.Cancel();
        };
        return Tcpmc.Run(args, Console.Out, Console.Error, TerminalInfo.FromConsole(), cancel.Token);
    }
}
