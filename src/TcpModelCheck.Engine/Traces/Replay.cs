using System.Collections.Immutable;
using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Engine.Model;
using TcpModelCheck.Engine.Paths;

namespace TcpModelCheck.Engine.Traces;

/// <summary>Where a replay stopped matching its trace.</summary>
/// <param name="Step">1-based step number that diverged (0 = the initial state).</param>
/// <param name="Expected">What the trace recorded.</param>
/// <param name="Found">What the model offers instead.</param>
public sealed record Divergence(int Step, string Expected, string Found)
{
    public override string ToString() => Step == 0
        ? $"diverges at the initial state: expected {Expected}, found {Found}"
        : $"diverges at step {Step}: expected {Expected}, found {Found}";
}

/// <summary>The outcome of re-executing a trace: the path as far as it matched, and the divergence if any.</summary>
public sealed record ReplayResult<TState, TAction>(
    TState? Initial,
    IReadOnlyList<Step<TState, TAction>> Steps,
    Divergence? Divergence)
{
    public bool Matches => Divergence is null;
}

/// <summary>Re-executes traces against a model. Shared by every strategy, so every strategy replays for free.</summary>
public static class Replayer
{
    /// <summary>Replays <paramref name="trace"/>; compares the recorded model name, settings and each recorded
    /// action label with the model's (set <paramref name="checkLabels"/> false for hand-written scripts that
    /// carry no labels; a trace with no settings is not compared on them). The settings matter even when every
    /// label matches: the same choices on a model built with other settings are another run.</summary>
    public static ReplayResult<TState, TAction> Replay<TState, TAction>(
        IModel<TState, TAction> model, Trace trace, bool checkLabels = true) where TState : IEquatable<TState> =>
        Reproducer.Follow(model, trace, [], stopAtViolation: false, checkLabels).Replay;

    /// <summary>Where <paramref name="trace"/>'s header stops matching <paramref name="model"/>: another model name,
    /// or (when labels are checked and the trace records settings) other settings. Null when it matches.</summary>
    internal static Divergence? HeaderDivergence<TState, TAction>(IModel<TState, TAction> model, Trace trace, bool checkLabels)
        where TState : IEquatable<TState>
    {
        if (trace.Model != model.Name) return new Divergence(0, $"model '{trace.Model}'", $"model '{model.Name}'");
        if (checkLabels && trace.Settings.Count > 0 && !SameSettings(trace.Settings, model.Settings))
            return new Divergence(0, $"settings {Format(trace.Settings)}", $"settings {Format(model.Settings)}");
        return null;
    }

    private static bool SameSettings(IReadOnlyDictionary<string, string> recorded, IReadOnlyDictionary<string, string> model) =>
        recorded.Count == model.Count && recorded.All(kv => model.TryGetValue(kv.Key, out var v) && v == kv.Value);

    private static string Format(IReadOnlyDictionary<string, string> settings) =>
        string.Join(",", settings.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}"));

    /// <summary>Builds a trace from an initial-state index and a list of choices on <paramref name="model"/>,
    /// recording the action labels (throws if a choice is not enabled).</summary>
    public static Trace Record<TState, TAction>(IModel<TState, TAction> model, int initial, IEnumerable<int> choices,
        string? origin = null, string? property = null, int? loopStart = null, ulong? seed = null)
        where TState : IEquatable<TState>
    {
        var script = new Trace { Model = model.Name, Initial = initial, Steps = [.. choices.Select(c => new TraceStep(c, ""))] };
        var runner = new PathRunner<TState, TAction>(model, []);
        if (runner.Run(new ScriptChooser<TState, TAction>(model, script)).Divergence is { } d)
            throw new ArgumentOutOfRangeException(nameof(choices), $"the choices do not run on model '{model.Name}': {d}");
        return runner.ToTrace(origin, property, loopStart, seed);
    }

    /// <summary>Turns a matching replay into a counterexample value.</summary>
    public static Counterexample<TState, TAction> ToCounterexample<TState, TAction>(
        IModel<TState, TAction> model, Trace trace) where TState : IEquatable<TState>
    {
        var r = Replay(model, trace);
        if (r.Divergence is { } d) throw new InvalidOperationException($"trace does not replay: {d}");
        return new Counterexample<TState, TAction>(trace, r.Initial!, r.Steps, trace.LoopStart);
    }
}
