using System.CommandLine;

namespace TcpModelCheck.Cli.Options;

/// <summary><c>--property</c> / <c>-p</c>: repeatable, and each value may be a comma-separated list.</summary>
internal static class PropertyOption
{
    public static Option<string[]> Create() => new("--property", "-p")
    {
        Description = "Property to check (repeatable or comma-separated; default: all). See 'tcpmc list properties'",
        HelpName = "name",
        AllowMultipleArgumentsPerToken = false,
    };

    public static IReadOnlyList<string>? Read(ParseResult parse, Option<string[]> option)
    {
        var names = (parse.GetValue(option) ?? [])
            .SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct()
            .ToList();
        return names.Count == 0 ? null : names;
    }
}
