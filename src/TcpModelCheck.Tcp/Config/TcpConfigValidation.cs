namespace TcpModelCheck.Tcp;

/// <summary>The checks behind <see cref="TcpConfig.Validate"/>: ranges that keep the state finite and
/// packable (see <c>Segment</c> and <c>Endpoint</c> for the field widths).</summary>
internal static class TcpConfigValidation
{
    public static IReadOnlyList<string> Problems(TcpConfig c)
    {
        var p = new List<string>();
        if (Catalog.TryFind(Variants.All, c.Variant) is null) p.Add(Catalog.UnknownMessage(Variants.All, "variant", c.Variant));
        if (Catalog.TryFind(Workloads.All, c.Workload) is null) p.Add(Catalog.UnknownMessage(Workloads.All, "workload", c.Workload));
        Range(p, "incarnations", c.EffectiveIncarnations, 1, 4);
        Range(p, "data-items", c.DataItems, 0, 4);
        Range(p, "server-data-items", c.ServerDataItems, 0, 4);
        Range(p, "msl", c.Msl, 1, 8);
        Range(p, "rto", c.Rto, 1, 16);
        Range(p, "max-retransmissions", c.MaxRetransmissions, 0, 7);
        Range(p, "sequence-space", c.SequenceSpace, 4, 256);
        Range(p, "receive-window", c.ReceiveWindow, 1, 4);
        Range(p, "network-capacity", c.NetworkCapacity, 1, 8);
        Range(p, "loss-budget", c.LossBudget, 0, 31);
        Range(p, "duplication-budget", c.DuplicationBudget, 0, 15);
        Range(p, "crash-budget", c.CrashBudget, 0, 3);
        if (c.DelayBudget is { } delays) Range(p, "delay-budget", delays, 0, 7);
        if (c.TimeWaitTicks is { } tw) Range(p, "time-wait", tw, 0, 32);
        if (c.FinWait2Timeout is { } fw) Range(p, "fin-wait-2-timeout", fw, 1, 32);
        if (c.EffectiveTimeWait > 32) p.Add($"time-wait: 2*msl = {c.EffectiveTimeWait} ticks is more than 32");
        if (c.IsnMode == IsnMode.Set && c.IsnSet.Length == 0) p.Add("isn-set: give at least one initial sequence number");
        foreach (var isn in c.IsnSet.Where(i => i < 0 || i >= c.SequenceSpace).Distinct())
            p.Add($"isn-set: {isn} is outside the sequence space 0..{c.SequenceSpace - 1}");
        if (c.IsnSet.Distinct().Count() != c.IsnSet.Length) p.Add("isn-set: values must be distinct");
        var most = Math.Max(c.DataItems, c.ServerDataItems);
        var needed = 2 * (most + 2 + c.ReceiveWindow);
        if (c.SequenceSpace < needed)
            p.Add($"sequence-space: {c.SequenceSpace} is too small for {most} data item(s) and window {c.ReceiveWindow}; "
                + $"use at least {needed} so that modular comparisons (RFC 9293 §3.4) stay unambiguous");
        return p;
    }

    private static void Range(List<string> p, string name, int value, int min, int max)
    {
        if (value < min || value > max) p.Add($"{name}: {value} is out of range {min}..{max}");
    }
}
