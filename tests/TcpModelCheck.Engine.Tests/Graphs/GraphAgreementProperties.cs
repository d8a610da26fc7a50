using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Engine.Tests.Reference;

namespace TcpModelCheck.Engine.Tests.Graphs;

/// <summary>
/// Every strategy and storage mode on the same random graph: the same reachable state set, the same verdicts,
/// valid counterexamples, and — for both breadth-first strategies — counterexamples of the same, shortest,
/// length. Depth-first counterexamples may be longer, but must still be real violations.
/// </summary>
public class GraphAgreementProperties
{
    private static readonly SearchStrategy[] Strategies =
        [SearchStrategy.BreadthFirst, SearchStrategy.DepthFirst, SearchStrategy.ParallelBreadthFirst];

    private static CheckOptions Options(SearchStrategy strategy, StorageMode storage, IReadOnlyList<string>? properties) =>
        CheckOptions.Default with { Strategy = strategy, Storage = storage, Threads = 2, Properties = properties };

    [Fact]
    public void All_strategies_agree_on_states_and_verdicts_of_every_property() => GraphCheck.ForAll(g =>
    {
        var model = new GraphModel(g);
        var naive = new NaiveSearch<int, int>(model);
        var reference = ModelChecker.Check(model);   // breadth-first; liveness makes every search complete
        foreach (var strategy in Strategies.Skip(1))
        {
            var result = ModelChecker.Check(model, Options(strategy, StorageMode.Exact, null));
            Assert.Equal(StopReason.None, result.Statistics.StopReason);
            Assert.Equal(naive.Distance.Count, result.Statistics.DistinctStates);
            Assert.Equal(naive.Transitions, result.Statistics.Transitions);
            AssertSameVerdicts(model, reference, result, strategy);
        }
    });

    [Fact]
    public void Fingerprint_storage_agrees_with_exact_storage_for_every_strategy() => GraphCheck.ForAll(g =>
    {
        var model = new GraphModel(g);
        IReadOnlyList<string> properties = [.. GraphModel.Safety, .. model.ReachNames];
        foreach (var strategy in Strategies)
        {
            var exact = ModelChecker.Check(model, Options(strategy, StorageMode.Exact, properties));
            var hashed = ModelChecker.Check(model, Options(strategy, StorageMode.Fingerprint, properties));
            Assert.Equal(StorageMode.Fingerprint, hashed.Statistics.Storage);
            Assert.NotNull(hashed.Statistics.MissProbability);
            Assert.InRange(hashed.Statistics.MissProbability!.Value, 0, 1e-15);   // ≤ 9 states in a 2^64 space
            if (exact.Statistics.StopReason == StopReason.None && hashed.Statistics.StopReason == StopReason.None)
                Assert.Equal(exact.Statistics.DistinctStates, hashed.Statistics.DistinctStates);
            AssertSameVerdicts(model, exact, hashed, strategy);
        }
    });

    [Fact]
    public void Fingerprint_storage_refuses_liveness_with_a_clear_error()
    {
        var model = new GraphModel(new GraphSpec([[]], [0], [NodeMark.Goal]));
        var e = Assert.Throws<ArgumentException>(() =>
            ModelChecker.Check(model, Options(SearchStrategy.BreadthFirst, StorageMode.Fingerprint, GraphModel.Liveness)));
        Assert.Contains("exact storage", e.Message);
    }

    /// <summary>Same verdict per property; each counterexample or witness of <paramref name="other"/> is valid; for
    /// the breadth-first strategies safety counterexamples and witnesses are as long as the reference's.</summary>
    private static void AssertSameVerdicts(GraphModel model, CheckResult<int, int> reference, CheckResult<int, int> other,
        SearchStrategy strategy)
    {
        var shortest = strategy != SearchStrategy.DepthFirst;
        foreach (var r in reference.Properties)
        {
            var o = Expect.Verdict(other, r.Name, r.Verdict);
            if (r.Verdict == Verdict.Violated && r.Property.IsSafety)
            {
                var cx = Expect.SafetyViolation(model, other, r.Name);
                if (shortest) Assert.Equal(r.Counterexample!.Length, cx.Length);
            }
            else if (r.Verdict == Verdict.Violated && r.Property.IsLiveness) Expect.LivenessViolation(model, other, r.Name);
            else if (r.Witness is { } w)
            {
                Expect.IsValidPath(model, o.Witness!);
                Assert.Equal(w.Final, o.Witness!.Final);
                if (shortest) Assert.Equal(w.Length, o.Witness.Length);
            }
        }
    }
}
