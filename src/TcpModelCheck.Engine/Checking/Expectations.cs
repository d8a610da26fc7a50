namespace TcpModelCheck.Engine.Checking;

/// <summary>One expected verdict that is not <c>holds</c>, with the one-line reason a reader needs.</summary>
/// <param name="Configuration">The configuration the verdict is expected of: the matrix entry itself (or whatever
/// key the model family uses), never a display name that could drift away from the configuration it names.</param>
/// <param name="Property">The property's name.</param>
/// <param name="Verdict">The verdict the model is expected to give.</param>
/// <param name="Why">One line: why the model finds this (the scenario of the counterexample).</param>
public sealed record Expectation<TKey>(TKey Configuration, string Property, Verdict Verdict, string Why) where TKey : notnull;

/// <summary>
/// A table of expected verdicts in which every cell not listed is expected to hold. Only the exceptions are
/// written down, each with its reason, so the table reads as a list of findings.
/// </summary>
public sealed class ExpectationTable<TKey> where TKey : notnull
{
    private readonly Dictionary<(TKey, string), Expectation<TKey>> _cells = new();

    public ExpectationTable(IEnumerable<Expectation<TKey>> exceptions)
    {
        foreach (var e in exceptions)
        {
            if (e.Verdict == Verdict.Holds) throw new ArgumentException($"{e.Configuration} × {e.Property}: list only cells that do not hold");
            if (string.IsNullOrWhiteSpace(e.Why)) throw new ArgumentException($"{e.Configuration} × {e.Property}: every exception needs a reason");
            if (!_cells.TryAdd((e.Configuration, e.Property), e))
                throw new ArgumentException($"{e.Configuration} × {e.Property} is listed twice");
        }
    }

    public static ExpectationTable<TKey> Empty { get; } = new([]);

    public IEnumerable<Expectation<TKey>> Exceptions => _cells.Values;

    /// <summary>The expected verdict of a cell and its reason (null for <c>holds</c>). A configuration the table
    /// does not know (null: not a matrix entry) is expected to satisfy every property.</summary>
    public (Verdict Verdict, string? Why) For(TKey? configuration, string property) =>
        configuration is not null && _cells.TryGetValue((configuration, property), out var e) ? (e.Verdict, e.Why) : (Verdict.Holds, null);
}
