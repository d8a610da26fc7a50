using TcpModelCheck.Tcp.Tests.Support;

namespace TcpModelCheck.Tcp.Tests;

/// <summary><see cref="TcpModel.Decode"/> inverts <see cref="TcpModel.Encode"/> on every state reached (lets the
/// engine keep its breadth-first queue as encoded bytes): on rows that use every field of the state — held
/// segments, stragglers and ages, fault budgets, crashes, the ISN clock, FIFO order.</summary>
public class StateDecodingTests
{
    public static TheoryData<string> Rows() => ["default", "reconnect-clock-crash", "fifo-duplicates"];

    internal static TcpConfig Config(string row) => row switch
    {
        "default" => TcpConfig.Default,
        "reconnect-clock-crash" => TcpConfig.Default with { Workload = Workloads.Reconnect, IsnMode = IsnMode.Clock, CrashBudget = 1 },
        _ => TcpConfig.Default with { Fifo = true, DuplicationBudget = 1, DataItems = 2 },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Decoding_an_encoded_state_gives_the_state_back(string row)
    {
        var model = new TcpModel(Config(row));
        var buffer = new byte[model.MaxEncodedLength];
        var again = new byte[model.MaxEncodedLength];
        var walk = new BreadthFirstWalk(model, 10_000);
        foreach (var s in walk.States())
        {
            var n = model.Encode(s, buffer);
            var decoded = model.Decode(buffer.AsSpan(0, n));
            Assert.True(decoded.Equals(s), $"{row}: decoded {decoded} from {s}");
            Assert.Equal(s.GetHashCode(), decoded.GetHashCode());
            Assert.Equal(buffer.AsSpan(0, n).ToArray(), again.AsSpan(0, model.Encode(decoded, again)).ToArray());
        }
        Assert.True(walk.Found.Count >= 1_000, $"{row}: only {walk.Found.Count} states");
    }
}
