using TcpModelCheck.Engine.Checking;

namespace TcpModelCheck.Reports.Comparison;

/// <summary>
/// THE comparison loop, shared by <c>tcpmc compare</c> and the property suite: one search per configuration, in
/// order, each with the same options (breadth-first with exact storage by default, so counterexamples are
/// shortest; the limits apply to each configuration's search). A row cut short by a limit stays in the report,
/// its unsettled verdicts inconclusive with the reason. After a cancellation every remaining configuration is
/// still reported: its search sees the cancelled token at once and every verdict it did not settle is
/// inconclusive ("cancelled") — no configuration is silently missing.
/// </summary>
public static class ComparisonRunner
{
    /// <param name="progress">The progress callback for one configuration's search (null: none).</param>
    /// <param name="rowDone">Called after each configuration, with its row.</param>
    public static ComparisonReport Run(IReadOnlyList<ComparisonCase> cases, CheckOptions? options = null,
        Func<ComparisonCase, int, Action<SearchProgress>?>? progress = null, Action<ComparisonRow>? rowDone = null,
        CancellationToken cancel = default)
    {
        options ??= CheckOptions.Default;
        var rows = new List<ComparisonRow>(cases.Count);
        for (var i = 0; i < cases.Count; i++)
        {
            var row = cases[i].Check(options, progress?.Invoke(cases[i], i), cancel);
            rows.Add(row);
            rowDone?.Invoke(row);
        }
        return new ComparisonReport(rows);
    }
}
