using System.Text.Json;
using System.Text.Json.Serialization;

namespace TcpModelCheck.Engine.Traces;

/// <summary>A trace file that cannot be read: malformed, truncated, or of an unknown format.</summary>
public sealed class TraceFormatException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Reads and writes traces as JSON (indented, camelCase, stable field order).</summary>
public static class TraceJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };

    public static string Serialize(Trace trace) => JsonSerializer.Serialize(trace, Options);

    /// <summary>Parses a trace; every problem is reported as a one-line <see cref="TraceFormatException"/>.</summary>
    public static Trace Deserialize(string json)
    {
        Trace? trace;
        try
        {
            trace = JsonSerializer.Deserialize<Trace>(json, Options);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" at line {line + 1}" : "";
            // System.Text.Json names .NET types in conversion errors; say which field instead.
            var what = e.Message.Contains("could not be converted", StringComparison.Ordinal) && e.Path is { } path
                ? $"the value of {path} has the wrong type"
                : FirstLine(e.Message);
            throw new TraceFormatException($"malformed trace JSON{where}: {what}", e);
        }
        if (trace is null) throw new TraceFormatException("the trace file holds no trace (JSON null)");
        if (trace.Format != Trace.CurrentFormat)
            throw new TraceFormatException($"unsupported trace format {trace.Format} (this tool reads format {Trace.CurrentFormat})");
        if (string.IsNullOrEmpty(trace.Model)) throw new TraceFormatException("the trace names no model");
        if (trace.Settings is null) throw new TraceFormatException("the trace's settings are null (expected an object of name/value strings)");
        if (trace.Initial < 0) throw new TraceFormatException($"negative initial-state index {trace.Initial}");
        for (var i = 0; i < trace.Steps.Length; i++)
        {
            var s = trace.Steps[i];
            if (s is null) throw new TraceFormatException($"step {i + 1} is null");
            if (s.Choice < 0) throw new TraceFormatException($"step {i + 1} has a negative choice {s.Choice}");
        }
        // a loop returns to the state after step loopStart, so it needs at least one step after it
        if (trace.LoopStart is { } loop && (loop < 0 || loop >= trace.Steps.Length))
            throw new TraceFormatException(trace.Steps.Length == 0
                ? $"loopStart {loop} given, but the trace has no step to loop on"
                : $"loopStart {loop} is outside the trace (a loop needs a step after it: 0..{trace.Steps.Length - 1})");
        return trace;
    }

    public static void Write(Trace trace, string path) => File.WriteAllText(path, Serialize(trace) + Environment.NewLine);

    public static Trace Read(string path)
    {
        string text;
        try { text = File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TraceFormatException($"cannot read trace file '{path}': {FirstLine(e.Message)}", e);
        }
        return Deserialize(text);
    }

    private static string FirstLine(string s) => s.Split('\n')[0].Trim();
}
