using PuppeteerSharp;
using TcpModelCheck.Cli;
using TcpModelCheck.Explorer.Tests.Support;

namespace TcpModelCheck.Explorer.Tests;

/// <summary><c>compare --html</c>'s file opened in headless Chromium from disk: it fetches nothing, its matrix
/// has a coloured cell per verdict with the reason on hover and click, and each counterexample is drawn.</summary>
public sealed class ReportPageTests(HeadlessChromium browser) : IClassFixture<HeadlessChromium>
{
    [SkippableFact]
    public async Task The_compare_report_opens_offline_with_its_cells_and_counterexample_charts()
    {
        Skip.If(HeadlessChromium.Missing is not null, HeadlessChromium.Missing);
        var dir = Directory.CreateTempSubdirectory("tcpmc-report-").FullName;
        try
        {
            var file = Path.Combine(dir, "report.html");
            // Without faults the two configurations are small; they are outside the expected-verdict table, so every
            // property is expected to hold, and no-time-wait's violations are mismatches (exit 1).
            var output = new StringWriter();
            var code = Tcpmc.Run(["compare", "--variant", "rfc9293,no-time-wait", "--workload", "client-closes-first",
                "--loss-budget", "0", "--delay-budget", "0", "--trace", "none", "--html", file], output, new StringWriter());
            Assert.Equal(1, code);
            Assert.Contains($"HTML report written to {file}", output.ToString());

            await using var page = await browser.NewPageAsync();
            var requests = new List<string>();
            page.Request += (_, e) => requests.Add(e.Request.Url);
            await page.GoToAsync(new Uri(file).AbsoluteUri, WaitUntilNavigation.Load);
            Assert.All(requests, url => Assert.StartsWith("file://", url));

            const string rfc = "#matrix tr[data-config^=\"rfc9293/client-closes-first\"]";
            const string ntw = "#matrix tr[data-config^=\"no-time-wait/client-closes-first\"]";
            Assert.Equal(2, await Count(page, "#matrix tbody tr"));
            Assert.Equal("holds", await Attr(page, rfc + " td[data-property=\"graceful-close\"]", "data-verdict"));
            var cell = ntw + " td[data-property=\"graceful-close\"]";
            Assert.Equal("violated", await Attr(page, cell, "data-verdict"));
            Assert.Equal("holds", await Attr(page, cell, "data-expected"));
            Assert.Contains("mismatch", await Attr(page, cell, "class"));
            Assert.Contains("EXPECTED holds", await Attr(page, cell, "title"));
            await page.ClickAsync(cell);
            var detail = await page.EvaluateExpressionAsync<string>("document.querySelector('#cell-detail').textContent");
            Assert.StartsWith("no-time-wait/client-closes-first", detail);
            Assert.Contains(" · graceful-close (invariant): violated — counterexample of ", detail);
            // the cell links to its counterexample, drawn with the violating step marked
            var href = await Attr(page, cell + " a", "href");
            Assert.Equal(1, await Count(page, $"{href} svg g.step.violation"));
            Assert.Equal("bad", (await Attr(page, "#summary", "class")).Split(' ')[1]);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static Task<int> Count(IPage page, string selector) =>
        page.EvaluateFunctionAsync<int>("s => document.querySelectorAll(s).length", selector);

    private static Task<string> Attr(IPage page, string selector, string name) =>
        page.EvaluateFunctionAsync<string>("(s, n) => document.querySelector(s).getAttribute(n)", selector, name);
}
