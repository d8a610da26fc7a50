namespace TcpModelCheck.Tcp;

/// <summary>
/// The text form of a <see cref="TcpConfig"/>, generated from <see cref="TcpFields"/>: one settings key per
/// field holding its effective value, so a trace carries everything needed to rebuild its model and says which
/// rules ran. The word "default" reads as the field's default (for a preset field, the preset's rule).
/// </summary>
internal static class TcpConfigSettings
{
    private const string DefaultText = "default";

    public static IReadOnlyDictionary<string, string> Write(TcpConfig c) =>
        new SortedDictionary<string, string>(TcpFields.All.ToDictionary(f => f.Key, f => f.Print(c)), StringComparer.Ordinal);

    public static TcpConfig Read(IReadOnlyDictionary<string, string> s)
    {
        foreach (var key in s.Keys)
            if (TcpFields.Find(key) is null)
                throw new ArgumentException($"unknown setting '{key}'; valid settings: {string.Join(", ", TcpFields.All.Select(f => f.Key))}");
        var c = TcpConfig.Default;
        foreach (var field in TcpFields.All)
            if (s.TryGetValue(field.Key, out var text) && text.Trim() != DefaultText) c = field.Parse(c, text);
        return c;
    }

    public static TcpConfig ForReplay(IReadOnlyDictionary<string, string> recorded, IReadOnlyDictionary<string, string> overrides)
    {
        var before = Read(recorded);
        var settings = new Dictionary<string, string>(recorded, StringComparer.Ordinal);
        foreach (var field in TcpFields.All.Where(f => f.Preset != FieldPreset.None))
            if (field.IsDefault(before)) settings.Remove(field.Key);
        // an ISN set kept as given explicitly was in use: the recorded mode stays with it
        if (settings.ContainsKey(TcpFields.IsnSet.Key) && recorded.TryGetValue(TcpFields.IsnMode.Key, out var mode))
            settings[TcpFields.IsnMode.Key] = mode;
        foreach (var (key, value) in overrides) settings[key] = value;
        return Read(settings);
    }

    public static string Overrides(TcpConfig c) => string.Join(" ", TcpFields.All
        .Where(f => f != TcpFields.Variant && f != TcpFields.Workload && !f.IsDefault(c))
        .OrderBy(f => f.Key, StringComparer.Ordinal)
        .Select(f => $"{f.Key}={f.Print(c)}"));

    public static string Name(TcpConfig c) => Overrides(c) is { Length: > 0 } o ? $"{c.Variant}/{c.Workload} {o}" : $"{c.Variant}/{c.Workload}";
}
