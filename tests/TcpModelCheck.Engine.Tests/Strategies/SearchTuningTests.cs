using TcpModelCheck.Engine.Strategies;

namespace TcpModelCheck.Engine.Tests.Strategies;

/// <summary>The fingerprint insert phase's prefetch distance: <see cref="SearchTuning.ProbesInFlight"/> probes ahead, in
/// successors, whatever share of them the recent-fingerprint cache skips, within 8 and 64.</summary>
public class SearchTuningTests
{
    [Theory]
    [InlineData(1600, 1600, 12)]   // every successor probed: 12 ahead
    [InlineData(1600, 850, 22)]    // about half skipped, as on rfc9293/reconnect
    [InlineData(1600, 1200, 16)]   // a quarter skipped
    [InlineData(1600, 100, 64)]    // nearly all skipped: at most 64
    [InlineData(1600, 0, 64)]
    [InlineData(64, 64, 12)]
    public void The_distance_keeps_a_dozen_probes_ahead(int successors, int probed, int ahead) =>
        Assert.Equal(ahead, SearchTuning.PrefetchAhead(successors, probed));

    [Fact]
    public void The_distance_stays_within_8_and_64()
    {
        for (var probed = 0; probed <= 1000; probed += 7)
            Assert.InRange(SearchTuning.PrefetchAhead(1000, probed), 8, 64);
    }
}
