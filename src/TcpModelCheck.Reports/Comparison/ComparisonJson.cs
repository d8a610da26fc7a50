using System.Text.Json;
using System.Text.Json.Serialization;

namespace TcpModelCheck.Reports.Comparison;

/// <summary>A comparison as JSON (camelCase, verdicts as strings) for scripts and CI dashboards.</summary>
public static class ComparisonJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public static string Serialize(ComparisonReport report) => JsonSerializer.Serialize(report, Options);

    public static ComparisonReport Deserialize(string json) =>
        JsonSerializer.Deserialize<ComparisonReport>(json, Options) ?? throw new JsonException("no comparison report (JSON null)");
}
