using System.Globalization;
using System.Text;
using System.Text.Json;

namespace TcpModelCheck.Engine.Traces;

/// <summary>
/// Checks a trace document whole before anything is read from it, so that a damaged file is refused instead of
/// replaying as something else: a missing <c>choice</c> is not choice 0, a cut-off <c>steps</c> list is not a
/// shorter counterexample that "no longer fails". Every field is required except <c>loopStart</c>,
/// <c>property</c>, <c>origin</c> and <c>seed</c>; the redundant <c>length</c> and <c>choicePath</c> must agree with
/// <c>steps</c>; unknown and duplicate fields are refused. Each problem is one line that starts with the JSON
/// path of the culprit, e.g. <c>$.steps[4].choice: missing</c>.
/// </summary>
internal static class TraceValidation
{
    private static readonly string[] Required = ["format", "model", "settings", "initial", "steps", "choicePath", "length"];
    private static readonly string[] StepFields = ["choice", "action"];

    /// <summary>Throws <see cref="TraceFormatException"/> naming the first problem of <paramref name="root"/>;
    /// <paramref name="known"/> are the top-level field names the trace type has.</summary>
    public static void Check(JsonElement root, IReadOnlyCollection<string> known)
    {
        if (root.ValueKind != JsonValueKind.Object)
            throw Fail("$", $"expected a JSON object (a trace), found {Describe(root)}");
        var fields = Fields(root, "$", known);
        foreach (var name in Required)
            if (!fields.ContainsKey(name)) throw Fail("$." + name, "missing");

        var format = WholeNumber(fields["format"], "$.format", 0, int.MaxValue);
        if (format != Trace.CurrentFormat)
            throw Fail("$.format", $"unsupported trace format {format} (this tool reads format {Trace.CurrentFormat})");
        if (String(fields["model"], "$.model").Length == 0) throw Fail("$.model", "empty (the trace names no model)");
        CheckSettings(fields["settings"]);
        var initial = WholeNumber(fields["initial"], "$.initial", 0, int.MaxValue);
        var choices = CheckSteps(fields["steps"]);

        var length = WholeNumber(fields["length"], "$.length", 0, int.MaxValue);
        if (length != choices.Count)
            throw Fail("$.length", $"{length}, but $.steps has {Count(choices.Count, "step")}");
        CheckChoicePath(String(fields["choicePath"], "$.choicePath"), initial, choices);

        if (fields.TryGetValue("loopStart", out var loop) && loop.ValueKind != JsonValueKind.Null)
        {
            // a loop returns to the state after step loopStart, so it needs at least one step after it
            if (choices.Count == 0) throw Fail("$.loopStart", $"{Shown(loop)} given, but the trace has no step to loop on");
            WholeNumber(loop, "$.loopStart", 0, choices.Count - 1,
                $"a loop needs a step after it: 0..{choices.Count - 1} for {Count(choices.Count, "step")}");
        }
        foreach (var name in new[] { "property", "origin" })
            if (fields.TryGetValue(name, out var v) && v.ValueKind != JsonValueKind.Null && String(v, "$." + name).Length == 0)
                throw Fail("$." + name, "empty (leave the field out instead)");
        CheckOrigin(fields);
        if (fields.TryGetValue("seed", out var seed) && seed.ValueKind != JsonValueKind.Null && !seed.TryGetUInt64(out _))
            throw Fail("$.seed", $"expected a whole number 0..{ulong.MaxValue}, found {Shown(seed)}");
    }

    /// <summary>The origin is a name (e.g. <c>bfs</c>, <c>random-walk</c>, <c>schedule</c>); a search writes a trace
    /// only for a property (a counterexample or a witness), so a search origin without one is a damaged file.</summary>
    private static void CheckOrigin(Dictionary<string, JsonElement> fields)
    {
        if (!fields.TryGetValue("origin", out var o) || o.ValueKind == JsonValueKind.Null) return;
        var origin = String(o, "$.origin");
        if (!origin.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            throw Fail("$.origin", $"'{Echo(origin)}' is not an origin name (lower-case words joined by '-', e.g. bfs, random-walk)");
        var hasProperty = fields.TryGetValue("property", out var p) && p.ValueKind != JsonValueKind.Null;
        if (Checking.SearchStrategies.SearchOrigins.Contains(origin) && !hasProperty)
            throw Fail("$.property", $"missing: a trace found by a search ($.origin '{origin}') is the counterexample or witness of a property");
    }

    private static void CheckSettings(JsonElement settings)
    {
        if (settings.ValueKind != JsonValueKind.Object)
            throw Fail("$.settings", $"expected an object of name/value strings, found {Describe(settings)}");
        foreach (var (name, value) in Fields(settings, "$.settings", null))
            String(value, "$.settings." + name);
    }

    private static List<int> CheckSteps(JsonElement steps)
    {
        if (steps.ValueKind != JsonValueKind.Array) throw Fail("$.steps", $"expected an array of steps, found {Describe(steps)}");
        var choices = new List<int>(steps.GetArrayLength());
        var i = 0;
        foreach (var step in steps.EnumerateArray())
        {
            var at = $"$.steps[{i++}]";
            if (step.ValueKind != JsonValueKind.Object) throw Fail(at, $"expected a step {{\"choice\": n, \"action\": \"...\"}}, found {Describe(step)}");
            var fields = Fields(step, at, StepFields);
            foreach (var name in StepFields)
                if (!fields.ContainsKey(name)) throw Fail($"{at}.{name}", "missing");
            choices.Add(WholeNumber(fields["choice"], at + ".choice", 0, int.MaxValue));
            String(fields["action"], at + ".action");
        }
        return choices;
    }

    /// <summary>The choice path is the steps' choices once more, for a person to read: if it disagrees, the file
    /// was edited by hand or cut, and neither copy can be trusted.</summary>
    private static void CheckChoicePath(string text, int initial, List<int> choices)
    {
        var expected = (initial != 0 ? $"i{initial}:" : "") + string.Join('/', choices);
        if (text == expected) return;
        // not the same text: say how it differs (read without ChoicePath's length cap, since a long random
        // walk is a valid trace)
        var rest = text.Trim();
        var start = 0;
        if (rest.StartsWith('i') && rest.IndexOf(':') is var colon and > 0 && int.TryParse(rest[1..colon], out var i0))
        {
            start = i0;
            rest = rest[(colon + 1)..];
        }
        if (start != initial) throw Fail("$.choicePath", $"starts at initial state {start}, but $.initial is {initial}");
        var parts = rest.Length == 0 ? [] : rest.Split('/');
        if (parts.Length != choices.Count)
            throw Fail("$.choicePath", $"has {Count(parts.Length, "choice")}, but $.steps has {Count(choices.Count, "step")}");
        for (var i = 0; i < parts.Length; i++)
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out var c) || c != choices[i])
                throw Fail("$.choicePath", $"choice {i + 1} is '{Echo(parts[i], 20)}', but $.steps[{i}].choice is {choices[i]}");
        throw Fail("$.choicePath", $"'{Echo(text)}' is not written as a choice path ('{Echo(expected)}')");
    }

    /// <summary>The fields of an object by name; a duplicate (which one would win?) or, when
    /// <paramref name="known"/> is given, an unknown field (a typo such as <c>loopstart</c>) is refused.</summary>
    private static Dictionary<string, JsonElement> Fields(JsonElement obj, string at, IReadOnlyCollection<string>? known)
    {
        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var p in obj.EnumerateObject())
        {
            var path = $"{at}.{Echo(p.Name)}";
            if (known is not null && !known.Contains(p.Name))
                throw Fail(path, $"unknown field (a trace has: {string.Join(", ", known)})");
            if (!fields.TryAdd(p.Name, p.Value)) throw Fail(path, "given twice");
        }
        return fields;
    }

    private static int WholeNumber(JsonElement e, string at, int min, int max, string? range = null)
    {
        if (e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out var n))
        {
            if (n >= min && n <= max) return (int)n;
            throw Fail(at, $"{n} is out of range ({range ?? $"{min}..{max}"})");
        }
        throw Fail(at, $"expected a whole number {range ?? $"{min}..{max}"}, found {Describe(e)}");
    }

    private static string String(JsonElement e, string at) => e.ValueKind == JsonValueKind.String
        ? e.GetString()!
        : throw Fail(at, $"expected a string, found {Describe(e)}");

    private static string Describe(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Null => "null",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.True or JsonValueKind.False => e.GetRawText(),
        JsonValueKind.String => "the string " + Shown(e),
        _ => Shown(e),
    };

    private static string Shown(JsonElement e) => Echo(e.GetRawText());

    private static string Count(int n, string what) => n == 1 ? $"1 {what}" : $"{n} {what}s";

    private static TraceFormatException Fail(string path, string problem) => new($"{path}: {problem}");

    internal static string Echo(string text, int max = 60) => MessageText.Echo(text, max);
}
