using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Engine.Model;
using TcpModelCheck.Engine.Tests.Models;
using TcpModelCheck.Engine.Tests.Reference;

namespace TcpModelCheck.Engine.Tests.Strategies;

/// <summary>A model that writes successor encodings directly (<see cref="IEncodedSuccessors{TState,TAction}"/>): the
/// fingerprint search uses them instead of building successors, with the same results, and its self-check stops a
/// search whose model gets them wrong; invariants and witnesses with an encoded form are judged without decoding.</summary>
public class EncodedSuccessorTests
{
    private static CheckOptions Options(int threads, StorageMode storage = StorageMode.Fingerprint) => new()
    {
        Strategy = threads == 1 ? SearchStrategy.BreadthFirst : SearchStrategy.ParallelBreadthFirst,
        Threads = threads,
        Storage = storage,
        StopWhenAllSettled = false,
    };

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void The_fingerprint_search_uses_them_and_finds_what_it_finds_with_objects(int threads)
    {
        var model = new EncodedBitFlipModel(14);
        var r = ModelChecker.Check(model, Options(threads));
        var plain = new BitFlipModel(14, padding: 8);
        var p = ModelChecker.Check(plain, Options(threads));
        var s = r.Statistics;
        Assert.Equal((16_384L, 14L * 16_384, 14), (s.DistinctStates, s.Transitions, s.MaxDepth));
        Assert.Equal((p.Statistics.DistinctStates, p.Statistics.Transitions), (s.DistinctStates, s.Transitions));
        Assert.Equal(14L * 16_384, model.NextEncodedCalls);
        Assert.True(model.NextCalls <= threads * IEncodedSuccessors<BitWord, int>.SelfCheckedTransitions + 100,
            $"successors built: {model.NextCalls}");
        // each state decoded once, to be expanded; new states judged on their encodings: beyond that only the first
        // 4,096 new states (comparing the two forms of the properties) and the queue's own first 4,096 checks decode
        // (decoding every new state for its invariants would make it 2 × 16,384)
        Assert.True(model.DecodeCalls <= 16_384 + 2 * 4_096 + 100, $"decoded: {model.DecodeCalls}");
        foreach (var (name, length) in new[] { ("not-all-ones", 14), ("low-three-not-set", 3), ("never-clears-bit-0", 2) })
        {
            Assert.Equal(length, Expect.SafetyViolation(model, r, name).Length);
            Assert.Equal(length, Expect.SafetyViolation(plain, p, name).Length);
        }
        Expect.Verdict(r, "half-set", Verdict.Holds);
    }

    [Fact]
    public void Exact_storage_builds_the_successors()
    {
        var model = new EncodedBitFlipModel(10);
        var r = ModelChecker.Check(model, Options(1, StorageMode.Exact));
        Assert.Equal(1_024L, r.Statistics.DistinctStates);
        Assert.Equal(0, model.NextEncodedCalls);
    }

    [Theory]
    [InlineData(EncodedFault.WrongBytes, "NextEncoded(s, a) differs from Encode(Next(s, a))")]
    [InlineData(EncodedFault.WrongEdgeCheck, "'never-clears-bit-0' judges the edge")]
    [InlineData(EncodedFault.WrongStateCheck, "'low-three-not-set' judges the state")]
    public void A_model_whose_encoded_successors_disagree_stops_the_search(EncodedFault fault, string message)
    {
        var e = Assert.Throws<InvalidOperationException>(() => ModelChecker.Check(new EncodedBitFlipModel(12, fault), Options(1)));
        Assert.Contains(message, e.Message);
    }
}
