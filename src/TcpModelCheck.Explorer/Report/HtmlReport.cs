using System.Globalization;
using System.Net;
using System.Text;
using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Engine.Traces;

namespace TcpModelCheck.Explorer.Report;

/// <summary>
/// The self-contained HTML report of <c>compare</c> and <c>check</c> (<c>--html FILE</c>): the verdict matrix
/// (configurations × properties, coloured, the reason on hover and on click), each counterexample as an SVG chart
/// with its choice path and trace JSON, the state counts and timings, and every configuration's settings. One file,
/// styles and the one small script inline, nothing fetched: it reads the same offline and as a CI artifact.
/// </summary>
public static class HtmlReport
{
    public static string Render(ReportDocument doc, Func<Trace, Verdict?, Engine.Model.PropertyKind?, string>? chart = null)
    {
        chart ??= ReportCharts.Svg;
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(H(doc.Title)).Append("</title>\n");
        sb.Append("<style>").Append(Style).Append("</style>\n</head>\n<body>\n");
        sb.Append("<h1>").Append(H(doc.Title)).Append("</h1>\n");
        sb.Append("<p class=\"cmd\"><code>").Append(H(doc.Command)).Append("</code></p>\n");
        sb.Append("<p id=\"summary\" class=\"summary ").Append(doc.Good ? "ok" : "bad").Append("\">").Append(H(doc.Summary)).Append("</p>\n");
        var traces = TraceIds(doc);
        Matrix(sb, doc, traces);
        sb.Append("<p id=\"cell-detail\" class=\"detail\">Hover over a cell for its reason; click it for the reason, or for the chart of its counterexample.</p>\n");
        sb.Append("<p class=\"legend\"><span class=\"cell holds\">holds</span> <span class=\"cell violated expected\">violated, as expected</span> ")
            .Append("<span class=\"cell violated\">violated</span> <span class=\"cell inconclusive\">inconclusive</span> ")
            .Append("<span class=\"cell mismatch\">differs from the expected verdict</span></p>\n");
        Configurations(sb, doc);
        Traces(sb, doc, traces, chart);
        if (doc.Notes.Count > 0)
        {
            sb.Append("<section id=\"notes\"><h2>Notes</h2><ul>");
            foreach (var n in doc.Notes) sb.Append("<li>").Append(H(n)).Append("</li>");
            sb.Append("</ul></section>\n");
        }
        sb.Append("<script>").Append(Script).Append("</script>\n</body>\n</html>\n");
        return sb.ToString();
    }

    /// <summary>The anchor of each drawn trace, by (row, property).</summary>
    private static Dictionary<(int, string), string> TraceIds(ReportDocument doc)
    {
        var ids = new Dictionary<(int, string), string>();
        for (var r = 0; r < doc.Rows.Count; r++)
            foreach (var c in doc.Rows[r].Cells)
                if (c.Trace is not null) ids[(r, c.Property)] = $"t{r}-{c.Property}";
        return ids;
    }

    private static void Matrix(StringBuilder sb, ReportDocument doc, Dictionary<(int, string), string> traces)
    {
        var properties = doc.Rows.SelectMany(r => r.Cells.Select(c => (c.Property, c.Kind))).Distinct().ToList();
        sb.Append("<table id=\"matrix\" class=\"matrix\">\n<thead><tr><th>configuration</th><th>").Append(H(doc.CountColumn))
            .Append("</th><th>seconds</th>");
        foreach (var (p, kind) in properties)
            sb.Append("<th class=\"prop\" title=\"").Append(H(kind)).Append("\"><span>").Append(H(p)).Append("</span></th>");
        sb.Append("</tr></thead>\n<tbody>\n");
        for (var r = 0; r < doc.Rows.Count; r++)
        {
            var row = doc.Rows[r];
            sb.Append("<tr data-config=\"").Append(H(row.Configuration)).Append("\"><th>").Append(H(row.Configuration)).Append("</th>")
                .Append("<td class=\"num\">").Append(row.Count.ToString("N0", CultureInfo.InvariantCulture)).Append("</td>")
                .Append("<td class=\"num\">").Append(row.Seconds is { } s ? s.ToString("0.00", CultureInfo.InvariantCulture) : "").Append("</td>");
            foreach (var (p, _) in properties)
            {
                var cell = row.Cells.FirstOrDefault(c => c.Property == p);
                if (cell is null) { sb.Append("<td></td>"); continue; }
                traces.TryGetValue((r, p), out var id);
                Cell(sb, row, cell, id);
            }
            sb.Append("</tr>\n");
        }
        sb.Append("</tbody></table>\n");
    }

    private static void Cell(StringBuilder sb, ReportRow row, ReportCell cell, string? traceId)
    {
        var cls = cell.Found switch { Verdict.Holds => "holds", Verdict.Violated => "violated", _ => "inconclusive" };
        if (cell.Expected == cell.Found && cell.Found == Verdict.Violated) cls += " expected";
        if (cell.Mismatch) cls += " mismatch";
        var text = cell.Found switch
        {
            Verdict.Holds => cell.Kind == "witness" ? "reached" : "holds",
            Verdict.Violated => cell.Kind == "witness" ? "unreached" : "violated",
            _ => "?",
        };
        var steps = cell.Trace?.Length;
        var detail = Detail(row, cell);
        sb.Append("<td class=\"cell ").Append(cls).Append("\" data-property=\"").Append(H(cell.Property))
            .Append("\" data-verdict=\"").Append(Word(cell.Found)).Append('"');
        if (cell.Expected is { } e) sb.Append(" data-expected=\"").Append(Word(e)).Append('"');
        sb.Append(" title=\"").Append(H(detail)).Append("\">");
        var label = text + (steps is { } n && cell.Found == Verdict.Violated ? $" {n}" : "");
        if (traceId is not null) sb.Append("<a href=\"#").Append(traceId).Append("\">").Append(H(label)).Append("</a>");
        else sb.Append(H(label));
        sb.Append("</td>");
    }

    /// <summary>The words behind a cell: verdict, expectation and why, the reason of an inconclusive or missing one.</summary>
    private static string Detail(ReportRow row, ReportCell cell)
    {
        var parts = new List<string> { $"{row.Configuration} · {cell.Property} ({cell.Kind}): {Word(cell.Found)}" };
        if (cell.Trace is { } t && cell.Found == Verdict.Violated) parts.Add($"counterexample of {t.Length} steps");
        if (cell.Expected is { } e)
            parts.Add(cell.Mismatch ? $"EXPECTED {Word(e)}" : cell.Found == Verdict.Inconclusive ? $"not settled (expected {Word(e)})" : "as expected");
        if (cell.Why is { } why) parts.Add(why);
        if (cell.Reason is { } reason) parts.Add(reason);
        return string.Join(" — ", parts);
    }

    private static void Configurations(StringBuilder sb, ReportDocument doc)
    {
        sb.Append("<section id=\"configurations\"><h2>Configurations</h2>\n");
        foreach (var row in doc.Rows)
        {
            sb.Append("<details class=\"config\"><summary><b>").Append(H(row.Configuration)).Append("</b>: ")
                .Append(H(row.Effort));
            if (row.Seconds is { } s) sb.Append(", ").Append(s.ToString("0.00", CultureInfo.InvariantCulture)).Append(" s");
            if (row.CutShort is { } cut) sb.Append(" — <span class=\"cut\">cut short: ").Append(H(cut)).Append("</span>");
            sb.Append("</summary><table class=\"settings\">");
            foreach (var (k, v) in row.Settings) sb.Append("<tr><td>").Append(H(k)).Append("</td><td>").Append(H(v)).Append("</td></tr>");
            sb.Append("</table></details>\n");
        }
        sb.Append("</section>\n");
    }

    private static void Traces(StringBuilder sb, ReportDocument doc, Dictionary<(int, string), string> ids,
        Func<Trace, Verdict?, Engine.Model.PropertyKind?, string> chart)
    {
        if (ids.Count == 0) return;
        sb.Append("<section id=\"traces\"><h2>Counterexamples</h2>\n");
        for (var r = 0; r < doc.Rows.Count; r++)
            foreach (var cell in doc.Rows[r].Cells)
            {
                if (cell.Trace is not { } trace) continue;
                var what = cell.Found == Verdict.Violated ? "VIOLATED" : "witness";
                sb.Append("<article class=\"trace\" id=\"").Append(ids[(r, cell.Property)]).Append("\"><h3>")
                    .Append(H(doc.Rows[r].Configuration)).Append(" · ").Append(H(cell.Property)).Append(": ").Append(what)
                    .Append(" (").Append(trace.Length).Append(" steps")
                    .Append(trace.LoopStart is { } l ? $", a lasso looping back after step {l}" : "").Append(")</h3>\n");
                sb.Append("<p>").Append(H(Detail(doc.Rows[r], cell))).Append("</p>\n");
                sb.Append("<p>choice path: <code>").Append(H(trace.ChoicePath)).Append("</code></p>\n");
                sb.Append("<div class=\"svg\">").Append(chart(trace, cell.Found, cell.PropertyKind)).Append("</div>\n");
                sb.Append("<details><summary>trace JSON (save it as a file for <code>tcpmc replay</code> or <code>tcpmc explore --trace</code>)</summary><pre>")
                    .Append(H(TraceJson.Serialize(trace))).Append("</pre></details>\n</article>\n");
            }
        sb.Append("</section>\n");
    }

    private static string Word(Verdict v) => v switch
    {
        Verdict.Holds => "holds",
        Verdict.Violated => "violated",
        _ => "inconclusive",
    };

    private static string H(string text) => WebUtility.HtmlEncode(text);

    private const string Style =
        "body{font:14px/1.4 system-ui,-apple-system,'Segoe UI',sans-serif;color:#1b1b1b;margin:16px 24px;background:#fafafa}" +
        "h1{font-size:20px;margin:0 0 6px}h2{font-size:16px;margin:22px 0 8px}h3{font-size:14px;margin:0 0 6px}" +
        ".cmd code{background:#eee;padding:2px 6px;border-radius:3px}.summary{font-weight:700;padding:6px 10px;border-radius:4px;display:inline-block}" +
        ".summary.ok{background:#d4f4dd;color:#14532d}.summary.bad{background:#fde0e0;color:#8a0015}" +
        "table.matrix{border-collapse:collapse;background:#fff;font-size:12px}.matrix th,.matrix td{border:1px solid #ddd;padding:3px 6px}" +
        ".matrix thead th.prop{height:170px;vertical-align:bottom;padding:4px 2px}.matrix thead th.prop span{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap}" +
        ".matrix tbody th{text-align:left;white-space:nowrap;font-family:ui-monospace,monospace;font-weight:600}.num{text-align:right;font-family:ui-monospace,monospace}" +
        ".cell{text-align:center;white-space:nowrap;cursor:pointer}.cell a{color:inherit}" +
        ".holds{background:#d4f4dd}.violated{background:#f8b4b4}.violated.expected{background:#fde2c8}.inconclusive{background:#e4e4e4}" +
        ".mismatch{outline:3px solid #b00020;outline-offset:-3px;font-weight:700}" +
        ".legend span{display:inline-block;padding:1px 8px;margin-right:4px;border:1px solid #ddd}" +
        ".detail{background:#fff;border:1px solid #ddd;border-radius:4px;padding:6px 10px;min-height:1.4em}" +
        "details.config{background:#fff;border:1px solid #eee;margin:3px 0;padding:3px 8px}table.settings{font-family:ui-monospace,monospace;font-size:12px}" +
        "table.settings td{padding:0 12px 0 0}.cut{color:#8a0015}" +
        "article.trace{background:#fff;border:1px solid #ddd;border-radius:6px;padding:10px 12px;margin:10px 0}article.trace:target{border-color:#0b4f9c;box-shadow:0 0 0 2px #0b4f9c33}" +
        ".svg{overflow:auto}pre{font-size:11px;max-height:300px;overflow:auto;background:#f6f6f6;padding:6px}";

    /// <summary>Clicking a cell shows its reason in the detail line (hover shows it as the cell's title).</summary>
    private const string Script =
        "document.querySelectorAll('#matrix td.cell').forEach(function(td){td.addEventListener('click',function(){" +
        "document.getElementById('cell-detail').textContent=td.title;document.querySelectorAll('#matrix td.selected').forEach(function(x){x.classList.remove('selected')});" +
        "td.classList.add('selected');});});";
}
