using System.CommandLine;
using TcpModelCheck.Cli.Backend;
using TcpModelCheck.Cli.Options;

namespace TcpModelCheck.Cli.Commands;

/// <summary><c>tcpmc explain</c>: a configuration (the same options as <c>check</c>) and properties described in
/// words, with the value every field takes in it (no search).</summary>
internal static class ExplainCommand
{
    public static Command Create(CliContext context, IBackend backend)
    {
        var command = new Command("explain", "Explain a configuration (variant, workload, every field in effect) and properties in words");
        var config = new ConfigOptionSet(backend);
        var properties = PropertyOption.Create();
        config.AddTo(command);
        command.Add(properties);
        command.SetAction(parse =>
        {
            var names = PropertyOption.Read(parse, properties) ?? [];
            foreach (var p in names) Names.RequireProperty(backend.Properties, p);
            context.Out.WriteLine(backend.Explain(config.Given(parse), names).TrimEnd());
            return (int)ExitCode.Ok;
        });
        return command;
    }
}
