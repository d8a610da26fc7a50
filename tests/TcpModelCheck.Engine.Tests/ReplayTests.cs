using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Engine.Simulation;
using TcpModelCheck.Engine.Tests.Models;
using TcpModelCheck.Engine.Traces;

namespace TcpModelCheck.Engine.Tests;

/// <summary>Replay re-executes a trace and names the first step where the model no longer matches it.</summary>
public class ReplayTests
{
    private readonly WaterJugsModel _jugs = new();

    /// <summary>The 6-step solution: fill big, pour, empty small, pour, fill big, pour — choices 1/2/1/3/1/3, as only
    /// the actions that change the state are enabled, in <see cref="JugAction"/> order.</summary>
    private Trace Solution => ModelChecker.Check(_jugs)["no-target"].Counterexample!.Trace;

    private static Trace WithStep(Trace t, int step, TraceStep replacement) =>
        t with { Steps = t.Steps.SetItem(step - 1, replacement) };

    [Fact]
    public void An_unedited_trace_matches_and_reproduces_every_state()
    {
        var r = Replayer.Replay(_jugs, Solution);
        Assert.True(r.Matches);
        Assert.Equal("1/2/1/3/1/3", Solution.ChoicePath);
        Assert.Equal(new Jugs(0, 0), r.Initial);
        Assert.Equal(
            [new Jugs(0, 5), new Jugs(3, 2), new Jugs(0, 2), new Jugs(2, 0), new Jugs(2, 5), new Jugs(3, 4)],
            r.Steps.Select(s => s.State));
    }

    [Fact]
    public void An_out_of_range_choice_diverges_at_its_step()
    {
        var r = Replayer.Replay(_jugs, WithStep(Solution, 3, new TraceStep(99, "EmptySmall")));
        Assert.False(r.Matches);
        Assert.Equal(3, r.Divergence!.Step);
        Assert.Contains("choice 99", r.Divergence.Expected);
        Assert.Equal("only 4 enabled action(s)", r.Divergence.Found);   // in (3,2): fill big, empty small, empty big, pour small→big
        Assert.Equal(2, r.Steps.Count);   // the prefix that did match
        Assert.StartsWith("diverges at step 3:", r.Divergence.ToString());
    }

    [Fact]
    public void A_recorded_label_that_differs_from_the_model_diverges_at_its_step()
    {
        var r = Replayer.Replay(_jugs, WithStep(Solution, 2, new TraceStep(2, "Teleport")));
        Assert.Equal(2, r.Divergence!.Step);
        Assert.Contains("Teleport", r.Divergence.Expected);
        Assert.Equal("PourBigIntoSmall", r.Divergence.Found);
    }

    [Fact]
    public void An_in_range_choice_edited_to_another_action_is_caught_by_its_label()
    {
        var edited = WithStep(Solution, 5, Solution.Steps[4] with { Choice = 0 });   // "FillBig" recorded, choice 0 is FillSmall
        var r = Replayer.Replay(_jugs, edited);
        Assert.Equal(5, r.Divergence!.Step);
        Assert.Equal("choice 0 = FillBig", r.Divergence.Expected);
        Assert.Equal("FillSmall", r.Divergence.Found);
    }

    [Fact]
    public void Without_label_checks_a_bare_choice_script_replays()
    {
        var script = Solution with { Steps = [.. Solution.Steps.Select(s => new TraceStep(s.Choice, ""))] };
        var r = Replayer.Replay(_jugs, script, checkLabels: false);
        Assert.True(r.Matches);
        Assert.Equal(new Jugs(3, 4), r.Steps[^1].State);
    }

    [Fact]
    public void A_step_beyond_a_deadlock_diverges_with_no_enabled_action()
    {
        var model = new NaiveMutexModel(FlagOrder.SetThenCheck);
        var deadlock = Replayer.Record(model, 0, [0, 1]);
        var r = Replayer.Replay(model, deadlock with { Steps = deadlock.Steps.Add(new TraceStep(0, "p0:1->2")) });
        Assert.Equal(3, r.Divergence!.Step);
        Assert.Equal("no enabled action", r.Divergence.Found);
    }

    [Fact]
    public void A_trace_of_another_model_diverges_at_the_initial_state()
    {
        var r = Replayer.Replay(new PetersonModel(), Solution);
        Assert.Equal(0, r.Divergence!.Step);
        Assert.Equal("model 'water-jugs'", r.Divergence.Expected);
        Assert.Equal("model 'peterson'", r.Divergence.Found);
        Assert.StartsWith("diverges at the initial state", r.Divergence.ToString());
    }

    [Fact]
    public void A_trace_of_the_same_model_with_other_settings_diverges_at_the_initial_state()
    {
        // Recorded on the alternating-bit protocol; the labels would match on the variant without the bit,
        // but the run would mean something else there.
        var withBit = new AlternatingBitModel(useBit: true);
        var trace = Replayer.Record(withBit, 0, [0, 0, 0]);
        var r = Replayer.Replay(new AlternatingBitModel(useBit: false), trace);
        Assert.Equal(0, r.Divergence!.Step);
        Assert.Contains("bit=on", r.Divergence.Expected);
        Assert.Contains("bit=off", r.Divergence.Found);
    }

    [Fact]
    public void An_initial_state_index_out_of_range_diverges_at_the_initial_state()
    {
        var r = Replayer.Replay(_jugs, Solution with { Initial = 5 });
        Assert.Equal(0, r.Divergence!.Step);
        Assert.Equal("only 1 initial state(s)", r.Divergence.Found);
    }

    [Fact]
    public void Negative_indices_in_a_trace_built_in_code_diverge_instead_of_crashing()
    {
        // TraceJson rejects them in files; a Trace value built in code can still carry them.
        Assert.Equal(0, Replayer.Replay(_jugs, Solution with { Initial = -1 }).Divergence!.Step);
        var r = Replayer.Replay(_jugs, WithStep(Solution, 2, new TraceStep(-1, "PourBigIntoSmall")));
        Assert.Equal(2, r.Divergence!.Step);
        Assert.Contains("choice -1", r.Divergence.Expected);
    }

    [Fact]
    public void Consumers_of_a_diverging_trace_fail_with_the_divergence_in_one_line()
    {
        var bad = WithStep(Solution, 3, new TraceStep(99, "EmptySmall"));
        var e = Assert.Throws<InvalidOperationException>(() => Replayer.ToCounterexample(_jugs, bad));
        Assert.Contains("diverges at step 3", e.Message);
        Assert.DoesNotContain('\n', e.Message);
        Assert.Throws<InvalidOperationException>(() => Simulator.FirstViolation(_jugs, bad));
    }

    [Fact]
    public void Recording_a_choice_that_is_not_enabled_is_refused()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Replayer.Record(_jugs, 0, [1, 7]));
        Assert.Contains("step 2", e.Message);
    }
}
