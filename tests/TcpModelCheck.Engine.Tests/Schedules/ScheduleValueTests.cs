using TcpModelCheck.Engine.Simulation;
using TcpModelCheck.Engine.Schedules;

namespace TcpModelCheck.Engine.Tests.Schedules;

/// <summary>Schedules are values: text round trip, structural equality, reproducible generation.</summary>
public sealed class ScheduleValueTests
{
    [Fact]
    public void Text_form_round_trips()
    {
        var text = "app deliver3 lose dup12 tick timeout1 crash delay2";
        var schedule = ToyChannel.Kinds.Parse(text);
        Assert.Equal(text, schedule.ToString());
        Assert.Equal(schedule, ToyChannel.Kinds.Parse(schedule.ToString()));
        Assert.Equal(4, schedule.Faults);
        Assert.Equal(18, schedule.SelectorSum);
        Assert.Equal("-", ToyChannel.Kinds.Empty.ToString());
        Assert.Equal(ToyChannel.Kinds.Empty, ToyChannel.Kinds.Parse("-"));
        Assert.Equal(ToyChannel.Kinds.Parse("APP, Deliver2"), ToyChannel.Kinds.Parse("app deliver2"));
    }

    [Theory]
    [InlineData("app jump", "schedule step 2: 'jump' is not one of deliver, lose, dup, tick, app, timeout, crash, delay (optionally followed by a number)")]
    [InlineData("deliver-1", "schedule step 1: 'deliver-1' is not one of deliver, lose, dup, tick, app, timeout, crash, delay (optionally followed by a number)")]
    [InlineData("tick99999999999", "schedule step 1: 'tick99999999999' is not one of deliver, lose, dup, tick, app, timeout, crash, delay (optionally followed by a number)")]
    public void Bad_text_is_refused_with_one_line_naming_the_step(string text, string message) =>
        Assert.Equal(message, Assert.Throws<FormatException>(() => ToyChannel.Kinds.Parse(text)).Message);

    [Fact]
    public void Equal_schedules_are_equal_values()
    {
        var a = new Schedule<ToyKind>(ToyChannel.Kinds, [new(ToyKind.App), new(ToyKind.Deliver, 2)]);
        var b = ToyChannel.Kinds.Parse("app deliver2");
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, ToyChannel.Kinds.Parse("app deliver1"));
        Assert.Throws<ArgumentException>(() => new Schedule<ToyKind>(ToyChannel.Kinds, [new(ToyKind.Tick, -1)]));
    }

    [Fact]
    public void A_run_seed_regenerates_the_same_schedule_and_is_the_batch_streams_output()
    {
        var master = new SplitMix64(42);
        for (var i = 0; i < 5; i++) Assert.Equal(master.NextUInt64(), ScheduleSearch.RunSeed(42, i));
        Assert.Equal(ScheduleSearch.Generate(ToyChannel.Kinds, ScheduleSearch.RunSeed(42, 3), ToyChannel.Shape), ScheduleSearch.Generate(ToyChannel.Kinds, ScheduleSearch.RunSeed(42, 3), ToyChannel.Shape));
        Assert.NotEqual(ScheduleSearch.Generate(ToyChannel.Kinds, ScheduleSearch.RunSeed(42, 3), ToyChannel.Shape), ScheduleSearch.Generate(ToyChannel.Kinds, ScheduleSearch.RunSeed(42, 4), ToyChannel.Shape));
        Assert.Equal(ToyChannel.Shape.Length, ScheduleSearch.Generate(ToyChannel.Kinds, 1, ToyChannel.Shape).Length);
    }

    [Fact]
    public void Drawn_schedules_follow_the_shape()
    {
        var shape = ToyChannel.Shape with { Length = 5000, MaxSelector = 3, Weights = [1, 0, 0, 1, 0, 0, 0, 0] };
        var schedule = ScheduleSearch.Generate(ToyChannel.Kinds, 9, shape);
        Assert.Equal(5000, schedule.Length);
        Assert.All(schedule.Intents, i => Assert.True(i.Kind is ToyKind.Deliver or ToyKind.Tick && i.K is >= 0 and <= 3));
        Assert.InRange(schedule.Intents.Count(i => i.Kind == ToyKind.Tick), 2300, 2700); // ~half, 5+ sigma margin
        Assert.Equal(4, schedule.Intents.Select(i => i.K).Distinct().Count());
    }

    [Fact]
    public void An_unusable_shape_is_refused_with_its_problems()
    {
        var shape = ToyChannel.Shape with { Length = -1, Weights = [0, 0, 0, 0, 0, 0, 0, 0] };
        Assert.Equal(["schedule length: -1 is negative", "weights: must be non-negative with a positive sum"], shape.Validate(8));
        Assert.Equal(["weights: give one weight per intent kind (8)"], (ToyChannel.Shape with { Weights = [1] }).Validate(8));
    }
}
