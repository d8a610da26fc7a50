using TcpModelCheck.Tcp.Charts;
using static TcpModelCheck.Tcp.ConnectionState;
using static TcpModelCheck.Tcp.Tests.Support.States;

namespace TcpModelCheck.Tcp.Tests;

/// <summary>
/// The network's semantics, checked by enumerating every behaviour of a tiny configuration: both endpoints sit in
/// FIN-WAIT-2 (no timer, no application step), and two resets outside B's window travel A→B; B drops them
/// silently, so every path consists of network actions and ticks only. Each path is summarised as a string:
/// "x"/"y" delivered, "-x" lost, "+x" duplicated, "~x" delayed, "t" a tick.
/// </summary>
public sealed class NetworkSemanticsTests
{
    private static readonly TcpConfig Quiet = TcpConfig.Default with
    {
        SequenceSpace = 256, DataItems = 0, IsnMode = IsnMode.Set, IsnSet = [100], LossBudget = 0, DuplicationBudget = 0, DelayBudget = 0, Msl = 2,
    };

    private static readonly Segment X = Segment.Create(Side.Client, SegmentFlags.Rst, 200, 0, false, 1, 0);
    private static readonly Segment Y = Segment.Create(Side.Client, SegmentFlags.Rst, 210, 0, false, 1, 0);

    /// <summary>The two resets in flight; with unlimited delays the model sends every segment as a straggler, so
    /// these are made stragglers too.</summary>
    private static TcpState Start(TcpConfig config) => config.DelayBudget is null
        ? Make(Synced(101, 45, passive: false, FinWait2), Synced(45, 101, passive: true, FinWait2), X.AsStraggler(), Y.AsStraggler())
        : Make(Synced(101, 45, passive: false, FinWait2), Synced(45, 101, passive: true, FinWait2), X, Y);

    private static string Name(Segment s) => s.Seq == 200 ? "x" : "y";

    /// <summary>Every complete path from the start state, as summaries; also checks that no segment is delivered
    /// older than MSL and that a prompt segment never sees a tick.</summary>
    private static HashSet<string> Behaviours(TcpConfig config)
    {
        var model = new TcpModel(config, Start(config));
        var paths = new HashSet<string>();
        Walk(model, Start(config), "", paths);
        return paths;
    }

    private static void Walk(TcpModel model, TcpState state, string path, HashSet<string> paths)
    {
        var actions = new List<TcpAction>();
        model.Actions(state, actions);
        if (actions.Count == 0) { paths.Add(path); return; }
        foreach (var a in actions)
        {
            var seg = a.Segment >= 0 ? state.InFlight[a.Segment] : default;
            if (a.Kind == TcpActionKind.Deliver)
                Assert.True(seg.Age <= model.Config.Msl && (seg.Straggler || seg.Age == 0), $"delivered at age {seg.Age}: {path}");
            var step = a.Kind switch
            {
                TcpActionKind.Deliver => Name(seg),
                TcpActionKind.Lose => "-" + Name(seg),
                TcpActionKind.Duplicate => "+" + Name(seg),
                TcpActionKind.Delay => "~" + Name(seg),
                TcpActionKind.Tick => "t",
                _ => throw new InvalidOperationException($"unexpected action {a}"),
            };
            Walk(model, model.Next(state, a), path + step, paths);
        }
    }

    [Fact]
    public void WithoutFaults_SegmentsArriveInEitherOrderBeforeTimePasses() =>
        Assert.Equal(["xy", "yx"], Behaviours(Quiet).Order());

    [Fact]
    public void Fifo_KeepsTheSendingOrder() =>
        Assert.Equal(["xy"], Behaviours(Quiet with { Fifo = true }).Order());

    [Fact]
    public void LossBudget_AtMostOneSegmentIsLost() =>
        Assert.Equal(["-xy", "-yx", "x-y", "xy", "y-x", "yx"], Behaviours(Quiet with { LossBudget = 1 }).Order());

    [Fact]
    public void DuplicationBudget_OneCopyMayBeDeliveredToo()
    {
        var paths = Behaviours(Quiet with { DuplicationBudget = 1 });
        Assert.Contains("+xxxy", paths);
        Assert.Contains("x+yyy", paths);
        Assert.DoesNotContain(paths, p => p.Count(c => c == '+') > 1);
        // Without a copy: xy, yx. Copying x before any delivery leaves {x, x, y}: 3 distinct orders; copying it after
        // y arrived leaves {x, x}: 1. The same for y: 2 + 2 * (3 + 1).
        Assert.Equal(10, paths.Count);
    }

    [Fact]
    public void DelayBudget_AStragglerMayArriveUpToMslTicksLate()
    {
        var paths = Behaviours(Quiet with { DelayBudget = 1 });
        Assert.Contains("~xyttx", paths);
        Assert.Contains("~xytx", paths);
        Assert.Contains("~xyx", paths);
        // the tick after it reached MSL expires it (RFC 9293 §3.4.1): no delivery, no loss budget used
        Assert.Contains("~xyttt", paths);
        Assert.DoesNotContain(paths, p => p.Count(c => c == 't') > Quiet.Msl + 1);
        Assert.DoesNotContain(paths, p => p.StartsWith('t'));
    }

    [Fact]
    public void UnlimitedDelays_EverySegmentMayTakeUpToMsl()
    {
        var paths = Behaviours(Quiet with { DelayBudget = null });
        Assert.Contains("ttxy", paths);
        Assert.Contains("xtty", paths);
        Assert.Contains("ttt", paths);   // both expire at MSL
        Assert.Contains("xttt", paths);
        Assert.DoesNotContain(paths, p => p.Count(c => c == 't') > Quiet.Msl + 1);
    }
}
