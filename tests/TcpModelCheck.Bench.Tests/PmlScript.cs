using TcpModelCheck.Bench.Promela;
using TcpModelCheck.Engine.Traces;

namespace TcpModelCheck.Bench.Tests;

/// <summary>Helpers to drive the tcp.pml port with hand-written schedules and compare its globals with
/// SPIN's printouts.</summary>
internal static class PmlScript
{
    /// <summary>A trace taking <paramref name="steps"/> in order; fails the test if one is not enabled.</summary>
    public static Trace Record(PmlTcpModel model, IEnumerable<PmlAction> steps)
    {
        var state = model.InitialStates[0];
        var actions = new List<PmlAction>();
        var choices = new List<int>();
        foreach (var step in steps)
        {
            actions.Clear();
            model.Actions(state, actions);
            var c = actions.IndexOf(step);
            Assert.True(c >= 0, $"step {choices.Count + 1}: {step} is not enabled in {state}");
            choices.Add(c);
            state = model.Next(state, step);
        }
        return Replayer.Record(model, 0, choices, "script");
    }

    /// <summary>The state after <paramref name="steps"/>.</summary>
    public static PmlState Run(PmlTcpModel model, params PmlAction[] steps) =>
        steps.Length == 0 ? model.InitialStates[0] : Replayer.ToCounterexample(model, Record(model, steps)).Final;

    /// <summary>The globals in <c>spin -g</c>'s terms (segment codes as numbers), one line.</summary>
    public static string Globals(int[] net, int lost, int dupd, int[] st, int[] sndUna, int[] sndNxt, int[] rcvNxt,
        int[] opened, int[] sent, int[] got, int[] rtx) =>
        $"net=[{string.Join(',', net)}] n={net.Length} lost={lost} dupd={dupd} st=[{st[0]},{st[1]}] " +
        $"snd_una=[{sndUna[0]},{sndUna[1]}] snd_nxt=[{sndNxt[0]},{sndNxt[1]}] rcv_nxt=[{rcvNxt[0]},{rcvNxt[1]}] " +
        $"opened=[{opened[0]},{opened[1]}] sent=[{sent[0]},{sent[1]}] got=[{got[0]},{got[1]}] rtx=[{rtx[0]},{rtx[1]}]";

    public static string Globals(PmlState s)
    {
        int[] Both(Func<int, int> f) => [f(0), f(1)];
        var net = Enumerable.Range(0, s.N).Select(s.Net).ToArray();
        Assert.All(Enumerable.Range(s.N, 6 - s.N), k => Assert.Equal(0, s.Net(k)));   // net[n..5] = 0, as rmseg leaves it
        return Globals(net, s.Lost, s.Dupd, Both(s.St), Both(s.SndUna), Both(s.SndNxt), Both(s.RcvNxt),
            Both(m => s.Opened(m) ? 1 : 0), Both(m => s.Sent(m) ? 1 : 0), Both(s.Got), Both(s.Rtx));
    }
}
