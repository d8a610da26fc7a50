using System.Collections.Immutable;
using TcpModelCheck.Engine.Traces;
using TcpModelCheck.Tcp;

namespace TcpModelCheck.Explorer.Paths;

/// <summary>A loaded trace file as the explorer uses it: the choice path to show and the property it claims.</summary>
public sealed record LoadedTrace(string Path, int Steps, string? Property, int? LoopStart);

/// <summary>Checks that a trace (from <c>--trace</c> or an upload) belongs to the explorer's model and replays on
/// it — model name, settings and every step's label, as <c>tcpmc replay</c> checks them — and gives its path.</summary>
public static class TraceLoader
{
    /// <summary>Parses and checks trace JSON text.</summary>
    /// <exception cref="ExplorerInputException">Malformed JSON, another model or settings, or a step that diverges.</exception>
    public static LoadedTrace Load(TcpModel model, string json)
    {
        Trace trace;
        try
        {
            trace = TraceJson.Deserialize(json);
        }
        catch (TraceFormatException e)
        {
            throw new ExplorerInputException(e.Message);
        }
        return Load(model, trace);
    }

    public static LoadedTrace Load(TcpModel model, Trace trace)
    {
        if (trace.Model != model.Name)
            throw new ExplorerInputException($"the trace is for model '{trace.Model}', not '{model.Name}'");
        var differ = model.Settings.Where(kv => trace.Settings.TryGetValue(kv.Key, out var v) && v != kv.Value && v != "default")
            .Select(kv => $"{kv.Key}={trace.Settings[kv.Key]} (explorer: {kv.Value})").ToList();
        if (differ.Count > 0)
            throw new ExplorerInputException($"the trace was recorded with other settings: {string.Join(", ", differ)}; " +
                "start 'tcpmc explore --trace FILE' to explore it with its own");
        var replay = Replayer.Replay(model, trace with { Settings = ImmutableSortedDictionary<string, string>.Empty });
        if (replay.Divergence is { } d) throw new ExplorerInputException($"the trace does not replay: {d}");
        return new LoadedTrace(trace.ChoicePath, trace.Length, trace.Property, trace.LoopStart);
    }
}
