using TcpModelCheck.Engine.Schedules;

namespace TcpModelCheck.Engine.Tests.Schedules;

/// <summary>The hold chooser on the toy channel: which kinds it holds back.</summary>
public sealed class HoldChooserTests
{
    /// <summary>Application calls only, so a step takes a delivery only when the call is held back or not enabled.</summary>
    private static readonly ScheduleShape AppOnly = ToyChannel.Shape with { Length = 30, Weights = [0, 0, 0, 0, 1, 0, 0, 0] };

    /// <summary>The toy's kinds with deliveries as the only held kind.</summary>
    private static readonly ScheduleKinds<ToyKind> DeliveriesHeld = new(
        [
            (ToyKind.Deliver, "deliver", false), (ToyKind.Lose, "lose", true), (ToyKind.Duplicate, "dup", true),
            (ToyKind.Tick, "tick", false), (ToyKind.App, "app", false), (ToyKind.Timeout, "timeout", false),
            (ToyKind.Crash, "crash", true), (ToyKind.Delay, "delay", true),
        ],
        [ToyKind.Deliver, ToyKind.App, ToyKind.Tick, ToyKind.Timeout],
        held: [ToyKind.Deliver]);

    /// <summary>In how many of 300 runs a delivery comes before the third send.</summary>
    private static int RunsDeliveringBeforeTheLastSend(ScheduleKinds<ToyKind> kinds, bool priorities)
    {
        var interpreter = ToyChannel.Interpreter();
        var chooser = new HoldChooser<ToyState, ToyAction, ToyKind>(interpreter.Model, kinds, a => a.Kind, AppOnly, priorities);
        var early = 0;
        for (var i = 0; i < 300; i++)
        {
            interpreter.Execute(chooser.Reset(ScheduleSearch.RunSeed(11, i)));
            var actions = interpreter.Runner.Actions;
            Assert.True(actions.Count >= 3);
            if (actions.Take(3).Any(a => a.Kind != ToyKind.App)) early++;
        }
        return early;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Only_the_held_kinds_are_held_back(bool priorities)
    {
        Assert.True(DeliveriesHeld.IsHeld(ToyKind.Deliver));
        Assert.False(DeliveriesHeld.IsHeld(ToyKind.App));
        Assert.True(ToyChannel.Kinds.IsHeld(ToyKind.App)); // no held kinds named: every kind is held
        // Application calls never held: every run sends all three messages before anything else.
        Assert.Equal(0, RunsDeliveringBeforeTheLastSend(DeliveriesHeld, priorities));
        // Every kind held: the call's label is held back (probability 1/3) in 100 of the 300 runs, and a delivery goes first.
        Assert.Equal(100, RunsDeliveringBeforeTheLastSend(ToyChannel.Kinds, priorities));
    }
}
