using TcpModelCheck.Cli.Backend;
using TcpModelCheck.Engine.Model;
using TcpModelCheck.Engine.Traces;

namespace TcpModelCheck.Cli.Commands;

/// <summary>
/// What <c>replay</c> checks before (and right after) re-running a trace, beyond the file's own consistency
/// (<see cref="TraceJson.Read"/>): that the model, its settings and the property are ones this tool knows, and
/// that the trace has the shape its property's counterexample has — a lasso (<c>loopStart</c>) for an
/// eventually/leads-to property, or a run that ends where nothing is enabled; no loop for any other property.
/// A trace that fails any of these is bad input (exit 3, one line naming the field by its JSON path), so exit 0
/// keeps its one meaning: this complete, valid trace no longer violates its property.
/// </summary>
internal static class ReplayValidation
{
    /// <summary>The trace in <paramref name="path"/>, refused unless its model and property are the backend's
    /// and its loop matches its property's kind.</summary>
    public static Trace Read(string path, IBackend backend)
    {
        var trace = TraceJson.Read(path);
        if (trace.Model != backend.ModelName)
            throw Bad(path, "$.model", $"'{Echo(trace.Model)}', but this tool checks model '{backend.ModelName}'");
        if (trace.Property is { } name)
        {
            var property = backend.Properties.FirstOrDefault(p => p.Name == name)
                ?? throw Bad(path, "$.property", $"unknown property '{Echo(name)}' (see 'tcpmc list properties')");
            if (trace.LoopStart is not null && !IsLiveness(property.Kind))
                throw Bad(path, "$.loopStart", $"given, but {name} is {Output.Words.Kind(property.Kind)}, not eventually or leads-to: " +
                                              "only a liveness counterexample loops");
        }
        else if (trace.LoopStart is not null)
            throw Bad(path, "$.loopStart", "given, but the trace names no property: only a liveness counterexample loops");
        return trace;
    }

    /// <summary>Opens the model of the trace's settings (with the user's <paramref name="overrides"/>). A recorded
    /// setting the model rejects is named by its path: the first one whose removal makes the rest acceptable.</summary>
    public static IModelSession Open(IBackend backend, string path, Trace trace, IReadOnlyDictionary<string, string> overrides)
    {
        if (overrides.Count > 0) return backend.Open(backend.ReplaySettings(trace.Settings, overrides));
        try
        {
            return backend.Open(trace.Settings);
        }
        catch (BadInputException e)
        {
            foreach (var key in trace.Settings.Keys)
            {
                if (!Opens(backend, trace.Settings.Remove(key))) continue;
                throw Bad(path, "$.settings." + Echo(key), WithoutKey(e.Message, key));
            }
            throw Bad(path, "$.settings", e.Message);
        }
    }

    /// <summary>A liveness trace without a loop claims to end where nothing is enabled; checked on the model
    /// before the replay (a path that leaves the model is left to the replay, which names the step).</summary>
    public static void CheckEnding(string path, Trace trace, IModelSession session)
    {
        if (trace.LoopStart is not null || Kind(session, trace) is not { } kind || !IsLiveness(kind)) return;
        PathActions end;
        try { end = session.ActionsAfter(new ChoicePath(trace.Initial, [.. trace.Steps.Select(s => s.Choice)])); }
        catch (BadInputException) { return; }
        if (end.Enabled.Count > 0)
            throw Bad(path, "$.loopStart", $"missing: a counterexample of {trace.Property} ({Output.Words.Kind(kind)}) either loops " +
                $"back (loopStart) or ends where nothing is enabled, but {end.Enabled.Count} action(s) are enabled after step {trace.Length}");
    }

    /// <summary>After the replay: a lasso whose loop does not close shows no infinite run, so it neither confirms
    /// nor refutes its property — never "fixed".</summary>
    public static string? BrokenLoop(string path, Trace trace, ReplayReport report) =>
        report.Divergence is null && report.LoopCloses == false && trace.LoopStart is { } k
            ? $"{Echo(path, 200)}: $.loopStart: {k}, but the loop does not close (the state after step {trace.Length} " +
              $"differs from the state after step {k}): the trace shows no infinite run, so it neither confirms nor refutes {trace.Property}"
            : null;

    private static PropertyKind? Kind(IModelSession session, Trace trace) =>
        session.Properties.FirstOrDefault(p => p.Name == trace.Property)?.Kind;

    private static bool IsLiveness(PropertyKind kind) => kind is PropertyKind.Eventually or PropertyKind.LeadsTo;

    private static bool Opens(IBackend backend, IReadOnlyDictionary<string, string> settings)
    {
        try { backend.Open(settings); return true; }
        catch (BadInputException) { return false; }
    }

    /// <summary>"msl: 99 is out of range" under <c>$.settings.msl</c> reads "99 is out of range".</summary>
    private static string WithoutKey(string message, string key)
    {
        foreach (var prefix in new[] { $"{key}: ", $"setting '{key}': " })
            if (message.StartsWith(prefix, StringComparison.Ordinal)) return message[prefix.Length..];
        return message;
    }

    private static BadInputException Bad(string path, string field, string problem) => new($"{Echo(path, 200)}: {field}: {problem}");

    private static string Echo(string text, int max = 60) => Output.Words.Echo(text, max);
}
