using System.Text;
using TcpModelCheck.Cli.Output;
using TcpModelCheck.Tcp;

namespace TcpModelCheck.Cli.Backend;

/// <summary>Writes <c>tcpmc explain</c>: what a variant does (and the timer values it implies), what the
/// workload's applications do, and what each property means.</summary>
internal static class TcpExplanation
{
    private const int Width = 100;

    public static string Write(TcpBackend backend, string? variant, string? workload, IReadOnlyList<string> properties)
    {
        var settings = new Dictionary<string, string>();
        if (variant is not null) settings["variant"] = variant;
        if (workload is not null) settings["workload"] = workload;
        var config = TcpBackend.Configure(settings);
        var sb = new StringBuilder();
        Section(sb, $"variant {config.Variant}", backend.Variants.First(v => v.Name == config.Variant).Description);
        Indented(sb, $"In effect: {Timers(config)}.");
        sb.AppendLine();
        Section(sb, $"workload {config.Workload}", backend.Workloads.First(w => w.Name == config.Workload).Description);
        Indented(sb, $"In effect: {config.EffectiveIncarnations} connection(s), {config.DataItems} data item(s) from A and {config.ServerDataItems} from B, " +
                     $"{config.LossBudget} loss(es), {config.DuplicationBudget} duplication(s), {config.CrashBudget} crash(es), " +
                     $"{(config.Fifo ? "FIFO" : "reordering")} network of {config.NetworkCapacity} segments per direction.");
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

    private static string Timers(TcpConfig c) =>
        $"MSL {c.Msl} ticks, TIME-WAIT {(c.EffectiveTimeWait == 0 ? "skipped" : $"{c.EffectiveTimeWait} ticks")}, " +
        $"FIN-WAIT-2 timeout {(c.FinWait2Timeout is { } f ? $"{f} ticks" : "none")}, RTO {c.Rto} ticks, " +
        $"{c.MaxRetransmissions} retransmissions before abort, an RST in TIME-WAIT is {(c.IgnoreRstInTimeWait ? "ignored" : "obeyed")}, " +
        $"a FIN {(c.NaiveFin ? "is processed at once even before missing data" : "waits for earlier missing data")}, " +
        $"ISNs {(c.IsnMode == IsnMode.Clock ? "from a clock" : "from {" + string.Join(",", c.IsnSet) + "}")} " +
        $"in a sequence space of {c.SequenceSpace}";

    private static void Section(StringBuilder sb, string title, string text)
    {
        sb.AppendLine(title);
        Indented(sb, text);
    }

    private static void Indented(StringBuilder sb, string text, string indent = "  ")
    {
        foreach (var line in Wrap(text, Width - indent.Length)) sb.AppendLine(indent + line);
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
