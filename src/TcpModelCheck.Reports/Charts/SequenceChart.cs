using System.Text;
using TcpModelCheck.Tcp.Charts;

namespace TcpModelCheck.Reports.Charts;

/// <summary>
/// Renders a trace as a plain-text message sequence chart in the spirit of RFC 9293's figures (Figures 6,
/// 7 and 13): peer A on the left, peer B on the right, segments as labelled arrows between them, one numbered
/// block per trace step, and only what changed in that step.
/// </summary>
/// <remarks>
/// In the model, sending and delivering a segment are separate steps (the network may hold a segment for a
/// long time), so each segment is drawn twice: at the step that sends it, with the arrow at the sender
/// (<c>--&gt; &lt;SEQ=..&gt;</c>), and at the step that delivers it, with the arrow at the receiver and a note
/// "sent at i, age t". Arrows always point in the direction of travel and sit at the endpoint involved.
/// Losses end in an X at the receiver (<c>--X</c>), expiries after MSL in <c>~~X</c>, a duplicate enters the
/// network as <c>==&gt;</c>.
/// </remarks>
public static class SequenceChart
{
    /// <summary>The legend printed under the header.</summary>
    public const string Legend =
        "arrows point the way a segment travels: at the sender when it is sent, at the receiver when it\n" +
        "arrives;  --X lost  ~~X expired (MSL)  ==> duplicated  ..> delayed  (...) application call or timer";

    public static string Render(ChartInput input)
    {
        var lines = new List<ChartLine>();
        lines.Add(new ChartLine { Left = input.PeerA, Right = input.PeerB });
        lines.Add(new ChartLine { Number = "0", Left = input.InitialA, Right = input.InitialB });
        var columns = ChartColumns.For(input);
        var tracker = new SegmentTracker(input.InitialTime);
        var tags = input.ManyIncarnations;
        for (var i = 0; i < input.Steps.Count; i++)
        {
            if (input.LoopStart == i) lines.Add(LoopBanner($"loop: steps {i + 1}-{input.Steps.Count} repeat forever"));
            lines.AddRange(StepLayout.Lines(i + 1, input.Steps[i], tracker, tags, columns));
        }
        if (input.LoopStart is { } l)
            lines.Add(LoopBanner(l == 0 ? "back to the initial state (step 0): the loop repeats"
                : $"back to the state after step {l}: the loop repeats"));
        if (input.Ending is { } end) lines.Add(new ChartLine { Banner = end });

        var sb = new StringBuilder();
        foreach (var h in input.Header) foreach (var w in TextWrap.Lines(h, ChartColumns.Width)) sb.AppendLine(w);
        foreach (var legend in Legend.Split('\n')) sb.AppendLine(legend);
        if (tags) sb.AppendLine("[#n]: the (ghost) connection incarnation a segment or data item belongs to");
        sb.AppendLine();
        foreach (var line in lines) foreach (var text in line.Render(columns)) sb.AppendLine(text);
        return sb.ToString();
    }

    private static ChartLine LoopBanner(string text)
    {
        var body = $"==== {text} ";
        return new ChartLine { Banner = body.PadRight(ChartColumns.Width - ChartColumns.NumberWidth, '=') };
    }
}
