using TcpModelCheck.Engine.Checking;

namespace TcpModelCheck.Engine.Liveness;

/// <summary>Strongly connected components of the subgraph induced by some states (Tarjan's algorithm, with an
/// explicit stack so that a long path cannot overflow the call stack).</summary>
internal static class StrongComponents
{
    /// <summary>The component number of every state for which <paramref name="inside"/> holds (-1 for the others;
    /// edges to them are ignored), and the number of components in <paramref name="count"/>. Components are
    /// numbered in the order Tarjan's algorithm completes them: a component's successors come first.</summary>
    public static int[] Of(SearchGraph graph, Func<int, bool> inside, StopPoll poll, out int count)
    {
        var n = graph.Count;
        var component = new int[n];
        var index = new int[n];
        var low = new int[n];
        var onStack = new bool[n];
        Array.Fill(component, -1);
        Array.Fill(index, -1);
        var stack = new Stack<int>();
        var calls = new Stack<(int V, int K)>();
        var next = 0;
        count = 0;
        for (var root = 0; root < n; root++)
        {
            if (!inside(root) || index[root] >= 0) continue;
            Open(root);
            while (calls.Count > 0)
            {
                poll.Step();
                var (v, k) = calls.Pop();
                if (k < graph.EdgeCount(v))
                {
                    calls.Push((v, k + 1));
                    var w = graph.Edge(v, k);
                    if (!inside(w)) continue;
                    if (index[w] < 0) Open(w);
                    else if (onStack[w]) low[v] = Math.Min(low[v], index[w]);
                    continue;
                }
                if (low[v] == index[v])
                {
                    int w;
                    do
                    {
                        w = stack.Pop();
                        onStack[w] = false;
                        component[w] = count;
                    } while (w != v);
                    count++;
                }
                if (calls.Count > 0) low[calls.Peek().V] = Math.Min(low[calls.Peek().V], low[v]);
            }
        }
        return component;

        void Open(int v)
        {
            index[v] = low[v] = next++;
            stack.Push(v);
            onStack[v] = true;
            calls.Push((v, 0));
        }
    }
}
