using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Engine.Tests.Models;
using TcpModelCheck.Engine.Tests.Reference;

namespace TcpModelCheck.Engine.Tests;

/// <summary><see cref="CheckOptions.StopWhenAllSettled"/>: stopping once every selected property is settled
/// keeps the verdicts but not the state count, and turning it off explores everything.</summary>
public class StopWhenSettledTests
{
    private readonly TorusModel _torus = new(100);

    [Fact]
    public void By_default_the_search_stops_once_every_selected_property_is_settled()
    {
        var result = ModelChecker.Check(_torus, CheckOptions.Default with { Properties = ["x-below-3"] });
        Assert.Equal(StopReason.AllPropertiesSettled, result.Statistics.StopReason);
        Assert.False(result.Statistics.CutShort);
        Assert.True(result.Statistics.DistinctStates < 10_000);
        Assert.Equal(3, Expect.SafetyViolation(_torus, result, "x-below-3").Length);
    }

    [Fact]
    public void When_asked_not_to_stop_the_search_explores_every_state()
    {
        var options = CheckOptions.Default with { Properties = ["x-below-3"], StopWhenAllSettled = false };
        var result = ModelChecker.Check(_torus, options);
        Assert.Equal(StopReason.None, result.Statistics.StopReason);
        Assert.Equal(10_000, result.Statistics.DistinctStates);
        Assert.Equal(3, Expect.SafetyViolation(_torus, result, "x-below-3").Length);
    }

    [Fact]
    public void A_found_witness_also_counts_as_settled()
    {
        var result = ModelChecker.Check(_torus, CheckOptions.Default with { Properties = ["far-corner-reachable"] });
        Expect.Verdict(result, "far-corner-reachable", Verdict.Holds);
        Assert.Equal(StopReason.AllPropertiesSettled, result.Statistics.StopReason);
    }

    [Fact]
    public void Selecting_an_unknown_property_is_a_one_line_error_naming_the_choices()
    {
        var e = Assert.Throws<ArgumentException>(() => ModelChecker.Check(_torus, CheckOptions.Default with { Properties = ["nope"] }));
        Assert.Contains("nope", e.Message);
        Assert.Contains("x-below-3", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }
}
