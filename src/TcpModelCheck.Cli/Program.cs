using System.Runtime.InteropServices;

namespace TcpModelCheck.Cli;

/// <summary>The process entry point: wires the real console and the process signals into <see cref="Tcpmc.Run"/>,
/// which does everything else (tests call <see cref="Tcpmc.Run"/> in-process).</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        SingleCpuTiering.ReexecuteIfNeeded();   // on one CPU only; see there
        using var cancel = new CancellationTokenSource();
        // SIGINT (Ctrl+C) and SIGTERM (CI cancel, `timeout`, container stop) end the run cleanly: the search stops,
        // every unsettled verdict is inconclusive, the partial report says "cancelled" and the exit code is 2. A
        // second signal is left to its default action, so a stuck run can still be killed.
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => Stop(c, cancel));
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => Stop(c, cancel));
        return Tcpmc.Run(args, Console.Out, Console.Error, TerminalInfo.FromConsole(), cancel.Token);
    }

    private static void Stop(PosixSignalContext signal, CancellationTokenSource cancel)
    {
        if (cancel.IsCancellationRequested) return;
        signal.Cancel = true;
        cancel.Cancel();
    }
}
