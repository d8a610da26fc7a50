using TcpModelCheck.Engine.Model;

namespace TcpModelCheck.Tcp.Tests;

/// <summary><see cref="TcpModel.NextEncoded"/> writes exactly <c>Encode(Next(s, a))</c> on every transition (the
/// fingerprint search hashes and queues those bytes instead of building the successor), and the action properties'
/// encoded forms judge like their object forms.</summary>
public class EncodedSuccessorTests
{
    public static TheoryData<string> Rows() => ["default", "reconnect-clock-crash", "fifo-duplicates", "linux-reconnect", "no-time-wait-reconnect"];

    private static TcpConfig Config(string row) => row switch
    {
        "linux-reconnect" => TcpConfig.ForVariant(Variants.Linux) with { Workload = Workloads.Reconnect },
        "no-time-wait-reconnect" => TcpConfig.ForVariant(Variants.NoTimeWait) with { Workload = Workloads.Reconnect },
        _ => StateDecodingTests.Config(row),
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void NextEncoded_writes_the_encoding_of_Next_on_every_transition(string row)
    {
        var model = new TcpModel(Config(row));
        var expected = new byte[model.MaxEncodedLength];
        var direct = new byte[model.MaxEncodedLength + 8];
        var seen = new HashSet<TcpState>(model.InitialStates);
        var queue = new Queue<TcpState>(model.InitialStates);
        var actions = new List<TcpAction>();
        var transitions = 0;
        while (queue.Count > 0 && seen.Count < 20_000)
        {
            var s = queue.Dequeue();
            actions.Clear();
            model.Actions(s, actions);
            foreach (var a in actions)
            {
                var next = model.Next(s, a);
                var n = model.Encode(next, expected);
                direct.AsSpan().Fill(0xAA);
                Assert.Equal(n, model.NextEncoded(s, a, direct));
                Assert.True(expected.AsSpan(0, n).SequenceEqual(direct.AsSpan(0, n)), $"{row}: {a} from {s}");
                transitions++;
                if (seen.Add(next)) queue.Enqueue(next);
            }
        }
        Assert.True(transitions >= 5_000, $"{row}: only {transitions} transitions");
    }

    /// <summary>Every action property offers an encoded form, and it agrees with the object form on every pair of
    /// reached states — adjacent or not, so pairs that violate the property (entering TIME-WAIT from ESTABLISHED)
    /// are judged too.</summary>
    [Fact]
    public void The_encoded_action_properties_judge_like_the_object_ones()
    {
        var model = new TcpModel(TcpConfig.Default with { Workload = Workloads.Reconnect });
        var states = new List<TcpState>(model.InitialStates);
        var seen = new HashSet<TcpState>(states);
        var actions = new List<TcpAction>();
        for (var i = 0; i < states.Count && states.Count < 3_000; i++)
        {
            actions.Clear();
            model.Actions(states[i], actions);
            foreach (var a in actions)
                if (model.Next(states[i], a) is var next && seen.Add(next)) states.Add(next);
        }
        var edges = model.Properties.Where(p => p.Kind == PropertyKind.ActionProperty).ToList();
        Assert.NotEmpty(edges);
        var buffer = new byte[model.MaxEncodedLength];
        var outcomes = new HashSet<bool>();
        var tick = TcpAction.Tick;
        foreach (var p in edges)
        {
            Assert.NotNull(p.EncodedEdge);
            foreach (var from in states.Where((_, i) => i % 7 == 0))
                foreach (var to in states.Where((_, i) => i % 11 == 0))
                {
                    var n = model.Encode(to, buffer);
                    var holds = p.Edge!(from, tick, to);
                    Assert.Equal(holds, p.EncodedEdge!(from, tick, buffer.AsSpan(0, n)));
                    outcomes.Add(holds);
                }
        }
        Assert.Equal(2, outcomes.Count);
    }
}
