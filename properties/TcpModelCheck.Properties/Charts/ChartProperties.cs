using FsCheck;
using FsCheck.Fluent;
using TcpModelCheck.Reports.Charts;
using TcpModelCheck.Tcp;
using TcpModelCheck.Tcp.Charts;

namespace TcpModelCheck.Properties.Charts;

/// <summary>
/// Properties of the chart renderers over random event lists (FsCheck): whatever the model reports, every
/// step gets exactly one numbered line, in order, and no line outgrows 100 columns.
/// </summary>
public sealed class ChartProperties
{
    /// <summary>300 random inputs per property: rendering is cheap, and the layout has many corner cases.</summary>
    private static Config Runs => Config.QuickThrowOnFailure.WithMaxTest(300);

    private static readonly string[] States = ["CLOSED", "LISTEN", "SYN-SENT", "SYN-RECEIVED", "ESTABLISHED", "FIN-WAIT-1",
        "FIN-WAIT-2", "CLOSE-WAIT", "CLOSING", "LAST-ACK", "TIME-WAIT"];

    private static Gen<SegmentLabel> Segments =>
        from side in Gen.Elements(Side.Client, Side.Server)
        from flags in Gen.Elements("SYN", "SYN,ACK", "ACK", "FIN,ACK", "RST", "RST,ACK")
        from seq in Gen.Choose(0, 255)
        from ack in Gen.Choose(-1, 255)
        from data in Gen.Elements<string?>(null, "d1", "d2")
        from inc in Gen.Choose(0, 3)
        select new SegmentLabel(side, flags, seq, ack < 0 ? null : ack, data, inc);

    private static Gen<StepEvent> Events =>
        from side in Gen.Elements(Side.Client, Side.Server)
        from seg in Segments
        from state in Gen.Elements(States)
        from flag in ArbMap.Default.GeneratorFor<bool>()
        from n in Gen.Choose(1, 99)
        from e in Gen.Elements<StepEvent>(
            new StepEvent.AppCall(side, "CLOSE"), new StepEvent.Sent(seg, flag), new StepEvent.Delivered(seg, flag),
            new StepEvent.Lost(seg), new StepEvent.Duplicated(seg), new StepEvent.Delayed(seg), new StepEvent.Expired(seg),
            new StepEvent.StateChanged(side, "X", state), new StepEvent.AppReceived(side, "d1", n % 3),
            new StepEvent.TimerFired(side, "retransmit"), new StepEvent.Tick(n), new StepEvent.Crashed(side),
            new StepEvent.Note(flag ? side : null, "segment not acceptable"),
            new StepEvent.Note(side, "naive-fin: FIN processed although earlier data is missing, and a long note that wraps"))
        select e;

    private static Gen<ChartInput> Inputs =>
        from steps in Gen.ListOf(Gen.ListOf(Events).Select(es => new ChartStep("act", es.ToList())))
        from loop in Gen.Choose(-1, steps.Count - 1)
        select new ChartInput(["random"], "A", "B", "CLOSED", "LISTEN", steps.ToList(), loop < 0 ? null : loop);

    [Fact]
    public void Every_step_has_one_numbered_line_in_order_and_no_line_is_wider_than_100() =>
        Prop.ForAll(Arb.From(Inputs), input =>
        {
            var chart = SequenceChart.Render(input);
            var lines = chart.Split('\n');
            var numbers = lines.Select(l => l.Length >= 4 && l[3] == '.' && int.TryParse(l[..3], out var k) ? k : -1)
                .Where(k => k >= 0).ToList();
            Assert.True(numbers.SequenceEqual(Enumerable.Range(0, input.Steps.Count + 1)), chart);
            Assert.True(lines.All(l => l.Length <= 100), chart);
        }).Check(Runs);

    [Fact]
    public void Mermaid_names_every_step_and_balances_its_loop_block() =>
        Prop.ForAll(Arb.From(Inputs), input =>
        {
            var text = MermaidChart.Render(input);
            Assert.True(Enumerable.Range(1, input.Steps.Count).All(k => text.Contains($": {k}. ")), text);
            var loops = text.Split('\n').Count(l => l.TrimStart().StartsWith("loop "));
            var ends = text.Split('\n').Count(l => l.Trim() == "end");
            Assert.Equal(input.LoopStart is null ? 0 : 1, loops);
            Assert.Equal(loops, ends);
        }).Check(Runs);
}
