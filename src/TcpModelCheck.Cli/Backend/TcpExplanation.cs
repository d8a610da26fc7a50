using System.Text;
using TcpModelCheck.Cli.Output;
using TcpModelCheck.Tcp;

namespace TcpModelCheck.Cli.Backend;

/// <summary>Writes <c>tcpmc explain</c>: what the variant and the workload do, the value of every configuration
/// field in effect (generated from the model's field table, marking the values a preset supplied), and what each
/// property means.</summary>
internal static class TcpExplanation
{
    private const int Width = 100;

    public static string Write(TcpBackend backend, TcpConfig config, IReadOnlyList<string> properties)
    {
        var sb = new StringBuilder();
        Section(sb, $"variant {config.Variant}", backend.Variants.First(v => v.Name == config.Variant).Description);
        sb.AppendLine();
        Section(sb, $"workload {config.Workload}", backend.Workloads.First(w => w.Name == config.Workload).Description);
        sb.AppendLine();
        sb.AppendLine($"in effect ({config.Name})");
        foreach (var f in TcpFields.All.Where(f => f != TcpFields.Variant && f != TcpFields.Workload))
        {
            var value = $"  {f.Key,-23}  {f.Print(config),-6} ";
            Indented(sb, Origin(f, config), value, new string(' ', value.Length));
        }
        var chosen = properties.Count == 0 ? backend.Properties : backend.Properties.Where(p => properties.Contains(p.Name)).ToList();
        sb.AppendLine();
        sb.AppendLine("properties");
        foreach (var p in chosen)
        {
            sb.AppendLine($"  {p.Name} ({Words.Kind(p.Kind)})");
            Indented(sb, p.Description, "    ");
        }
        return sb.ToString();
    }

    /// <summary>Where a value comes from: a preset's rule (named), or "set" when it differs from the default.</summary>
    private static string Origin(TcpField f, TcpConfig c) => (f.Preset, f.IsDefault(c)) switch
    {
        (FieldPreset.Variant, true) => $"(variant {c.Variant}: {f.RuleWords})",
        (FieldPreset.Workload, true) => $"(workload {c.Workload}: {f.RuleWords})",
        (_, false) => "(set)",
        _ => "",
    };

    private static void Section(StringBuilder sb, string title, string text)
    {
        sb.AppendLine(title);
        Indented(sb, text);
    }

    private static void Indented(StringBuilder sb, string text, string indent = "  ", string? hanging = null)
    {
        var first = true;
        foreach (var line in Wrap(text, Width - indent.Length).DefaultIfEmpty(""))
        {
            sb.AppendLine(((first ? indent : hanging ?? indent) + line).TrimEnd());
            first = false;
        }
    }

    /// <summary>Greedy word wrap (a word longer than the width gets a line of its own).</summary>
    internal static IEnumerable<string> Wrap(string text, int width)
    {
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                yield return line.ToString();
                line.Clear();
            }
            if (line.Length > 0) line.Append(' ');
            line.Append(word);
        }
        if (line.Length > 0) yield return line.ToString();
    }
}
