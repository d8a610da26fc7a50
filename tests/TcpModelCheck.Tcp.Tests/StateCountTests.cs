using TcpModelCheck.Tcp.Tests.Support;

namespace TcpModelCheck.Tcp.Tests;

/// <summary>
/// Pinned distinct-state counts: a change to the model that changes them must be deliberate. Measured with
/// <c>ModelChecker.Check</c> (breadth-first, exact storage, every property, so the whole space is explored)
/// on the configurations below; the comment on each row names what it exercises.
/// </summary>
public sealed class StateCountTests
{
    public static TheoryData<string, TcpConfig, long> Configurations => new()
    {
        // No faults at all: the plain handshake, data and close interleavings.
        { "rfc9293 no faults", TcpConfig.Default with { LossBudget = 0, DelayBudget = 0 }, 291 },
        // FIFO delivery: the default budgets without reordering.
        { "rfc9293 fifo", TcpConfig.Default with { Fifo = true }, 2_507 },
        // One ISN: the default budgets and reordering, one ISN choice per connection.
        { "fixed-isn", TcpConfig.ForVariant(Variants.FixedIsn), 40_923 },
        // Both FINs may cross (CLOSING on both sides).
        { "simultaneous close, no faults", TcpConfig.Default with { Workload = Workloads.SimultaneousClose, LossBudget = 0, DelayBudget = 0 }, 910 },
        // Two incarnations on one 4-tuple with RFC 1337 and in-order delivery (3,792 with --reduction none: the same
        // ACK of both connections is one segment under the default reduction).
        { "rfc1337 reconnect fifo", TcpConfig.ForVariant(Variants.Rfc1337) with { Workload = Workloads.Reconnect, IsnMode = IsnMode.Set, IsnSet = [0], Fifo = true }, 3_789 },
    };

    [Theory]
    [MemberData(nameof(Configurations))]
    public void DistinctStates(string name, TcpConfig config, long states)
    {
        var result = Checks.Check(config);
        Assert.True(result.Statistics.Complete, name);
        Assert.Equal(states, result.Statistics.DistinctStates);
    }
}
