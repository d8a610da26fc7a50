using System.Collections.Immutable;
using TcpModelCheck.Engine.Traces;
using TcpModelCheck.Tcp;

namespace TcpModelCheck.Explorer.Paths;

/// <summary>One step of a walked path: the choice index, the action it selected, its chart label (the label
/// <c>tcpmc actions</c> prints) and the state it led to.</summary>
public sealed record WalkedStep(int Choice, TcpAction Action, string Label, TcpState State);

/// <summary>
/// A choice path followed on the model: the initial state and every step. The explorer's views are all made
/// from one of these, so the page, the trace export and "find from here" agree on what a path means.
/// </summary>
public sealed class WalkedPath
{
    private WalkedPath(TcpModel model, ChoicePath path, TcpState initial, IReadOnlyList<WalkedStep> steps)
    {
        Model = model;
        Path = path;
        Initial = initial;
        Steps = steps;
    }

    public TcpModel Model { get; }
    public ChoicePath Path { get; }
    public TcpState Initial { get; }
    public IReadOnlyList<WalkedStep> Steps { get; }

    /// <summary>The state after the last step (the initial state for the empty path).</summary>
    public TcpState Current => Steps.Count == 0 ? Initial : Steps[^1].State;

    /// <summary>The state after <paramref name="steps"/> steps (0 = the initial state).</summary>
    public TcpState StateAfter(int steps) => steps == 0 ? Initial : Steps[steps - 1].State;

    /// <summary>Follows the choice path given as text (<c>0/2/1</c>, see <see cref="ChoicePath"/>).</summary>
    /// <exception cref="ExplorerInputException">The text is malformed, or a choice is not enabled where it is taken.</exception>
    public static WalkedPath Follow(TcpModel model, string? text)
    {
        ChoicePath path;
        try
        {
            path = ChoicePath.Parse(text);
        }
        catch (FormatException e)
        {
            throw new ExplorerInputException(e.Message);
        }
        return Follow(model, path);
    }

    /// <summary>Follows <paramref name="path"/>; a choice that is not enabled is input error naming the step, as
    /// <c>tcpmc actions</c> words it.</summary>
    public static WalkedPath Follow(TcpModel model, ChoicePath path)
    {
        var replay = path.Follow(model, out var error);
        if (error is not null) throw new ExplorerInputException(error);
        var state = replay.Initial!;
        var steps = new List<WalkedStep>(replay.Steps.Count);
        foreach (var s in replay.Steps)
        {
            steps.Add(new WalkedStep(s.Choice, s.Action, model.FormatAction(state, s.Action), s.State));
            state = s.State;
        }
        return new WalkedPath(model, path, replay.Initial!, steps);
    }

    /// <summary>The actions enabled at the end of the path, in choice order.</summary>
    public IReadOnlyList<TcpAction> Enabled()
    {
        var actions = new List<TcpAction>();
        Model.Actions(Current, actions);
        return actions;
    }

    /// <summary>The path as a trace file that <c>tcpmc replay</c> accepts: the model's full settings, each step's
    /// choice and label, and the property it violates when there is one (so replay reports it).</summary>
    public Trace ToTrace(string? property = null) => new()
    {
        Model = Model.Name,
        Settings = Model.Settings.ToImmutableSortedDictionary(),
        Initial = Path.Initial,
        Steps = [.. Steps.Select(s => new TraceStep(s.Choice, s.Label))],
        Property = property,
        Origin = "explore",
    };

    /// <summary>The path extended by <paramref name="choices"/> (the continuation "find from here" found).</summary>
    public ChoicePath Extended(IEnumerable<int> choices) => new(Path.Initial, [.. Path.Choices, .. choices]);
}
