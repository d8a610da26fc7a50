using System.Collections.Immutable;
using System.Globalization;

namespace TcpModelCheck.Engine.Traces;

/// <summary>
/// The compact choice path of a trace as text, <c>0/2/1/4</c>, with the initial-state index first when it is not 0
/// (<c>i1:0/2</c>); the empty text (or <c>(empty)</c>) is the initial state itself. This is the form
/// <see cref="Trace.ChoicePath"/> prints, read back so a user (or a permalink) can name a state by its path.
/// </summary>
public sealed record ChoicePath(int Initial, ImmutableArray<int> Choices)
{
    /// <summary>The longest path accepted: far beyond any counterexample the explorer finds, short enough that a
    /// typo (or a hostile URL) cannot make a replay run for minutes.</summary>
    public const int MaxLength = 10_000;

    /// <summary>Parses <paramref name="text"/>; a malformed path is a one-line <see cref="FormatException"/>
    /// naming the bad piece.</summary>
    public static ChoicePath Parse(string? text)
    {
        var s = (text ?? "").Trim();
        if (s is "" or "(empty)") return new(0, []);
        var initial = 0;
        if (s.StartsWith('i'))
        {
            var colon = s.IndexOf(':');
            if (colon < 0) throw new FormatException($"choice path '{s}': an initial state is written i<n>: before the choices");
            initial = Number(s[1..colon], s);
            s = s[(colon + 1)..];
            if (s == "") return new(initial, []);
        }
        var parts = s.Split('/');
        if (parts.Length > MaxLength) throw new FormatException($"choice path has {parts.Length} steps (at most {MaxLength})");
        return new(initial, [.. parts.Select(p => Number(p, text!))]);
    }

    private static int Number(string piece, string whole)
    {
        if (piece.Length is > 0 and <= 6 && piece.All(char.IsAsciiDigit))
            return int.Parse(piece, CultureInfo.InvariantCulture);
        throw new FormatException($"choice path '{whole.Trim()}': '{piece}' is not a choice index (a number, e.g. 0/2/1)");
    }

    /// <summary>Value equality (an <see cref="ImmutableArray{T}"/> alone compares by reference).</summary>
    public bool Equals(ChoicePath? other) =>
        other is not null && Initial == other.Initial && Choices.AsSpan().SequenceEqual(other.Choices.AsSpan());

    public override int GetHashCode()
    {
        var h = new HashCode();
        h.Add(Initial);
        foreach (var c in Choices) h.Add(c);
        return h.ToHashCode();
    }

    /// <summary>The path as text, the same form <see cref="Trace.ChoicePath"/> gives.</summary>
    public override string ToString() => (Initial != 0 ? $"i{Initial}:" : "") + string.Join('/', Choices);

    /// <summary>Follows the path on <paramref name="model"/> (label checks off). <paramref name="error"/> is the one
    /// line saying where it leaves the model — no such initial state, or the step whose choice is not enabled — worded
    /// the same for every front end (<c>tcpmc actions</c>, the explorer); null when the whole path is followed.</summary>
    public ReplayResult<TState, TAction> Follow<TState, TAction>(Model.IModel<TState, TAction> model, out string? error)
        where TState : IEquatable<TState>
    {
        var replay = Replayer.Replay(model, ToUnlabelledTrace(model.Name), checkLabels: false);
        error = replay.Divergence is not { } d ? null
            : d.Step == 0 ? $"path {this}: there is no initial state #{Initial} ({d.Found})"
            : $"path {this} leaves the model at step {d.Step}: choice {Choices[d.Step - 1]} is not enabled ({d.Found})";
        return replay;
    }

    /// <summary>A trace of these choices with no recorded labels, for <see cref="Replayer.Replay{TState,TAction}"/>
    /// with label checks off: it reports where the path leaves the model (a choice not enabled).</summary>
    public Trace ToUnlabelledTrace(string model) => new()
    {
        Model = model,
        Initial = Initial,
        Steps = [.. Choices.Select(c => new TraceStep(c, ""))],
    };
}
