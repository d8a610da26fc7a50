using System.CommandLine;
using System.CommandLine.Parsing;
using TcpModelCheck.Cli.Backend;

namespace TcpModelCheck.Cli.Options;

/// <summary>
/// The one leniency policy of every verb (README.md, "Leniency"), applied to the whole command tree after it is
/// built, so no verb can differ: every flag takes the same boolean words; names complete from the backend's lists;
/// an option that cannot have an effect in the combination given is refused with a line saying why; every output
/// file is checked before the search starts (<see cref="OutputTarget"/>).
/// </summary>
internal static class Policy
{
    public static void Apply(Command command, IBackend backend)
    {
        foreach (var option in command.Options)
        {
            if (option is Option<bool> flag && flag.Name != "--help") flag.CustomParser = Bounds.Flag(flag.Name);
            Complete(option, backend);
        }
        AddCombinationRules(command);
        AddOutputChecks(command);
        foreach (var sub in command.Subcommands) Apply(sub, backend);
    }

    /// <summary>The arguments with the value of every flag (<c>--json yes</c>, <c>--fifo=On</c> is a setting, not a
    /// flag) written as true or false: the parser takes only those two words after a flag, and the policy accepts
    /// the same boolean words for flags as for settings (<see cref="Tcp.FieldCodecs.BoolWords"/>).</summary>
    public static string[] BooleanWords(Command root, string[] args)
    {
        var flags = Flags(root).ToHashSet(StringComparer.Ordinal);
        var result = (string[])args.Clone();
        for (var i = 0; i < result.Length; i++)
        {
            var eq = result[i].IndexOf('=');
            if (eq > 0 && flags.Contains(result[i][..eq]) && Tcp.FieldCodecs.ParseBool(result[i][(eq + 1)..]) is { } inline)
                result[i] = $"{result[i][..eq]}={(inline ? "true" : "false")}";
            else if (flags.Contains(result[i]) && i + 1 < result.Length && Tcp.FieldCodecs.ParseBool(result[i + 1]) is { } value)
                result[++i] = value ? "true" : "false";
        }
        return result;
    }

    private static IEnumerable<string> Flags(Command command) =>
        command.Options.OfType<Option<bool>>().SelectMany(o => o.Aliases.Prepend(o.Name))
            .Concat(command.Subcommands.SelectMany(Flags));

    /// <summary>Value completion (the <c>[suggest]</c> directive that shell completion scripts call).</summary>
    private static void Complete(Option option, IBackend backend)
    {
        string[] values = option.Name switch
        {
            "--variant" => [.. backend.Variants.Select(v => v.Name)],
            "--workload" => [.. backend.Workloads.Select(w => w.Name)],
            "--property" => [.. backend.Properties.Select(p => p.Name)],
            _ when option.HelpName == "bool" => ["true", "false"],
            _ when option.HelpName is { } h && h.Contains('|') => h.Split('|'),
            _ => [],
        };
        if (values.Length > 0) option.CompletionSources.Add(values);
    }

    /// <summary>Options that would be silently ignored in the combination given.</summary>
    private static void AddCombinationRules(Command command)
    {
        var byName = command.Options.ToDictionary(o => o.Name);
        Option? Find(string name) => byName.GetValueOrDefault(name);
        if (Find("--threads") is { } threads && Find("--strategy") is Option<string> strategy)
            command.Validators.Add(r =>
            {
                if (!Valid(r, threads) || !Valid(r, strategy)) return;
                var chosen = Given(r, strategy) ? r.GetValue(strategy) : "bfs";
                if (Given(r, threads) && chosen != "parallel")
                    r.AddError($"--threads has no effect with --strategy {chosen} (one thread); it sets the workers of --strategy parallel");
            });
        Refuse(command, Find("--markdown"), Find("--json"), "--markdown has no effect with --json (one JSON document is printed); drop one of them");
        Refuse(command, Find("--mermaid"), Find("--json"), "--mermaid has no effect with --json (charts are not part of the JSON document); drop one of them");
        Refuse(command, Find("--explain"), Find("--json"), "--explain has no effect with --json (the JSON document always carries the notes); drop one of them");
        Refuse(command, Find("--spill-dir"), Find("--no-spill"), "--spill-dir has no effect with --no-spill (no scratch files are written); drop one of them");
    }

    private static void Refuse(Command command, Option? a, Option? b, string why)
    {
        if (a is null || b is null) return;
        command.Validators.Add(r =>
        {
            if (Valid(r, a) && Valid(r, b) && Given(r, a) && Given(r, b) && IsOn(r, a) && IsOn(r, b)) r.AddError(why);
        });
    }

    /// <summary>Given on the command line (not a default); a flag given as false counts as not given.</summary>
    private static bool Given(CommandResult r, Option option) => r.GetResult(option) is { Implicit: false };

    /// <summary>The option's own value parsed (a bad value is reported by its own error, not by a combination rule).</summary>
    private static bool Valid(CommandResult r, Option option)
    {
        try
        {
            _ = r.GetValue<object?>(option.Name);
            return true;
        }
        catch (Exception e) when (e is InvalidOperationException or InvalidCastException or ArgumentException)
        {
            return false;
        }
    }

    private static bool IsOn(CommandResult r, Option option) => option is not Option<bool> flag || r.GetValue(flag);

    /// <summary>Every file option (<c>--out</c> and <c>--html</c> with a file, not a directory) is checked when the
    /// command line is parsed, before any search: a search of an hour must not end in "cannot write".</summary>
    private static void AddOutputChecks(Command command)
    {
        foreach (var option in command.Options.OfType<Option<string>>().Where(o => o.Name is "--out" or "--html" && o.HelpName == "file"))
            command.Validators.Add(r =>
            {
                if (r.GetResult(option) is { Implicit: false } && r.GetValue(option) is { } path && OutputTarget.Problem(path) is { } problem)
                    r.AddError($"{option.Name} {problem}");
            });
    }
}
