using System.Globalization;
using System.Text;
using TcpModelCheck.Tcp;
using TcpModelCheck.Tcp.Charts;

namespace TcpModelCheck.Reports.Charts;

/// <summary>
/// Draws a trace as an SVG message sequence chart for the web explorer and the HTML report: the same lines as
/// the text chart (<see cref="SequenceChart"/>; one <see cref="StepLayout"/> decides what goes where), with the
/// two peers as vertical lifelines and each segment as a drawn arrow in the direction of travel, as in RFC 9293's
/// figures. A send is drawn from the sender into the network, an arrival from the network to the receiver, a loss
/// or expiry ends in a cross short of the receiver, a duplicate is a double line, a delay a dotted one.
/// </summary>
/// <remarks>Self-contained: styles are inline, the font is the viewer's monospace, nothing is fetched. Each step
/// is a <c>&lt;g class="step" data-step="n"&gt;</c>, so a page can find, mark and click steps.</remarks>
public static class SvgChart
{
    private const double CharWidth = 7.3, RowHeight = 18, Top = 8, NumberX = 34, AX = 160;

    /// <summary>A step to highlight (a violation) and the words to write beside it.</summary>
    public sealed record Mark(int Step, string Text);

    public static string Render(ChartInput input, Mark? mark = null)
    {
        var columns = ChartColumns.For(input);
        var bx = AX + Math.Max(300, (columns.LabelWidth + 12) * CharWidth);
        var rows = Rows(input, columns);
        var noteX = bx + 16 * CharWidth;
        var widest = rows.Select(r => Math.Max(r.Line.Note.Length * CharWidth + noteX,
            (r.Line.Banner?.Length ?? 0) * CharWidth + NumberX + 10)).DefaultIfEmpty(0).Max();
        var width = Math.Ceiling(Math.Max(noteX + 60, widest + 16) + (mark is null ? 0 : mark.Text.Length * CharWidth + 24));
        var height = Math.Ceiling(Top + (rows.Count + 1) * RowHeight + 6);
        var svg = new Svg(AX, bx, noteX);
        svg.Open(width, height);
        svg.Lifelines(Top + RowHeight * 1.5, height - 4);
        svg.Text(AX, Top + RowHeight * 0.7, input.PeerA, "peer", "middle");
        svg.Text(bx, Top + RowHeight * 0.7, input.PeerB, "peer", "middle");
        var r = 1;
        foreach (var group in rows.GroupBy(x => x.Step))
        {
            var first = r;
            var marked = mark is not null && group.Key == mark.Step;
            svg.BeginStep(group.Key, marked);
            if (marked) svg.Highlight(Top + first * RowHeight, group.Count() * RowHeight, width);
            foreach (var row in group) svg.Row(row.Line, Top + r++ * RowHeight + RowHeight * 0.7);
            if (marked) svg.Text(width - 8, Top + first * RowHeight + RowHeight * 0.7, "✗ " + mark!.Text, "mark", "end");
            svg.EndStep();
        }
        return svg.Close();
    }

    private sealed record Row(int Step, ChartLine Line);

    /// <summary>The chart's lines in order, each with the step it belongs to (0: the initial states, -1: closing
    /// banners), laid out by the text chart's rules.</summary>
    private static List<Row> Rows(ChartInput input, ChartColumns columns)
    {
        var rows = new List<Row> { new(0, new ChartLine { Number = "0", Left = input.InitialA, Right = input.InitialB }) };
        var tracker = new SegmentTracker(input.InitialTime);
        for (var i = 0; i < input.Steps.Count; i++)
        {
            if (input.LoopStart == i) rows.Add(new(i + 1, new ChartLine { Banner = $"loop: steps {i + 1}-{input.Steps.Count} repeat forever" }));
            rows.AddRange(StepLayout.Lines(i + 1, input.Steps[i], tracker, input.ManyIncarnations, columns).Select(l => new Row(i + 1, l)));
        }
        if (input.LoopStart is { } l)
            rows.Add(new(-1, new ChartLine { Banner = l == 0 ? "back to the initial state (step 0): the loop repeats"
                : $"back to the state after step {l}: the loop repeats" }));
        if (input.Ending is { } end) rows.Add(new(-1, new ChartLine { Banner = end }));
        return rows;
    }

    /// <summary>The SVG text being written, with the x positions of the columns.</summary>
    private sealed class Svg(double ax, double bx, double noteX)
    {
        private readonly StringBuilder _sb = new();

        public void Open(double width, double height)
        {
            _sb.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"ui-monospace, 'DejaVu Sans Mono', Menlo, Consolas, monospace\" font-size=\"12\">");
            _sb.Append("<style>.peer{font-weight:bold}.state{fill:#0b4f9c;font-weight:bold}.ann{fill:#333}.note{fill:#777;font-style:italic}")
                .Append(".num{fill:#999}.banner{fill:#6a1b9a;font-weight:bold}.seg{fill:#111}.lost{fill:#b00020}.mark{fill:#b00020;font-weight:bold}")
                .Append(".life{stroke:#bbb;stroke-width:1}.arrow{stroke:#111;stroke-width:1.4;fill:none}.dup{stroke:#111;stroke-width:4;fill:none}")
                .Append(".dupin{stroke:#fff;stroke-width:1.6;fill:none}.dot{stroke:#555;stroke-width:1.4;stroke-dasharray:2 3;fill:none}")
                .Append(".cross{stroke:#b00020;stroke-width:2}.tick{stroke:#999;stroke-dasharray:6 4}.hl{fill:#fde0e0}.head{fill:#111}")
                .Append("text{paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}</style>");
        }

        public void Lifelines(double from, double to)
        {
            Line(ax, from, ax, to, "life");
            Line(bx, from, bx, to, "life");
        }

        public void BeginStep(int step, bool marked) =>
            _sb.Append(CultureInfo.InvariantCulture, $"<g class=\"step{(marked ? " violation" : "")}\" data-step=\"{step}\">");

        public void EndStep() => _sb.Append("</g>");

        public void Highlight(double y, double h, double width) =>
            _sb.Append(CultureInfo.InvariantCulture, $"<rect class=\"hl\" x=\"0\" y=\"{y:0.#}\" width=\"{width:0.#}\" height=\"{h:0.#}\"/>");

        public void Row(ChartLine line, double y)
        {
            if (line.Number != "") Text(NumberX, y, line.Number + ".", "num", "end");
            if (line.Banner is { } banner)
            {
                Text(NumberX + 10, y, banner, banner.StartsWith("property", StringComparison.Ordinal) ? "mark" : "banner", "start");
                return;
            }
            // a state sits beside A's lifeline; an annotation (an application call, a timer) starts at the left margin
            // and may run past the lifeline, as in the text chart
            if (line.Left != "")
            {
                if (Kind(line.Left) == "ann") Text(NumberX + 10, y, line.Left, "ann", "start");
                else Text(ax - 8, y, line.Left, "state", "end");
            }
            if (line.Right != "") Text(bx + 8, y, line.Right, Kind(line.Right), "start");
            if (line.Segment is { } seg) Arrow(seg, line.Arrow, y);
            else if (line.Tick is { } now)
            {
                Line(ax, y - 4, bx, y - 4, "tick");
                Text((ax + bx) / 2, y, $"tick: t={now}", "note", "middle");
            }
            else if (line.Mid != "") Text((ax + bx) / 2, y, line.Mid.Trim(), "ann", "middle");
            if (line.Note != "") Text(noteX, y, line.Note, line.Note.Contains("LOST") || line.Note.Contains("EXPIRED") ? "lost" : "note", "start");
        }

        /// <summary>A segment: its label above the middle, the arrow below it from where it starts to where it ends.</summary>
        private void Arrow(SegmentLabel seg, SegmentArrow.Mark mark, double y)
        {
            var toB = seg.From == Side.Client;
            var (from, to) = toB ? (ax, bx) : (bx, ax);
            var mid = (ax + bx) / 2;
            var ly = y + 2;
            Text(mid, y - 3, seg.ToString(), mark is SegmentArrow.Mark.Lost or SegmentArrow.Mark.Expired ? "lost" : "seg", "middle");
            switch (mark)
            {
                case SegmentArrow.Mark.Sent: Line(from, ly, mid, ly, "arrow", head: true); break;
                case SegmentArrow.Mark.Arrives: Line(mid, ly, to, ly, "arrow", head: true); break;
                case SegmentArrow.Mark.Duplicated:
                    Line(from, ly, mid, ly, "dup");
                    Line(from, ly, mid, ly, "dupin", head: true);
                    break;
                case SegmentArrow.Mark.Delayed: Line(from, ly, mid, ly, "dot", head: true); break;
                default:
                    var stop = mid + (to - mid) * 0.8;
                    Line(mid, ly, stop, ly, mark == SegmentArrow.Mark.Lost ? "arrow" : "dot");
                    Line(stop - 5, ly - 5, stop + 5, ly + 5, "cross");
                    Line(stop - 5, ly + 5, stop + 5, ly - 5, "cross");
                    break;
            }
        }

        /// <summary>A connection state (all capitals, e.g. SYN-SENT) or an annotation in parentheses.</summary>
        private static string Kind(string text) => text.StartsWith('(') ? "ann" : "state";

        public void Text(double x, double y, string text, string cls, string anchor) =>
            _sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{x:0.#}\" y=\"{y:0.#}\" class=\"{cls}\" text-anchor=\"{anchor}\">{Escape(text)}</text>");

        /// <summary>A line; with <paramref name="head"/> an arrowhead at (x2, y2), drawn as a triangle rather than an
        /// SVG marker, whose id would clash when many charts share one page.</summary>
        private void Line(double x1, double y1, double x2, double y2, string cls, bool head = false)
        {
            _sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x1:0.#}\" y1=\"{y1:0.#}\" x2=\"{x2:0.#}\" y2=\"{y2:0.#}\" class=\"{cls}\"/>");
            if (!head) return;
            var d = Math.Sign(x2 - x1) * 8;
            _sb.Append(CultureInfo.InvariantCulture,
                $"<polygon class=\"head\" points=\"{x2:0.#},{y2:0.#} {x2 - d:0.#},{y2 - 4:0.#} {x2 - d:0.#},{y2 + 4:0.#}\"/>");
        }

        public string Close() => _sb.Append("</svg>").ToString();
    }

    /// <summary>Text content and attribute values escaped for XML (labels hold &lt; and &gt;).</summary>
    internal static string Escape(string text) =>
        text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;");
}
