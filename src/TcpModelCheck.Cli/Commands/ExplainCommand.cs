using System.CommandLine;
using TcpModelCheck.Cli.Backend;
using TcpModelCheck.Cli.Options;
using TcpModelCheck.Conformance.Open;
using TcpModelCheck.Tcp;

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
            var given = config.Given(parse);
            context.Out.WriteLine(backend.Explain(given, names).TrimEnd());
            if (backend is TcpBackend) WriteConformanceTimers(context, given.TryGetValue("variant", out var v) ? v : Variants.Rfc9293);
            return (int)ExitCode.Ok;
        });
        return command;
    }

    /// <summary>The variant's timers in seconds as <c>tcpmc conform</c> runs them (the open endpoint).</summary>
    private static void WriteConformanceTimers(CliContext context, string variant)
    {
        context.Out.WriteLine();
        context.Out.WriteLine($"conformance timers of {variant} (seconds, as tcpmc conform runs them):");
        foreach (var line in VariantTiming.For(variant).Describe()) context.Out.WriteLine($"  {line}");
    }
}
