using System.Buffers.Binary;
using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Engine.Model;

namespace TcpModelCheck.Engine.Tests.Graphs;

/// <summary>
/// The liveness check keeps every state encoded (an exact table of encodings, edges rebuilt by looking successors
/// up by their bytes) when the model decodes its states, and as objects in a dictionary otherwise. On random graphs
/// the two must give the same verdicts, the same lassos choice for choice (same loop start), the same timelock
/// notes and the same counts, breadth-first on one and on two workers.
/// </summary>
public class EncodedStatesProperties
{
    [Theory]
    [InlineData(SearchStrategy.BreadthFirst, 1)]
    [InlineData(SearchStrategy.ParallelBreadthFirst, 2)]
    public void Encoded_states_give_the_same_verdicts_lassos_and_counts_as_state_objects(SearchStrategy strategy, int threads) =>
        GraphCheck.ForAll(g =>
        {
            var options = CheckOptions.Default with { Strategy = strategy, Threads = threads, StopWhenAllSettled = false };
            var objects = ModelChecker.Check(new GraphModel(g), options);
            var encoded = ModelChecker.Check(new DecodingGraphModel(g), options);
            Assert.Equal(objects.Statistics.DistinctStates, encoded.Statistics.DistinctStates);
            Assert.Equal(objects.Statistics.Transitions, encoded.Statistics.Transitions);
            Assert.Equal(objects.Statistics.EdgeBytes, encoded.Statistics.EdgeBytes);
            foreach (var p in objects.Properties)
            {
                var q = encoded[p.Name];
                Assert.Equal(p.Verdict, q.Verdict);
                Assert.Equal(p.Reason, q.Reason);
                Assert.Equal(p.Counterexample?.Trace.ChoicePath, q.Counterexample?.Trace.ChoicePath);
                Assert.Equal(p.Counterexample?.Trace.LoopStart, q.Counterexample?.Trace.LoopStart);
            }
        });

    [Fact]
    public void A_decoder_that_does_not_invert_the_encoding_stops_the_check()
    {
        var g = new GraphSpec([[new Edge(1, false)], [new Edge(2, false)], [new Edge(0, false)]], [0],
            [NodeMark.None, NodeMark.None, NodeMark.Goal]);
        var error = Assert.Throws<InvalidOperationException>(() =>
            ModelChecker.Check(new DecodingGraphModel(g, shift: 1), CheckOptions.Default with { Properties = GraphModel.Liveness }));
        Assert.Contains("Decode(Encode(s)) differs from s", error.Message);
    }

    /// <summary><see cref="GraphModel"/> with a decoder (optionally a wrong one, off by <paramref name="shift"/>).</summary>
    private sealed class DecodingGraphModel(GraphSpec graph, int shift = 0) : IModel<int, int>, IStateDecoder<int>
    {
        private readonly GraphModel _inner = new(graph);

        public string Name => _inner.Name;
        public IReadOnlyDictionary<string, string> Settings => _inner.Settings;
        public IReadOnlyList<int> InitialStates => _inner.InitialStates;
        public void Actions(in int state, List<int> actions) => _inner.Actions(state, actions);
        public int Next(in int state, int action) => _inner.Next(state, action);
        public bool IsTerminal(in int state) => _inner.IsTerminal(state);
        public IReadOnlyList<Property<int, int>> Properties => _inner.Properties;
        public int MaxEncodedLength => _inner.MaxEncodedLength;
        public int Encode(in int state, Span<byte> destination) => _inner.Encode(state, destination);
        public int Decode(ReadOnlySpan<byte> encoding) => BinaryPrimitives.ReadInt32LittleEndian(encoding) + shift;
    }
}
