using System.Collections.Immutable;
using System.Globalization;

namespace TcpModelCheck.Tcp;

/// <summary>
/// The text form of a <see cref="TcpConfig"/>: one key per field, so a trace carries everything needed to
/// rebuild its model. Keys are kebab-case field names; a null field is written as "default".
/// </summary>
internal static class TcpConfigSettings
{
    private const string DefaultText = "default";

    public static IReadOnlyDictionary<string, string> Write(TcpConfig c) => new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["variant"] = c.Variant,
        ["workload"] = c.Workload,
        ["incarnations"] = Opt(c.Incarnations),
        ["data-items"] = Int(c.DataItems),
        ["server-data-items"] = Int(c.ServerDataItems),
        ["msl"] = Int(c.Msl),
        ["rto"] = Int(c.Rto),
        ["max-retransmissions"] = Int(c.MaxRetransmissions),
        ["sequence-space"] = Int(c.SequenceSpace),
        ["isn-set"] = string.Join(',', c.IsnSet.Select(Int)),
        ["isn-mode"] = c.IsnMode == IsnMode.Clock ? "clock" : "set",
        ["receive-window"] = Int(c.ReceiveWindow),
        ["network-capacity"] = Int(c.NetworkCapacity),
        ["loss-budget"] = Int(c.LossBudget),
        ["duplication-budget"] = Int(c.DuplicationBudget),
        ["delay-budget"] = c.DelayBudget is { } d ? Int(d) : "unlimited",
        ["fifo"] = Bool(c.Fifo),
        ["crash-budget"] = Int(c.CrashBudget),
        ["time-wait"] = Opt(c.TimeWaitTicks),
        ["fin-wait-2-timeout"] = c.FinWait2Timeout is { } f ? Int(f) : "none",
        ["ignore-rst-in-time-wait"] = Bool(c.IgnoreRstInTimeWait),
        ["naive-fin"] = Bool(c.NaiveFin),
    };

    /// <summary>The keys <see cref="Write"/> produces, in order.</summary>
    public static IReadOnlyList<string> Keys { get; } = Write(TcpConfig.Default).Keys.ToArray();

    public static TcpConfig Read(IReadOnlyDictionary<string, string> s)
    {
        foreach (var key in s.Keys)
            if (!Keys.Contains(key)) throw new ArgumentException($"unknown setting '{key}'; valid settings: {string.Join(", ", Keys)}");
        var c = TcpConfig.Default;
        if (s.TryGetValue("variant", out var v)) c = c.WithVariant(v);
        return c with
        {
            Workload = s.TryGetValue("workload", out var w) ? Workloads.Get(w).Name : c.Workload,
            Incarnations = Get(s, "incarnations", c.Incarnations, ParseOpt),
            DataItems = Get(s, "data-items", c.DataItems, ParseInt),
            ServerDataItems = Get(s, "server-data-items", c.ServerDataItems, ParseInt),
            Msl = Get(s, "msl", c.Msl, ParseInt),
            Rto = Get(s, "rto", c.Rto, ParseInt),
            MaxRetransmissions = Get(s, "max-retransmissions", c.MaxRetransmissions, ParseInt),
            SequenceSpace = Get(s, "sequence-space", c.SequenceSpace, ParseInt),
            IsnSet = Get(s, "isn-set", c.IsnSet, ParseSet),
            IsnMode = Get(s, "isn-mode", c.IsnMode, ParseMode),
            ReceiveWindow = Get(s, "receive-window", c.ReceiveWindow, ParseInt),
            NetworkCapacity = Get(s, "network-capacity", c.NetworkCapacity, ParseInt),
            LossBudget = Get(s, "loss-budget", c.LossBudget, ParseInt),
            DuplicationBudget = Get(s, "duplication-budget", c.DuplicationBudget, ParseInt),
            DelayBudget = Get(s, "delay-budget", c.DelayBudget, t => t == "unlimited" ? null : ParseInt(t)),
            Fifo = Get(s, "fifo", c.Fifo, ParseBool),
            CrashBudget = Get(s, "crash-budget", c.CrashBudget, ParseInt),
            TimeWaitTicks = Get(s, "time-wait", c.TimeWaitTicks, ParseOpt),
            FinWait2Timeout = Get(s, "fin-wait-2-timeout", c.FinWait2Timeout, t => t == "none" ? null : ParseInt(t)),
            IgnoreRstInTimeWait = Get(s, "ignore-rst-in-time-wait", c.IgnoreRstInTimeWait, ParseBool),
            NaiveFin = Get(s, "naive-fin", c.NaiveFin, ParseBool),
        };
    }

    private static T Get<T>(IReadOnlyDictionary<string, string> s, string key, T fallback, Func<string, T> parse)
    {
        if (!s.TryGetValue(key, out var text)) return fallback;
        try { return parse(text.Trim()); }
        catch (FormatException e) { throw new ArgumentException($"setting '{key}': {e.Message}"); }
    }

    private static string Int(int i) => i.ToString(CultureInfo.InvariantCulture);
    private static string Opt(int? i) => i is { } v ? Int(v) : DefaultText;
    private static string Bool(bool b) => b ? "true" : "false";

    private static int ParseInt(string t) => int.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i)
        ? i : throw new FormatException($"'{t}' is not a whole number");

    private static int? ParseOpt(string t) => t == DefaultText ? null : ParseInt(t);

    private static bool ParseBool(string t) => t switch
    {
        "true" or "yes" or "1" => true,
        "false" or "no" or "0" => false,
        _ => throw new FormatException($"'{t}' is not true or false"),
    };

    private static IsnMode ParseMode(string t) => t switch
    {
        "set" => IsnMode.Set,
        "clock" => IsnMode.Clock,
        _ => throw new FormatException($"'{t}' is not an ISN mode (set, clock)"),
    };

    private static ImmutableArray<int> ParseSet(string t) =>
        t.Length == 0 ? [] : [.. t.Split(',', StringSplitOptions.TrimEntries).Select(ParseInt)];
}
