using System.CommandLine;
using Spectre.Console;
using TcpModelCheck.Cli.Backend;
using TcpModelCheck.Cli.Options;
using TcpModelCheck.Cli.Output;

namespace TcpModelCheck.Cli.Commands;

/// <summary><c>tcpmc list [variants|workloads|properties|options]</c>: the names every other verb accepts.</summary>
internal static class ListCommand
{
    private sealed record PropertyEntry(string Name, string Kind, string Description);

    private sealed record OptionEntry(string Option, string Key, string Default, string Description);

    private sealed record Document(IReadOnlyList<NamedItem>? Variants, IReadOnlyList<NamedItem>? Workloads,
        IReadOnlyList<PropertyEntry>? Properties, IReadOnlyList<OptionEntry>? Options);

    private static readonly string[] Kinds = ["variants", "workloads", "properties", "options"];

    public static Command Create(CliContext context, IBackend backend)
    {
        var command = new Command("list", "List the variants, workloads, properties and configuration options");
        var what = new Argument<string?>("what")
        {
            Description = "One of: " + string.Join(", ", Kinds) + " (default: all)",
            Arity = ArgumentArity.ZeroOrOne,
            CustomParser = Bounds.OneOf("the list", Kinds),
        };
        var output = new OutputOptionSet(charts: false, traceFile: false);
        command.Add(what);
        output.AddTo(command);
        command.SetAction(parse =>
        {
            var chosen = parse.GetValue(what);
            bool Show(string kind) => chosen is null || chosen == kind;
            var doc = new Document(
                Show("variants") ? backend.Variants : null,
                Show("workloads") ? backend.Workloads : null,
                Show("properties") ? backend.Properties.Select(p => new PropertyEntry(p.Name, Words.Kind(p.Kind), p.Description)).ToList() : null,
                Show("options") ? backend.Fields.Select(f => new OptionEntry(f.Option, f.Key, f.Default, f.Description)).ToList() : null);
            if (output.Read(parse).Json) JsonOutput.Write(context.Out, doc);
            else Print(context, doc);
            return (int)ExitCode.Ok;
        });
        return command;
    }

    private static void Print(CliContext context, Document doc)
    {
        if (doc.Variants is { } v) Write(context, "variants", ["variant", "description"], v.Select(x => new[] { x.Name, x.Description }));
        if (doc.Workloads is { } w) Write(context, "workloads", ["workload", "description"], w.Select(x => new[] { x.Name, x.Description }));
        if (doc.Properties is { } p) Write(context, "properties", ["property", "kind", "description"], p.Select(x => new[] { x.Name, x.Kind, x.Description }));
        if (doc.Options is { } o) Write(context, "configuration options (check, compare, simulate, replay)", ["option", "default", "description"],
            o.Select(x => new[] { x.Option, x.Default, x.Description }));
    }

    private static void Write(CliContext context, string title, string[] columns, IEnumerable<string[]> rows)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(title).AddColumns(columns);
        foreach (var row in rows) table.AddRow(row.Select(Markup.Escape).ToArray());
        context.Console.Write(table);
    }
}
