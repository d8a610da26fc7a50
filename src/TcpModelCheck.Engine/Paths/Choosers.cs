using TcpModelCheck.Engine.Model;
using TcpModelCheck.Engine.Simulation;
using TcpModelCheck.Engine.Traces;

namespace TcpModelCheck.Engine.Paths;

/// <summary>Uniform random choice from a seed (SplitMix64): the first draw picks the initial state, each further
/// draw one of the enabled actions. The same seed gives the same path on every runtime.</summary>
public sealed class RandomChooser<TState, TAction>(ulong seed) : IChooser<TState, TAction>
{
    private SplitMix64 _rng = new(seed);

    public ulong Seed { get; } = seed;

    public int ChooseInitial(int count) => _rng.NextInt(count);

    public int Choose(in TState state, IReadOnlyList<TAction> enabled, int step) =>
        enabled.Count == 0 ? Chooser.Stop : _rng.NextInt(enabled.Count);
}

/// <summary>
/// Follows a recorded trace: its initial state, then its choices in order, comparing each recorded action label
/// with the model's (unless the trace carries none, or <c>checkLabels</c> is false). Stops when the choices are
/// used up; a choice that is not enabled, or whose label differs, is a divergence naming the step.
/// </summary>
public sealed class ScriptChooser<TState, TAction>(IModel<TState, TAction> model, Trace trace, bool checkLabels = true)
    : IChooser<TState, TAction> where TState : IEquatable<TState>
{
    public Divergence? Divergence { get; private set; }

    public int ChooseInitial(int count)
    {
        if ((uint)trace.Initial < (uint)count) return trace.Initial;
        Divergence = new Divergence(0, $"initial state #{trace.Initial}", $"only {count} initial state(s)");
        return Chooser.Diverged;
    }

    public int Choose(in TState state, IReadOnlyList<TAction> enabled, int step)
    {
        if (step > trace.Steps.Length) return Chooser.Stop;
        var recorded = trace.Steps[step - 1];
        if ((uint)recorded.Choice >= (uint)enabled.Count)
        {
            Divergence = new Divergence(step, $"choice {recorded.Choice} ({recorded.Action})",
                enabled.Count == 0 ? "no enabled action" : $"only {enabled.Count} enabled action(s)");
            return Chooser.Diverged;
        }
        if (checkLabels && !string.IsNullOrEmpty(recorded.Action))
        {
            var label = model.FormatAction(state, enabled[recorded.Choice]);
            if (label != recorded.Action)
            {
                Divergence = new Divergence(step, $"choice {recorded.Choice} = {recorded.Action}", label);
                return Chooser.Diverged;
            }
        }
        return recorded.Choice;
    }
}
