using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Engine.Model;

namespace TcpModelCheck.Reports.Comparison;

/// <summary>A configuration to compare: its names and a factory for its model (built lazily, so a long list
/// of configurations does not hold every model at once).</summary>
public sealed record ComparisonCase<TState, TAction>(string Configuration, string Variant, string Workload,
    Func<IModel<TState, TAction>> Model) where TState : IEquatable<TState>;

/// <summary>
/// Runs one exhaustive check per configuration (breadth-first with exact storage by default, so
/// counterexamples are shortest and no state is missed) and collects the verdicts into a report. One
/// search per configuration checks all selected properties at once: the distinct-state count and the time
/// are those of that search.
/// </summary>
public static class ComparisonRunner
{
    public static ComparisonReport Run<TState, TAction>(IEnumerable<ComparisonCase<TState, TAction>> cases,
        ExpectationTable expected, CheckOptions? options = null, Action<ComparisonRow>? rowDone = null,
        CancellationToken cancel = default) where TState : IEquatable<TState>
    {
        var rows = new List<ComparisonRow>();
        foreach (var c in cases)
        {
            var result = ModelChecker.Check(c.Model(), options, cancel: cancel);
            var row = ComparisonRow.From(c.Configuration, c.Variant, c.Workload, result, expected);
            rows.Add(row);
            rowDone?.Invoke(row);
        }
        return new ComparisonReport(rows);
    }
}
