using TcpModelCheck.Engine.Traces;

namespace TcpModelCheck.Engine.Paths;

/// <summary>
/// What picks the next action of a path (Coyote's strategy interface): random choice, a recorded choice
/// sequence, an intent schedule. The <see cref="PathRunner{TState, TAction}"/> owns the loop and the property
/// checks; a chooser only chooses, so every chooser gets the same checks, deadlock rule and trace format.
/// </summary>
public interface IChooser<TState, TAction>
{
    /// <summary>The index of the initial state to start from, among <paramref name="count"/>; an index out of
    /// range is a divergence (see <see cref="Divergence"/>).</summary>
    int ChooseInitial(int count) => 0;

    /// <summary>
    /// The index into <paramref name="enabled"/> of the action step <paramref name="step"/> (1-based) takes;
    /// <see cref="Chooser.Stop"/> to end the path here; <see cref="Chooser.Diverged"/> (or any index out of
    /// range) when the chooser cannot follow the model, with the reason in <see cref="Divergence"/>. Called even
    /// when nothing is enabled, so a scripted chooser can say that it expected more.
    /// </summary>
    int Choose(in TState state, IReadOnlyList<TAction> enabled, int step);

    /// <summary>Why the last <see cref="Choose"/> or <see cref="ChooseInitial"/> diverged; null when it did not
    /// say (the runner then names the step and the index).</summary>
    Divergence? Divergence => null;
}

/// <summary>The special results of <see cref="IChooser{TState, TAction}.Choose"/>.</summary>
public static class Chooser
{
    /// <summary>End the path in this state (a script or schedule is used up, a walk has gone far enough).</summary>
    public const int Stop = -1;

    /// <summary>The chooser cannot follow the model here; its <c>Divergence</c> says why.</summary>
    public const int Diverged = -2;
}
