using TcpModelCheck.Tcp;

namespace TcpModelCheck.Reports.Tcp;

/// <summary>Short names for TCP configurations, as the comparison tables and chart headers show them.</summary>
public static class TcpConfigText
{
    /// <summary>The settings that differ from the defaults of the configuration's variant (and workload),
    /// as <c>key=value</c> pairs in key order; empty for a variant's default configuration.</summary>
    public static string Overrides(TcpConfig config)
    {
        var theirs = (TcpConfig.ForVariant(config.Variant) with { Workload = config.Workload }).ToSettings();
        return string.Join(" ", config.ToSettings()
            .Where(kv => !theirs.TryGetValue(kv.Key, out var v) || v != kv.Value)
            .OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => $"{kv.Key}={kv.Value}"));
    }

    /// <summary>"variant/workload", followed by the overridden settings if any:
    /// e.g. <c>short-time-wait/reconnect loss-budget=0</c>.</summary>
    public static string Name(TcpConfig config)
    {
        var overrides = Overrides(config);
        return $"{config.Variant}/{config.Workload}" + (overrides.Length > 0 ? " " + overrides : "");
    }
}
