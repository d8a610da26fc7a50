using System.Text.Json.Nodes;

namespace TcpModelCheck.Cli.Tests.Fuzz;

/// <summary>
/// Generated damage to a trace file the tool wrote (the 12-step no-time-wait graceful-close counterexample, or the
/// 21-step eventually-closed lasso): every field deleted, nulled or given a value of the wrong type or out of range;
/// steps cut, emptied, duplicated, their choice or action removed or corrupted; settings nulled, emptied, unknown,
/// huge. Each mutation makes the file invalid (none merely changes what a valid trace claims), so replay must
/// refuse it with exit 3 and one line.
/// </summary>
internal static class TraceMutations
{
    private static readonly JsonNode?[] WrongValues = [null, "x", -1, 2147483648L, 1.5, true, new JsonArray(), new JsonObject()];

    private static readonly string[] Fields = ["format", "model", "settings", "initial", "length", "steps", "choicePath", "property"];

    /// <summary>Name → (which base trace, the edit).</summary>
    public static IReadOnlyDictionary<string, (bool Lasso, Action<JsonObject> Edit)> All { get; } = Build();

    private static Dictionary<string, (bool, Action<JsonObject>)> Build()
    {
        var all = new Dictionary<string, (bool, Action<JsonObject>)>();
        void Add(string name, Action<JsonObject> edit, bool lasso = false) => all.Add(lasso ? "lasso " + name : name, (lasso, edit));

        foreach (var field in Fields)
        {
            // a trace without a property is valid (it claims no violation: replay judges every safety property)
            if (field != "property") Add($"delete {field}", d => d.Remove(field));
            foreach (var (value, i) in WrongValues.Select((v, i) => (v, i)))
                if (!(field == "property" && value is null))
                    Add($"{field} = wrong#{i}", d => d[field] = value?.DeepClone());
        }
        foreach (var (value, i) in WrongValues.Select((v, i) => (v, i)))
        {
            Add($"step 3 choice = wrong#{i}", d => Step(d, 3)["choice"] = value?.DeepClone());
            Add($"step 3 action = wrong#{i}", d => Step(d, 3)["action"] = value is JsonValue s && s.TryGetValue<string>(out _) ? 7 : value?.DeepClone());
            Add($"loopStart = wrong#{i}", d => d["loopStart"] = value?.DeepClone(), lasso: true);
        }
        Add("steps = []", d => d["steps"] = new JsonArray());
        Add("steps cut to 5", d => Cut(d, 5));
        Add("step duplicated", d => Steps(d).Add(Step(d, 11).DeepClone()));
        Add("step 0 removed", d => Steps(d).RemoveAt(0));
        Add("step 3 choice removed", d => Step(d, 3).Remove("choice"));
        Add("step 3 action removed", d => Step(d, 3).Remove("action"));
        Add("step 3 choice 9999", d => Step(d, 3)["choice"] = 9999);
        Add("step 3 = 5", d => Steps(d)[3] = 5);
        Add("step 3 = null", d => Steps(d)[3] = null);
        Add("length + 1", d => d["length"] = d["length"]!.GetValue<int>() + 1);
        Add("length - 1", d => d["length"] = d["length"]!.GetValue<int>() - 1);
        Add("choicePath one short", d => d["choicePath"] = string.Join('/', d["choicePath"]!.GetValue<string>().Split('/').SkipLast(1)));
        Add("choicePath changed", d => d["choicePath"] = "9/" + string.Join('/', d["choicePath"]!.GetValue<string>().Split('/').Skip(1)));
        Add("choicePath garbage", d => d["choicePath"] = "a/b/c");
        Add("format 2", d => d["format"] = 2);
        Add("format '1'", d => d["format"] = "1");
        Add("model spin", d => d["model"] = "spin");
        Add("property unknown", d => d["property"] = "no-such-property");
        Add("property empty", d => d["property"] = "");
        Add("property with escape", d => d["property"] = "\u001b[31mred\nline");
        Add("property 5000 chars", d => d["property"] = new string('p', 5000));
        Add("loopStart on a safety trace", d => d["loopStart"] = 3);
        Add("loopStart deleted", d => d.Remove("loopStart"), lasso: true);
        Add("loopStart 0", d => d["loopStart"] = 0, lasso: true);
        Add("loopStart = length", d => d["loopStart"] = d["length"]!.DeepClone(), lasso: true);
        Add("loopStart past the end", d => d["loopStart"] = 99, lasso: true);
        Add("loop step removed", d => { Steps(d).RemoveAt(20); d["length"] = 20; d["choicePath"] = Path(d); }, lasso: true);
        foreach (var key in new[] { "msl", "variant", "fifo", "isn-set", "delay-budget" })
        {
            Add($"settings.{key} = null", d => d["settings"]![key] = null);
            Add($"settings.{key} = 5000 chars", d => d["settings"]![key] = new string('9', 5000));
            Add($"settings.{key} = object", d => d["settings"]![key] = new JsonObject());
            Add($"settings.{key} = control", d => d["settings"]![key] = "\u001b]0;title\u0007");
        }
        Add("settings.msl = 2147483648", d => d["settings"]!["msl"] = "2147483648");
        Add("settings.colour unknown", d => d["settings"]!["colour"] = "blue");
        Add("settings = []", d => d["settings"] = new JsonArray());
        return all;
    }

    private static JsonArray Steps(JsonObject d) => d["steps"]!.AsArray();

    private static JsonObject Step(JsonObject d, int i) => Steps(d)[i]!.AsObject();

    private static void Cut(JsonObject d, int n)
    {
        var steps = Steps(d);
        while (steps.Count > n) steps.RemoveAt(steps.Count - 1);
    }

    private static string Path(JsonObject d) => string.Join('/', Steps(d).Select(s => s!["choice"]!.GetValue<int>()));
}
