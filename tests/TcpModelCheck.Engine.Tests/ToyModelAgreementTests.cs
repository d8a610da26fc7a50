using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Engine.Model;
using TcpModelCheck.Engine.Tests.Models;
using TcpModelCheck.Engine.Tests.Reference;

namespace TcpModelCheck.Engine.Tests;

/// <summary>
/// Every toy model under every strategy and storage mode gives the verdicts and state count of breadth-first
/// search with exact storage; breadth-first strategies give counterexamples of the same (shortest) length,
/// depth-first ones valid counterexamples. (Fingerprint storage cannot check liveness: it gets the other
/// properties.)
/// </summary>
public class ToyModelAgreementTests
{
    public static TheoryData<string, SearchStrategy, StorageMode> Cases()
    {
        var data = new TheoryData<string, SearchStrategy, StorageMode>();
        foreach (var model in new[] { "jugs", "peterson", "check-then-set", "set-then-check", "abp", "abp-no-bit", "retry", "retry-stale", "torus" })
            foreach (var strategy in Enum.GetValues<SearchStrategy>())
                foreach (var storage in Enum.GetValues<StorageMode>())
                    if (strategy != SearchStrategy.BreadthFirst || storage != StorageMode.Exact)
                        data.Add(model, strategy, storage);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Agrees_with_breadth_first_exact_search(string model, SearchStrategy strategy, StorageMode storage)
    {
        switch (model)
        {
            case "jugs": AssertAgrees(new WaterJugsModel(), strategy, storage); break;
            case "peterson": AssertAgrees(new PetersonModel(), strategy, storage); break;
            case "check-then-set": AssertAgrees(new NaiveMutexModel(FlagOrder.CheckThenSet), strategy, storage); break;
            case "set-then-check": AssertAgrees(new NaiveMutexModel(FlagOrder.SetThenCheck), strategy, storage); break;
            case "abp": AssertAgrees(new AlternatingBitModel(), strategy, storage); break;
            case "abp-no-bit": AssertAgrees(new AlternatingBitModel(useBit: false), strategy, storage); break;
            case "retry": AssertAgrees(new VersionedRetryModel(adoptVersion: true), strategy, storage); break;
            case "retry-stale": AssertAgrees(new VersionedRetryModel(adoptVersion: false), strategy, storage); break;
            case "torus": AssertAgrees(new TorusModel(30), strategy, storage); break;
            default: throw new ArgumentException(model);
        }
    }

    private static void AssertAgrees<TState, TAction>(IModel<TState, TAction> model, SearchStrategy strategy, StorageMode storage)
        where TState : IEquatable<TState>
    {
        IReadOnlyList<string> names = model.Properties.Where(p => storage == StorageMode.Exact || !p.IsLiveness).Select(p => p.Name).ToList();
        var options = CheckOptions.Default with { Properties = names, StopWhenAllSettled = false, Threads = 2 };
        var reference = ModelChecker.Check(model, options);
        var result = ModelChecker.Check(model, options with { Strategy = strategy, Storage = storage });
        Assert.Equal(StopReason.None, reference.Statistics.StopReason);
        Assert.Equal(StopReason.None, result.Statistics.StopReason);
        Assert.Equal(reference.Statistics.DistinctStates, result.Statistics.DistinctStates);
        Assert.Equal(reference.Statistics.Transitions, result.Statistics.Transitions);
        Assert.Equal(new NaiveSearch<TState, TAction>(model).Distance.Count, result.Statistics.DistinctStates);
        var shortest = strategy != SearchStrategy.DepthFirst;
        foreach (var r in reference.Properties)
        {
            var o = Expect.Verdict(result, r.Name, r.Verdict);
            if (r.Verdict != Verdict.Violated || r.Counterexample is null) continue;
            var cx = r.Property.IsLiveness ? Expect.LivenessViolation(model, result, r.Name) : Expect.SafetyViolation(model, result, r.Name);
            if (shortest && r.Property.IsSafety) Assert.Equal(r.Counterexample.Length, cx.Length);
            Assert.Same(cx, o.Counterexample);
        }
    }
}
