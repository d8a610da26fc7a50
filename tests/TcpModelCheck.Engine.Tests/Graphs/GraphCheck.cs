using FsCheck;
using FsCheck.Fluent;

namespace TcpModelCheck.Engine.Tests.Graphs;

/// <summary>Runs a property over random graphs. 200 cases of at most <see cref="GraphArbitrary.MaxNodes"/>
/// nodes each: every property of this suite takes well under a second. A failure throws with FsCheck's replay
/// seed and the shrunk graph.</summary>
public static class GraphCheck
{
    public const int Cases = 200;

    public static void ForAll(Action<GraphSpec> body) =>
        Prop.ForAll(GraphArbitrary.Graphs, body).Check(Config.QuickThrowOnFailure.WithMaxTest(Cases));
}
