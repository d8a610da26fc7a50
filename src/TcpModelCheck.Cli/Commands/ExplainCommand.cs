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
            if (v is not null) Check(backend.Variants, "variant", v);
            if (w is not null) Check(backend.Workloads, "workload", w);
            var names = PropertyOption.Read(parse, properties) ?? [];
            foreach (var p in names)
                if (backend.Properties.All(x => x.Name != p))
                    throw new BadInputException($"unknown property '{p}'; valid properties: {string.Join(", ", backend.Properties.Select(x => x.Name))}");
            context.Out.WriteLine(backend.Explain(v, w, names).TrimEnd());
            return (int)ExitCode.Ok;
        });
        return command;
    }

    internal static void Check(IReadOnlyList<NamedItem> items, string kind, string name)
    {
        if (items.Any(i => string.Equals(i.Name, name, StringComparison.OrdinalIgnoreCase))) return;
        throw new BadInputException($"unknown {kind} '{name}'; valid {kind}s: {string.Join(", ", items.Select(i => i.Name))}");
    }
}
