using TcpModelCheck.Engine.Model;
using TcpModelCheck.Tcp.Tests.Support;

namespace TcpModelCheck.Tcp.Tests;

/// <summary><see cref="TcpModel.NextEncoded"/> writes exactly <c>Encode(Next(s, a))</c> on every transition (the
/// fingerprint search hashes and queues those bytes instead of building the successor), and the action properties'
/// encoded forms judge like their object forms.</summary>
public class EncodedSuccessorTests
{
    private static readonly string[] RowNames = ["default", "reconnect-clock-crash", "fifo-duplicates", "linux-reconnect", "no-time-wait-reconnect"];

    public static TheoryData<string> Rows() => new(RowNames);

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
        var actions = new List<TcpAction>();
        var transitions = 0;
        foreach (var s in new BreadthFirstWalk(model, 20_000).States())
        {
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
            }
        }
        Assert.True(transitions >= 5_000, $"{row}: only {transitions} transitions");
    }

    /// <summary>Every invariant and witness offers an encoded form, and it judges states as the object form does: every
    /// reached state of these rows, and states made from them by changing one field the properties read (the state,
    /// a sequence number, the counters, the observations, the overflow flag), so that each property is seen both
    /// holding and failing.</summary>
    [Fact]
    public void The_encoded_invariants_and_witnesses_judge_like_the_object_ones()
    {
        var outcomes = new Dictionary<string, HashSet<bool>>();
        var random = new Random(9293);
        int[] fields = [0, 1, 2, 3, 4, 5, 8, 9, 11, 13, 14, 15];   // Encode's remarks: the endpoint bytes the properties read
        foreach (var row in RowNames)
        {
            var model = new TcpModel(Config(row));
            var checks = model.Properties.Where(p => p.Kind is PropertyKind.Invariant or PropertyKind.Reachable).ToList();
            Assert.All(checks, p => Assert.NotNull(p.EncodedCondition));
            var buffer = new byte[model.MaxEncodedLength];
            var again = new byte[model.MaxEncodedLength];
            foreach (var s in new BreadthFirstWalk(model, 10_000).States())
            {
                var n = model.Encode(s, buffer);
                Judge(row, s, buffer.AsSpan(0, n));
                for (var k = 0; k < 4; k++)
                {
                    var changed = buffer.AsSpan(0, n).ToArray();
                    var at = random.Next(2) * 22 + fields[random.Next(fields.Length)];
                    changed[at] = (byte)random.Next(at % 22 == 0 ? 11 : at % 22 == 15 ? 7 : at % 22 == 8 ? 8 : 256);
                    if (random.Next(8) == 0) changed[47] ^= 1;   // Overflowed
                    var t = model.Decode(changed);
                    if (!again.AsSpan(0, model.Encode(t, again)).SequenceEqual(changed)) continue;   // not a state's encoding
                    Judge(row, t, changed);
                }
            }

            void Judge(string row, TcpState s, ReadOnlySpan<byte> encoding)
            {
                foreach (var p in checks)
                {
                    var holds = p.Condition!(s);
                    Assert.True(holds == p.EncodedCondition!(encoding), $"{row}: {p.Name} on {s}");
                    (outcomes.TryGetValue(p.Name, out var o) ? o : outcomes[p.Name] = []).Add(holds);
                }
            }
        }
        Assert.Empty(outcomes.Where(kv => kv.Value.Count < 2).Select(kv => kv.Key));
    }

    /// <summary>Every action property offers an encoded form, and it agrees with the object form on every pair of
    /// reached states — adjacent or not, so pairs that violate the property (entering TIME-WAIT from ESTABLISHED)
    /// are judged too.</summary>
    [Fact]
    public void The_encoded_action_properties_judge_like_the_object_ones()
    {
        var model = new TcpModel(TcpConfig.Default with { Workload = Workloads.Reconnect });
        var states = BreadthFirstWalk.All(model, 3_000);
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
