using System.Runtime.CompilerServices;
using TcpModelCheck.Engine.Model;

namespace TcpModelCheck.Engine.Schedules;

/// <summary>
/// The action kinds a model offers to fault schedules: the only thing a model supplies to the generic schedule
/// interpreter, shrinker and search. Each kind has one token word (its text form in a schedule), and is either a
/// fault (it spends a budget; the interpreter falls back to an ordinary step when none is enabled, the shrinker
/// weakens it) or an ordinary step. <typeparamref name="TKind"/>'s values must be 0, 1, 2, … in the order given,
/// so a kind is its own index. Some kinds may be marked held: events in transit (a message delivery) that the hold
/// and priority strategies may hold back (<see cref="HoldChooser{TState, TAction, TKind}"/>).
/// </summary>
public sealed class ScheduleKinds<TKind> where TKind : struct, Enum
{
    private readonly bool[] _fault;
    private readonly bool[] _held;

    /// <param name="kinds">Every kind, in value order, with its token word and whether it is a fault.</param>
    /// <param name="milder">The ordinary kinds a fault is weakened to when shrinking, in the order tried.</param>
    /// <param name="held">The kinds whose actions the hold strategies may hold back: deliveries of messages in
    /// transit, the events whose order a network (and P's and Coyote's schedulers) leaves open. Null: every kind.</param>
    public ScheduleKinds((TKind Kind, string Name, bool Fault)[] kinds, TKind[] milder, TKind[]? held = null)
    {
        for (var i = 0; i < kinds.Length; i++)
            if (Index(kinds[i].Kind) != i) throw new ArgumentException($"kind {kinds[i].Kind} must have value {i}", nameof(kinds));
        if (kinds.Length != Enum.GetValues<TKind>().Length) throw new ArgumentException("every kind needs a row", nameof(kinds));
        Names = new NameTable<TKind>("a schedule step", [.. kinds.Select(k => (k.Kind, k.Name))]);
        All = [.. kinds.Select(k => k.Kind)];
        _fault = [.. kinds.Select(k => k.Fault)];
        Milder = milder;
        _held = [.. kinds.Select(k => held is null || held.Contains(k.Kind))];
        if (milder.Any(IsFault)) throw new ArgumentException("a fault is weakened to ordinary kinds only", nameof(milder));
    }

    /// <summary>The token words.</summary>
    public NameTable<TKind> Names { get; }

    /// <summary>Every kind, in value order.</summary>
    public IReadOnlyList<TKind> All { get; }

    public int Count => All.Count;

    /// <summary>The ordinary kinds a fault is weakened to when shrinking, in the order tried.</summary>
    public IReadOnlyList<TKind> Milder { get; }

    /// <summary>True for the kinds that spend a fault budget.</summary>
    public bool IsFault(TKind kind) => _fault[Index(kind)];

    /// <summary>True for the kinds whose actions the hold strategies may hold back (all unless the model names some).</summary>
    public bool IsHeld(TKind kind) => _held[Index(kind)];

    /// <summary>The value of <paramref name="kind"/> as an index (the kinds are 0, 1, 2, …).</summary>
    public static int Index(TKind kind) => Unsafe.SizeOf<TKind>() switch
    {
        1 => Unsafe.As<TKind, byte>(ref kind),
        2 => Unsafe.As<TKind, ushort>(ref kind),
        _ => Unsafe.As<TKind, int>(ref kind),
    };

    /// <summary>The compact token of an intent, e.g. <c>deliver2</c>, <c>tick</c> (a zero selector is left out).</summary>
    public string Format(Intent<TKind> intent) =>
        intent.K == 0 ? Names.Name(intent.Kind) : Names.Name(intent.Kind) + intent.K.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Parses one token (<see cref="Format"/>'s form, any letter case); null when it is not one.</summary>
    public Intent<TKind>? TryParse(string token)
    {
        var split = 0;
        while (split < token.Length && char.IsAsciiLetter(token[split])) split++;
        var word = token[..split].ToLowerInvariant();
        var digits = token[split..];
        var k = 0;
        if (digits.Length > 0 && (digits.Length > 6 || !digits.All(char.IsAsciiDigit) || !int.TryParse(digits, out k)))
            return null;
        return Names.TryParse(word) is { } kind ? new Intent<TKind>(kind, k) : null;
    }

    /// <summary>Parses a schedule's text form (space- or comma-separated tokens, <c>-</c> for the empty schedule);
    /// throws <see cref="FormatException"/> naming the first bad token.</summary>
    public Schedule<TKind> Parse(string text)
    {
        var tokens = text.Split([' ', '\t', '\r', '\n', ','], StringSplitOptions.RemoveEmptyEntries);
        if (tokens is ["-"]) return Empty;
        var intents = new Intent<TKind>[tokens.Length];
        for (var i = 0; i < tokens.Length; i++)
            intents[i] = TryParse(tokens[i]) ?? throw new FormatException(
                $"schedule step {i + 1}: '{tokens[i]}' is not one of {string.Join(", ", Names.Names)} (optionally followed by a number)");
        return new(this, intents);
    }

    /// <summary>The schedule of no steps.</summary>
    public Schedule<TKind> Empty => new(this, []);
}
