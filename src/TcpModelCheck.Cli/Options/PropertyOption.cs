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

    /// <summary>The names given (null when -p was not given: all properties). An empty name (<c>-p ''</c>,
    /// <c>-p ,</c>, <c>-p a,,b</c>) is bad input: it would otherwise silently mean "every property".</summary>
    public static IReadOnlyList<string>? Read(ParseResult parse, Option<string[]> option) =>
        NameList(parse.GetValue(option), "-p/--property", "property");

    /// <summary>Every comma-separated name of a repeatable list option, or null when it was not given; an empty
    /// entry is bad input (the leniency policy: empty lists are refused, README.md).</summary>
    public static List<string>? NameList(string[]? values, string option, string what)
    {
        if (values is null || values.Length == 0) return null;
        var names = values.SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries)).ToList();
        if (names.Any(n => n.Length == 0))
            throw new BadInputException($"{option}: empty {what} name in '{string.Join(",", values)}' (name at least one {what}, " +
                                        $"or leave {option} out for the default)");
        return names.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }
}
