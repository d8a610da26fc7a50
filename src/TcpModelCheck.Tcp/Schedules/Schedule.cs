using System.Collections.Immutable;

namespace TcpModelCheck.Tcp.Schedules;

/// <summary>
/// A fault schedule as a value: the sequence of choices one run makes, as <see cref="Intent"/>s. Every
/// sequence of intents is a valid schedule (the interpreter never rejects one), which is what lets FsCheck
/// generate them directly and shrink them freely. Structural equality; one text form (see <see cref="Parse"/>).
/// </summary>
public sealed class Schedule : IEquatable<Schedule>
{
    public Schedule(ImmutableArray<Intent> intents)
    {
        Intents = intents.IsDefault ? [] : intents;
        foreach (var i in Intents)
            if (i.K < 0 || i.Kind > IntentKind.Delay) throw new ArgumentException($"invalid schedule step '{i.Kind} {i.K}'", nameof(intents));
    }

    public Schedule(IEnumerable<Intent> intents) : this(intents.ToImmutableArray()) { }

    public static Schedule Empty { get; } = new(ImmutableArray<Intent>.Empty);

    public ImmutableArray<Intent> Intents { get; }

    public int Length => Intents.Length;

    public Intent this[int index] => Intents[index];

    /// <summary>How many steps spend a fault budget (losses, duplications, crashes).</summary>
    public int Faults => Intents.Count(i => i.IsFault);

    /// <summary>The sum of the selectors: the third component of the shrinking order (see <see cref="ScheduleShrinker"/>).</summary>
    public long SelectorSum => Intents.Sum(i => (long)i.K);

    /// <summary>The first <paramref name="count"/> steps.</summary>
    public Schedule Take(int count) => count >= Length ? this : new(Intents[..count]);

    /// <summary>Space-separated tokens, e.g. <c>app app deliver1 lose tick</c> (empty schedule: <c>-</c>).</summary>
    public override string ToString() => Length == 0 ? "-" : string.Join(' ', Intents);

    /// <summary>Parses <see cref="ToString"/>'s form; throws <see cref="FormatException"/> naming the first bad token.</summary>
    public static Schedule Parse(string text)
    {
        var tokens = text.Split([' ', '\t', '\r', '\n', ','], StringSplitOptions.RemoveEmptyEntries);
        if (tokens is ["-"]) return Empty;
        var intents = ImmutableArray.CreateBuilder<Intent>(tokens.Length);
        for (var i = 0; i < tokens.Length; i++)
            intents.Add(Intent.TryParse(tokens[i]) ?? throw new FormatException(
                $"schedule step {i + 1}: '{tokens[i]}' is not one of deliver, lose, dup, tick, app, timeout, crash, delay (optionally followed by a number)"));
        return new(intents.MoveToImmutable());
    }

    public bool Equals(Schedule? other) =>
        other is not null && (ReferenceEquals(this, other) || Intents.AsSpan().SequenceEqual(other.Intents.AsSpan()));

    public override bool Equals(object? obj) => obj is Schedule s && Equals(s);

    public override int GetHashCode()
    {
        var h = new HashCode();
        foreach (var i in Intents) h.Add(i);
        return h.ToHashCode();
    }
}
