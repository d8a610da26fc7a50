using TcpModelCheck.Engine.Traces;

namespace TcpModelCheck.Engine.Tests;

/// <summary>The text form of a choice path reads back to the choices <see cref="Trace.ChoicePath"/> printed.</summary>
public class ChoicePathTests
{
    [Theory]
    [InlineData("0/2/1/4", 0, new[] { 0, 2, 1, 4 })]
    [InlineData("i1:0/2", 1, new[] { 0, 2 })]
    [InlineData("i2:", 2, new int[0])]
    [InlineData("", 0, new int[0])]
    [InlineData("(empty)", 0, new int[0])]
    [InlineData(" 7 ", 0, new[] { 7 })]
    public void Parses_what_a_trace_prints(string text, int initial, int[] choices)
    {
        var path = ChoicePath.Parse(text);
        Assert.Equal(initial, path.Initial);
        Assert.Equal(choices, path.Choices.ToArray());
        Assert.Equal(path, ChoicePath.Parse(path.ToString()));
    }

    [Fact]
    public void Round_trips_a_recorded_trace_path()
    {
        var trace = new Trace { Model = "m", Initial = 3, Steps = [new(1, "a"), new(0, "b")] };
        Assert.Equal("i3:1/0", ChoicePath.Parse(trace.ChoicePath).ToString());
    }

    [Theory]
    [InlineData("0//1", "''")]
    [InlineData("0/a", "'a'")]
    [InlineData("0/-1", "'-1'")]
    [InlineData("0/9999999", "'9999999'")]
    [InlineData("i1", "i<n>:")]
    public void Rejects_malformed_text_naming_the_piece(string text, string named)
    {
        var e = Assert.Throws<FormatException>(() => ChoicePath.Parse(text));
        Assert.Contains(named, e.Message);
    }

    [Fact]
    public void Rejects_a_path_longer_than_the_limit()
    {
        var text = string.Join('/', Enumerable.Repeat("0", ChoicePath.MaxLength + 1));
        Assert.Throws<FormatException>(() => ChoicePath.Parse(text));
    }
}
