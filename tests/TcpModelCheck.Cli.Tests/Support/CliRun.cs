using TcpModelCheck.Cli.Backend;

namespace TcpModelCheck.Cli.Tests.Support;

/// <summary>The outcome of one in-process invocation of the tool.</summary>
public sealed record CliResult(int Code, string Out, string Err)
{
    public string[] ErrLines => Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public override string ToString() => $"exit {Code}\n--- stdout\n{Out}\n--- stderr\n{Err}";
}

/// <summary>Runs <c>tcpmc</c> in-process (the real TCP backend, or a test double) and captures its output.</summary>
internal static class CliRun
{
    public static CliResult Tcp(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = Tcpmc.Run(args, output, error);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    public static CliResult With(IBackend backend, params string[] args) => With(() => backend, args);

    public static CliResult With(Func<IBackend> backend, params string[] args) => With(backend, CancellationToken.None, args);

    public static CliResult With(Func<IBackend> backend, CancellationToken cancel, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = Tcpmc.Run(args, output, error, backend, cancel: cancel);
        return new CliResult(code, output.ToString(), error.ToString());
    }
}
