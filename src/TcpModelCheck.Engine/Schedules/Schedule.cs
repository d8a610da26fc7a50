using System.Collections.Immutable;

namespace TcpModelCheck.Engine.Schedules;

/// <summary>
/// One step of a fault schedule: a kind of action and a selector <paramref name="K"/> (≥ 0) that picks the
/// <c>K mod n</c>-th of the n enabled actions of that kind, in the model's action order. See
/// <see cref="ScheduleChooser{TState, TAction, TKind}"/> for what happens when no action of the kind is enabled.
/// </summary>
public readonly record struct Intent<TKind>(TKind Kind, int K = 0) where TKind : struct, Enum;

/// <summary>
/// A fault schedule as a value: the sequence of choices one run makes, as <see cref="Intent{TKind}"/>s. Every
/// sequence of intents is a valid schedule (the interpreter never rejects one), which is what lets FsCheck generate
/// them directly and shrink them freely. Structural equality over the intents; one text form
/// (<see cref="ToString"/>, read back by <see cref="ScheduleKinds{TKind}.Parse"/>).
/// </summary>
public sealed class Schedule<TKind> : IEquatable<Schedule<TKind>> where TKind : struct, Enum
{
    public Schedule(ScheduleKinds<TKind> kinds, IEnumerable<Intent<TKind>> intents)
    {
        Kinds = kinds;
        Intents = [.. intents];
        foreach (var i in Intents)
            if (i.K < 0 || (uint)ScheduleKinds<TKind>.Index(i.Kind) >= (uint)kinds.Count)
                throw new ArgumentException($"invalid schedule step '{i.Kind} {i.K}'", nameof(intents));
    }

    /// <summary>The kinds the intents are drawn from (their names and which are faults).</summary>
    public ScheduleKinds<TKind> Kinds { get; }

    public ImmutableArray<Intent<TKind>> Intents { get; }

    public int Length => Intents.Length;

    public Intent<TKind> this[int index] => Intents[index];

    /// <summary>How many steps spend a fault budget: the second component of the shrinking order.</summary>
    public int Faults => Intents.Count(i => Kinds.IsFault(i.Kind));

    /// <summary>The sum of the selectors: the third component of the shrinking order (see <see cref="ScheduleShrinker"/>).</summary>
    public long SelectorSum => Intents.Sum(i => (long)i.K);

    /// <summary>The same kinds with other intents.</summary>
    public Schedule<TKind> With(IEnumerable<Intent<TKind>> intents) => new(Kinds, intents);

    /// <summary>The first <paramref name="count"/> steps.</summary>
    public Schedule<TKind> Take(int count) => count >= Length ? this : With(Intents[..count]);

    /// <summary>Space-separated tokens, e.g. <c>app app deliver1 lose tick</c> (empty schedule: <c>-</c>).</summary>
    public override string ToString() => Length == 0 ? "-" : string.Join(' ', Intents.Select(Kinds.Format));

    public bool Equals(Schedule<TKind>? other) =>
        other is not null && (ReferenceEquals(this, other) || Intents.AsSpan().SequenceEqual(other.Intents.AsSpan()));

    public override bool Equals(object? obj) => obj is Schedule<TKind> s && Equals(s);

    public override int GetHashCode()
    {
        var h = new HashCode();
        foreach (var i in Intents) h.Add(i);
        return h.ToHashCode();
    }
}
