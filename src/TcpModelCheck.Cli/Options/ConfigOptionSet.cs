using System.CommandLine;
using TcpModelCheck.Cli.Backend;

namespace TcpModelCheck.Cli.Options;

/// <summary>
/// One command-line option per configuration field of the model, generated from the backend's field list so
/// that no field can be forgotten (a test checks the list against the model's settings keys). Values stay
/// text here: the model parses and validates them, and its one-line message becomes the CLI's error.
/// </summary>
internal sealed class ConfigOptionSet
{
    private readonly List<(ConfigField Field, Option<string> Option)> _options;

    public ConfigOptionSet(IBackend backend)
    {
        _options = backend.Fields.Select(f => (f, new Option<string>(f.Option)
        {
            Description = $"{f.Description} [default: {f.Default}]",
            HelpName = f.HelpName,
        })).ToList();
    }

    public void AddTo(Command command)
    {
        foreach (var (_, option) in _options) command.Add(option);
    }

    /// <summary>The settings the user gave explicitly (settings key → text), in field order.</summary>
    public Dictionary<string, string> Given(ParseResult parse)
    {
        var given = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (field, option) in _options)
            if (parse.GetValue(option) is { } value) given[field.Key] = value.Trim();
        return given;
    }
}
