using TcpModelCheck.Engine.Simulation;

namespace TcpModelCheck.Engine.Schedules;

/// <summary>
/// Coverage-guided runs, the way fuzzers (AFL) and Coyote's strategies keep what was new: the coverage of a run is
/// the set of (state kind, action kind) pairs along its path — the model's abstraction of a state (e.g. both
/// endpoints' connection states) and the kind of the action taken there. A run that reaches a pair no earlier run
/// did joins the corpus. Half the runs are fresh uniform draws; the other half mutate a corpus entry: redraw a range
/// of it, insert a drawn range, delete a range, change one step's kind or selector, or splice it with another entry.
/// Run i depends on runs 0..i−1 (the corpus), so a batch is reproducible from its seed when run from its start.
/// </summary>
internal sealed class CoverageRuns<TState, TAction, TKind>(ScheduleInterpreter<TState, TAction, TKind> interpreter, ScheduleShape shape,
    Func<TState, int> stateKind) : IRunSource<TKind> where TState : IEquatable<TState> where TKind : struct, Enum
{
    private readonly HashSet<long> _seen = [];
    private readonly List<Schedule<TKind>> _corpus = [];

    /// <summary>Distinct (state kind, action kind) pairs reached so far.</summary>
    public int Pairs => _seen.Count;

    public (Schedule<TKind>, ScheduleOutcome) Next(int index, ulong runSeed)
    {
        var rng = new SplitMix64(runSeed);
        var schedule = _corpus.Count == 0 || rng.NextInt(2) == 0 ? shape.Draw(interpreter.Kinds, ref rng) : Mutate(ref rng);
        var outcome = interpreter.Execute(schedule);
        if (Record()) _corpus.Add(schedule);
        return (schedule, outcome);
    }

    /// <summary>Adds the pairs of the interpreter's last path; true when one was new.</summary>
    private bool Record()
    {
        var runner = interpreter.Runner;
        var fresh = false;
        for (var i = 0; i < runner.Actions.Count; i++)
        {
            var pair = (long)stateKind(runner.States[i]) << 8 | (uint)ScheduleKinds<TKind>.Index(interpreter.Classify(runner.Actions[i]));
            fresh |= _seen.Add(pair);
        }
        return fresh;
    }

    private Schedule<TKind> Mutate(ref SplitMix64 rng)
    {
        var parent = _corpus[rng.NextInt(_corpus.Count)].Intents.ToList();
        var fresh = shape.Draw(interpreter.Kinds, ref rng).Intents;
        var n = parent.Count;
        var at = n == 0 ? 0 : rng.NextInt(n);
        var span = 1 + rng.NextInt(Math.Max(1, Math.Min(16, n - at)));
        switch (rng.NextInt(5))
        {
            case 0:   // redraw a range
                for (var i = at; i < Math.Min(n, at + span); i++) parent[i] = fresh[i - at];
                break;
            case 1:   // insert a drawn range
                parent.InsertRange(at, fresh.Take(span));
                break;
            case 2:   // delete a range
                if (n > 0) parent.RemoveRange(at, Math.Min(span, n - at));
                break;
            case 3:   // one step: another kind or another selector
                if (n > 0) parent[at] = rng.NextInt(2) == 0 ? parent[at] with { Kind = fresh[0].Kind } : parent[at] with { K = fresh[0].K };
                break;
            default:  // splice: this entry's head with another's tail
                var other = _corpus[rng.NextInt(_corpus.Count)].Intents;
                var cut = other.Length == 0 ? 0 : rng.NextInt(other.Length);
                parent = [.. parent.Take(at), .. other.Skip(cut)];
                break;
        }
        if (parent.Count > shape.Length) parent.RemoveRange(shape.Length, parent.Count - shape.Length);
        return new Schedule<TKind>(interpreter.Kinds, parent);
    }
}
