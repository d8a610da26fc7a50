using System.Collections.Immutable;
using System.CommandLine;
using TcpModelCheck.Cli.Backend;
using TcpModelCheck.Cli.Options;
using TcpModelCheck.Engine.Traces;
using TcpModelCheck.Explorer;
using TcpModelCheck.Explorer.Paths;
using TcpModelCheck.Explorer.Server;
using TcpModelCheck.Tcp;

namespace TcpModelCheck.Cli.Commands;

/// <summary>
/// <c>tcpmc explore [config options] [--trace FILE] [--port N]</c>: serves the interactive explorer on
/// http://127.0.0.1:N/ (never another address) and prints the URL; with <c>--trace</c> the page opens at the
/// trace's last step (the model is then the trace's own, with any config options given on top, as for
/// <c>replay</c>). Runs until SIGINT (Ctrl+C) or SIGTERM, then exits 0. A port that is taken, a trace that does not
/// replay, or a bad setting is bad input (exit 3, one line).
/// </summary>
internal static class ExploreCommand
{
    public static Command Create(CliContext context, IBackend backend)
    {
        var command = new Command("explore", "Serve the interactive explorer (a web page on 127.0.0.1): take actions by hand, " +
            "watch the chart grow, step back, load and export traces, find a violation from the current state");
        var config = new ConfigOptionSet(backend);
        var trace = new Option<string>("--trace") { Description = "Open this trace file (from check --out, simulate, or the explorer's export)", HelpName = "file" };
        var port = new Option<int>("--port") { Description = "The port on 127.0.0.1 (0: a free one) [default: 0]", HelpName = "n" };
        config.AddTo(command);
        command.Add(trace);
        command.Add(port);
        command.SetAction(parse =>
        {
            var n = parse.GetValue(port);
            if (n is < 0 or > 65535) throw new BadInputException($"--port {n}: a port is 0..65535 (0: a free one)");
            var (model, start) = Open(backend, config.Given(parse), parse.GetValue(trace));
            return Serve(context, model, new ExplorerOptions(n, HandleSignals: true, start));
        });
        return command;
    }

    /// <summary>The model to explore and the trace to open at: from the config options, or from the trace file's
    /// settings with the config options on top.</summary>
    private static (TcpModel, LoadedTrace?) Open(IBackend backend, IReadOnlyDictionary<string, string> given, string? file)
    {
        if (backend is not TcpBackend) throw new BadInputException("explore works on the TCP model only");
        if (file is null) return (new TcpModel(TcpBackend.Configure(given)), null);
        var recorded = TraceJson.Read(file);
        if (recorded.Model != backend.ModelName)
            throw new BadInputException($"trace file '{file}' is for model '{recorded.Model}', not '{backend.ModelName}'");
        var settings = given.Count == 0 ? recorded.Settings : backend.ReplaySettings(recorded.Settings, given);
        var model = new TcpModel(TcpBackend.Configure(settings));
        try
        {
            return (model, TraceLoader.Load(model, recorded with { Settings = model.Settings.ToImmutableSortedDictionary() }));
        }
        catch (ExplorerInputException e)
        {
            throw new BadInputException($"trace file '{file}': {e.Message}");
        }
    }

    private static int Serve(CliContext context, TcpModel model, ExplorerOptions options)
    {
        ExplorerServer server;
        try
        {
            server = ExplorerServer.StartAsync(model, options, context.Cancel).GetAwaiter().GetResult();
        }
        catch (IOException e)
        {
            throw new BadInputException($"--port {options.Port}: {Tcpmc.FirstLine(e.Message)}");
        }
        try
        {
            var at = options.Start is { } s ? $", opened at the trace's step {s.Steps}" : "";
            context.Out.WriteLine($"tcpmc explore: {model.Config.Name} at {server.Url}{at}");
            context.Out.WriteLine("listening on 127.0.0.1 only; Ctrl+C or SIGTERM stops it");
            context.Out.Flush();
            server.WaitForShutdownAsync(context.Cancel).GetAwaiter().GetResult();
        }
        finally
        {
            server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        context.Out.WriteLine("tcpmc explore: stopped");
        return (int)ExitCode.Ok;
    }
}
