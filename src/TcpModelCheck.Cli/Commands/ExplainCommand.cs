using System.CommandLine;
using TcpModelCheck.Cli.Backend;
using TcpModelCheck.Cli.Options;

namespace TcpModelCheck.Cli.Commands;

/// <summary><c>tcpmc explain</c>: a variant, a workload and properties described in words (no search).</summary>
internal static class ExplainCommand
{
    public static Command Create(CliContext context, IBackend backend)
    {
        var command = new Command("explain", "Explain a variant, a workload and properties in words");
        var variant = new Option<string>("--variant") { Description = "The variant to explain (default: rfc9293)", HelpName = "name" };
        var workload = new Option<string>("--workload") { Description = "The workload to explain (default: client-closes-first)", HelpName = "name" };
        var properties = PropertyOption.Create();
        command.Add(variant);
        command.Add(workload);
        command.Add(properties);
        command.SetAction(parse =>
        {
            var v = parse.GetValue(variant);
            var w = parse.GetValue(workload);
            if (v is not null) Names.Require(backend.Variants, "variant", v);
            if (w is not null) Names.Require(backend.Workloads, "workload", w);
            var names = PropertyOption.Read(parse, properties) ?? [];
            foreach (var p in names) Names.RequireProperty(backend.Properties, p);
            context.Out.WriteLine(backend.Explain(v, w, names).TrimEnd());
            return (int)ExitCode.Ok;
        });
        return command;
    }
}
