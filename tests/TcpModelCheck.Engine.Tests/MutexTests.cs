using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Engine.Tests.Models;
using TcpModelCheck.Engine.Tests.Reference;

namespace TcpModelCheck.Engine.Tests;

/// <summary>Peterson's algorithm (safe) against the two naive flag protocols (unsafe, or deadlocking).</summary>
public class MutexTests
{
    [Fact]
    public void Peterson_is_mutually_exclusive_over_its_twenty_reachable_states()
    {
        var model = new PetersonModel();
        var result = ModelChecker.Check(model);
        Assert.Equal(20, result.Statistics.DistinctStates);   // derived by hand in PetersonModel's remarks
        Assert.Equal(new NaiveSearch<PetersonState, int>(model).Distance.Count, result.Statistics.DistinctStates);
        Assert.Equal(StopReason.None, result.Statistics.StopReason);
        Expect.Verdict(result, "mutex", Verdict.Holds);
        Expect.Verdict(result, "p0-critical", Verdict.Holds);
        Expect.Verdict(result, "both-waiting", Verdict.Holds);
        Expect.Verdict(result, "no-deadlock", Verdict.Holds);
    }

    [Fact]
    public void Peterson_reaches_exactly_the_states_of_the_derivation()
    {
        // The case analysis of PetersonModel's remarks as a predicate over all 4 × 4 × 2 combinations.
        static bool Predicted(byte pc0, byte pc1, byte turn)
        {
            bool Entered(byte pc) => pc >= Peterson.Waiting;
            return (Entered(pc0), Entered(pc1)) switch
            {
                (false, false) => true,                                   // (a)
                (true, false) => turn == 1,                               // (b) 0 wrote turn := 1 last
                (false, true) => turn == 0,
                _ => (pc0, pc1) switch                                    // (c)
                {
                    (Peterson.Waiting, Peterson.Waiting) => true,
                    (Peterson.Critical, Peterson.Waiting) => turn == 0,
                    (Peterson.Waiting, Peterson.Critical) => turn == 1,
                    _ => false,
                },
            };
        }
        var predicted = (from pc0 in Enumerable.Range(0, 4) from pc1 in Enumerable.Range(0, 4) from turn in Enumerable.Range(0, 2)
                         where Predicted((byte)pc0, (byte)pc1, (byte)turn)
                         select new PetersonState((byte)pc0, (byte)pc1, (byte)turn)).ToHashSet();
        Assert.Equal(20, predicted.Count);
        Assert.True(predicted.SetEquals(new NaiveSearch<PetersonState, int>(new PetersonModel()).Reachable));
    }

    [Fact]
    public void Peterson_is_starvation_free_on_its_cyclic_graph()
    {
        var model = new PetersonModel();
        Expect.Verdict(ModelChecker.Check(model), "p0-enters", Verdict.Holds);
    }

    [Fact]
    public void Check_then_set_violates_mutual_exclusion_in_six_steps()
    {
        var model = new NaiveMutexModel(FlagOrder.CheckThenSet);
        var result = ModelChecker.Check(model);
        var cx = Expect.SafetyViolation(model, result, "mutex");
        Assert.Equal(6, cx.Length);   // 3 steps per process to enter (see FlagOrder.CheckThenSet)
        Assert.Equal(new MutexState(3, 3), cx.Final);
        Assert.Equal(new NaiveSearch<MutexState, int>(model).ShortestTo(s => s == new MutexState(3, 3)), cx.Length);
        Expect.Verdict(result, "no-deadlock", Verdict.Holds);
    }

    [Fact]
    public void Check_then_set_reaches_all_sixteen_pc_pairs()
    {
        var result = ModelChecker.Check(new NaiveMutexModel(FlagOrder.CheckThenSet), CheckOptions.Default with { Properties = ["no-deadlock"] });
        Assert.Equal(16, result.Statistics.DistinctStates);
    }

    [Fact]
    public void Set_then_check_is_safe_but_deadlocks_after_two_steps()
    {
        var model = new NaiveMutexModel(FlagOrder.SetThenCheck);
        var result = ModelChecker.Check(model, CheckOptions.Default with { Properties = ["mutex", "no-deadlock", "p0-critical"] });
        Expect.Verdict(result, "mutex", Verdict.Holds);
        Expect.Verdict(result, "p0-critical", Verdict.Holds);
        var cx = Expect.SafetyViolation(model, result, "no-deadlock");
        Assert.Equal(2, cx.Length);
        Assert.Equal(new MutexState(1, 1), cx.Final);
        Assert.Equal(8, result.Statistics.DistinctStates);   // every pc pair in {0,1,2}² but (2,2)
    }
}
