using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Engine.Model;
using TcpModelCheck.Explorer.Paths;
using TcpModelCheck.Tcp;

namespace TcpModelCheck.Explorer.Search;

/// <summary>What "find from here" found for one property.</summary>
/// <param name="Verdict">"violated" (a continuation breaks it), "reached" (a continuation reaches the witness),
/// "holds" (no continuation within the whole reachable space breaks it), "not-reachable" (a witness no
/// continuation reaches), or "inconclusive" (the state limit cut the search short: nothing is claimed).</param>
/// <param name="Path">The whole choice path (the explorer's path followed by the continuation), or null.</param>
/// <param name="Continuation">The labels of the continuation's steps.</param>
/// <param name="LoopStart">For a liveness counterexample: the step (of the whole path) after which its loop starts.</param>
public sealed record FindResult(string Property, string Verdict, string? Reason, string? Path, IReadOnlyList<string> Continuation,
    int? LoopStart, long States, long Transitions, double Seconds);

/// <summary>
/// "Find from here": a breadth-first search of the model rooted at the end of a path, for one property, so the
/// continuation it returns is the shortest one. Bounded by a state limit (a search cut short says
/// inconclusive); one search at a time per server (the machine's cores are the limit, and two would race).
/// </summary>
public sealed class FindFromHere
{
    /// <summary>The state limit when the request names none, and the most a request may ask for.</summary>
    public const long DefaultMaxStates = 200_000, MaxStatesLimit = 2_000_000;

    private readonly SemaphoreSlim _one = new(1, 1);

    public async Task<FindResult> RunAsync(WalkedPath path, string property, long? maxStates, CancellationToken cancel)
    {
        var p = path.Model.Properties.FirstOrDefault(x => x.Name == property)
            ?? throw new ExplorerInputException($"unknown property '{property}'; properties: {string.Join(", ", path.Model.Properties.Select(x => x.Name))}");
        var limit = maxStates ?? DefaultMaxStates;
        if (limit is < 1 or > MaxStatesLimit)
            throw new ExplorerInputException($"maxStates {limit} is out of range (1..{MaxStatesLimit:N0})");
        await _one.WaitAsync(cancel);
        try
        {
            return await Task.Run(() => Run(path, p, limit, cancel), cancel);
        }
        finally
        {
            _one.Release();
        }
    }

    private static FindResult Run(WalkedPath path, Property<TcpState, TcpAction> p, long limit, CancellationToken cancel)
    {
        var rooted = new RootedModel<TcpState, TcpAction>(path.Model, path.Current);
        var options = new CheckOptions
        {
            Properties = [p.Name],
            Limits = new SearchLimits(MaxStates: limit),
        };
        var result = ModelChecker.Check(rooted, options, null, cancel);
        var r = result[p.Name];
        var s = result.Statistics;
        var found = r.Counterexample ?? r.Witness;
        var verdict = (r.Verdict, p.Kind) switch
        {
            (Verdict.Holds, PropertyKind.Reachable) => "reached",
            (Verdict.Violated, PropertyKind.Reachable) => "not-reachable",
            (Verdict.Holds, _) => "holds",
            (Verdict.Violated, _) => "violated",
            _ => "inconclusive",
        };
        var reason = r.Reason ?? (s.CutShort ? ModelChecker.Describe(s.StopReason, options.Limits) : null);
        return new FindResult(p.Name, verdict, reason,
            found is null ? null : path.Extended(found.Trace.Steps.Select(x => x.Choice)).ToString(),
            found is null ? [] : found.Trace.Steps.Select(x => x.Action).ToList(),
            found?.LoopStart is { } loop ? path.Steps.Count + loop : null,
            s.DistinctStates, s.Transitions, s.Elapsed.TotalSeconds);
    }
}
