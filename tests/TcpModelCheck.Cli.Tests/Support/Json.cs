using System.Text.Json;

namespace TcpModelCheck.Cli.Tests.Support;

/// <summary>Reads the JSON documents the tool prints.</summary>
internal static class Json
{
    public static JsonElement Parse(string text) => JsonDocument.Parse(text).RootElement.Clone();

    public static JsonElement Row(JsonElement doc, string property, string? variant = null) =>
        doc.GetProperty("results").EnumerateArray().Single(r =>
            r.GetProperty("property").GetString() == property && (variant is null || r.GetProperty("variant").GetString() == variant));
}
