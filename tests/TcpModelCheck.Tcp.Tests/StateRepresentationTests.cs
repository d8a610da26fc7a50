using TcpModelCheck.Tcp.Charts;
using TcpModelCheck.Tcp.Tests.Support;

namespace TcpModelCheck.Tcp.Tests;

/// <summary>States are values with one canonical form, and the packed encoding identifies them exactly.</summary>
public sealed class StateRepresentationTests
{
    /// <summary>Every state of a small configuration (found by a plain breadth-first walk, independent of the engine).</summary>
    private static List<TcpState> AllStates(TcpModel model) => [.. BreadthFirstWalk.All(model)];

    [Fact]
    public void TheEncodingIsInjectiveAndWithinItsBound()
    {
        var model = new TcpModel(TcpConfig.Default with { LossBudget = 0, DelayBudget = 0 });
        var states = AllStates(model);
        Assert.Equal(291, states.Count);   // the same count the explorer pins (StateCountTests)
        var buffer = new byte[model.MaxEncodedLength];
        var encodings = new HashSet<string>();
        foreach (var s in states)
        {
            var n = model.Encode(s, buffer);
            Assert.InRange(n, 1, model.MaxEncodedLength);
            Assert.True(encodings.Add(Convert.ToHexString(buffer, 0, n)), $"two states share an encoding: {s}");
        }
    }

    [Fact]
    public void EqualStatesAreEqualValuesWhateverTheOrderOfEvents()
    {
        var s1 = new Scenario(TcpConfig.Default with { IsnMode = IsnMode.Set, IsnSet = [0] }).Step("B: OPEN passive").Step("A: OPEN active ISS=0", "<SEQ=0><CTL=SYN>")
            .Step("B: deliver <SEQ=0><CTL=SYN> ISS=0", "<SEQ=0><ACK=1><CTL=SYN,ACK>")
            .Step("A: deliver <SEQ=0><ACK=1><CTL=SYN,ACK>", "<SEQ=1><ACK=1><CTL=ACK>")
            .Step("A: SEND d1", "<SEQ=1><ACK=1><CTL=ACK><DATA=d1>");
        // Same sends, but the data overtakes the ACK and comes back: the multiset of segments is what counts.
        var model = s1.Model;
        var swapped = States.Make(s1.A, s1.B, s1.State.InFlight.Reverse().ToArray());
        Assert.Equal(s1.State, swapped);
        Assert.Equal(s1.State.GetHashCode(), swapped.GetHashCode());
        var a = new byte[model.MaxEncodedLength];
        var b = new byte[model.MaxEncodedLength];
        Assert.Equal(a.AsSpan(0, model.Encode(s1.State, a)).ToArray(), b.AsSpan(0, model.Encode(swapped, b)).ToArray());
    }

    [Fact]
    public void AClosedEndpointKeepsNoTcbFields()
    {
        var model = new TcpModel(TcpConfig.ForVariant(Variants.Rfc1337));
        foreach (var s in AllStates(new TcpModel(TcpConfig.Default with { LossBudget = 0, DelayBudget = 0 })))
            foreach (var e in new[] { s.Client, s.Server })
                if (e.State == ConnectionState.Closed)
                    Assert.Equal((0, 0, 0, 0, 0, 0, 0UL), (e.Iss, e.Irs, e.SndUna, e.SndNxt, e.RcvNxt, e.Timer, e.Held));
        Assert.NotEmpty(model.Properties);
    }
}
