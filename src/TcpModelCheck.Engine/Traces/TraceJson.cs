using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace TcpModelCheck.Engine.Traces;

/// <summary>A trace file that cannot be read: malformed, truncated, inconsistent, or of an unknown format. The
/// message is one line that starts with the JSON path of the culprit (<c>$.steps[4].choice: missing</c>);
/// <see cref="TraceJson.Read"/> puts the file name in front.</summary>
public sealed class TraceFormatException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Reads and writes traces as JSON (indented, camelCase, stable field order). Reading validates the
/// document whole first (<see cref="TraceValidation"/>): a trace is either complete and consistent or refused.</summary>
public static class TraceJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 16 };

    /// <summary>The top-level field names a trace has, as written (taken from the serializer, so a field added to
    /// <see cref="Trace"/> is known here without a second list).</summary>
    private static readonly Lazy<string[]> Known = new(() =>
        [.. Options.GetTypeInfo(typeof(Trace)).Properties.Select(p => p.Name)]);

    public static string Serialize(Trace trace) => JsonSerializer.Serialize(trace, Options);

    /// <summary>Parses and validates a trace; every problem is reported as a one-line <see cref="TraceFormatException"/>.</summary>
    public static Trace Deserialize(string json)
    {
        try
        {
            using (var document = JsonDocument.Parse(json, DocumentOptions))
                TraceValidation.Check(document.RootElement, Known.Value);
            return JsonSerializer.Deserialize<Trace>(json, Options)
                ?? throw new TraceFormatException("$: the file holds no trace (JSON null)");
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" at line {line + 1}" : "";
            throw new TraceFormatException($"malformed JSON{where}: {Plain(e.Message)}", e);
        }
    }

    public static void Write(Trace trace, string path) => File.WriteAllText(path, Serialize(trace) + Environment.NewLine);

    /// <summary>Reads and validates the trace file at <paramref name="path"/> (a regular file of at most
    /// <see cref="TraceFile.MaxBytes"/>); the one-line error starts with the path.</summary>
    public static Trace Read(string path)
    {
        if (path.Length == 0) throw new TraceFormatException("the trace file name is empty");
        try
        {
            return Deserialize(TraceFile.ReadText(path));
        }
        catch (TraceFormatException e)
        {
            throw new TraceFormatException($"{TraceValidation.Echo(path, 200)}: {e.Message}", e);
        }
    }

    /// <summary>The reader's message without its position suffix ("LineNumber: 0 | BytePositionInLine: 3.") and
    /// without .NET type names (a null for a number is refused by the validation before it gets here).</summary>
    private static string Plain(string message)
    {
        var first = message.Trim();
        var cut = first.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut >= 0) first = first[..cut].TrimEnd();
        if (first.Contains("System.", StringComparison.Ordinal) || first.Contains("TcpModelCheck.", StringComparison.Ordinal))
            first = "a value has the wrong type";
        return TraceValidation.Echo(first, 160);
    }
}
