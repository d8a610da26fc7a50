using System.Collections.Immutable;

namespace TcpModelCheck.Engine.Traces;

/// <summary>One recorded choice: the index into the ordered enabled actions, and the action's label at
/// recording time (replay compares labels to detect divergence).</summary>
public sealed record TraceStep(int Choice, string Action);

/// <summary>
/// A run as data: the choices taken (indices into <c>IModel.Actions</c>) plus the settings needed to rebuild
/// the model and interpret them. Counterexamples, random walks and scripted schedules all use this format,
/// and it round-trips through JSON (<see cref="TraceJson"/>).
/// </summary>
public sealed record Trace
{
    public const int CurrentFormat = 1;

    public int Format { get; init; } = CurrentFormat;

    /// <summary>The model's name (<c>IModel.Name</c>).</summary>
    public required string Model { get; init; }

    /// <summary>The model's settings (<c>IModel.Settings</c>).</summary>
    public ImmutableSortedDictionary<string, string> Settings { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    /// <summary>Index of the initial state in <c>IModel.InitialStates</c>.</summary>
    public int Initial { get; init; }

    public ImmutableArray<TraceStep> Steps { get; init; } = ImmutableArray<TraceStep>.Empty;

    /// <summary>For lassos: the number of steps after which the cycle starts (state index into the path).</summary>
    public int? LoopStart { get; init; }

    /// <summary>The property this trace violates, if it is a counterexample.</summary>
    public string? Property { get; init; }

    /// <summary>How it was produced: "bfs", "dfs", "parallel-bfs", "partitioned-bfs", "random-walk", "script", ...</summary>
    public string? Origin { get; init; }

    /// <summary>The seed of a random walk.</summary>
    public ulong? Seed { get; init; }

    /// <summary>The compact choice path, e.g. <c>0/2/1/4</c> (initial-state index first when it is not 0:
    /// <c>i1:0/2</c>).</summary>
    public string ChoicePath =>
        (Initial != 0 ? $"i{Initial}:" : "") + string.Join('/', Steps.Select(s => s.Choice));

    public int Length => Steps.Length;
}
