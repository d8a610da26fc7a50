using PuppeteerSharp;
using TcpModelCheck.Engine.Traces;
using TcpModelCheck.Explorer.Tests.Support;

namespace TcpModelCheck.Explorer.Tests;

/// <summary>The explorer's page in headless Chromium against a running server: the no-time-wait counterexample
/// taken by clicks, back and forward, a trace file loaded, a permalink followed, "find from here".</summary>
public sealed class ExplorerPageTests(RunningServer server, HeadlessChromium browser) : IClassFixture<RunningServer>, IClassFixture<HeadlessChromium>
{
    [SkippableFact]
    public async Task Clicking_the_counterexample_steps_draws_the_chart_and_marks_the_violation_then_back_clears_it()
    {
        await using var page = await browser.NewPageAsync();
        await Open(page, "");
        var choices = NoTimeWait.Choices;
        for (var i = 0; i < choices.Length; i++)
        {
            Assert.Null(await page.EvaluateExpressionAsync<string?>("document.querySelector('#violation').classList.contains('shown') ? 'shown' : null"));
            await page.ClickAsync($"#actions button.action[data-index=\"{choices[i]}\"]");
            await WaitForPath(page, string.Join('/', choices[..(i + 1)]));
        }
        Assert.Equal(13, await Count(page, "#chart svg g.step"));
        Assert.Equal(1, await Count(page, "#chart svg g.step.violation[data-step=\"12\"]"));
        Assert.Equal("✗ graceful-close violated at step 12", await Text(page, "#violation"));
        Assert.Equal("violated", await page.EvaluateExpressionAsync<string>(
            "document.querySelector('#properties li[data-name=\"graceful-close\"]').dataset.status"));
        Assert.Equal("CLOSED", await Text(page, "#tcb-b .st"));
        if (HeadlessChromium.ScreenshotFolder is { } docs)
            await page.ScreenshotAsync(Path.Combine(docs, "explorer.png"), new ScreenshotOptions { FullPage = false });

        await page.ClickAsync("#back");
        await WaitForPath(page, string.Join('/', choices[..11]));
        Assert.Equal("", await Text(page, "#violation"));
        Assert.Equal("LAST-ACK", await Text(page, "#tcb-b .st"));
        Assert.Equal(12, await Count(page, "#chart svg g.step"));
        await page.ClickAsync("#forward");
        await WaitForPath(page, NoTimeWait.CounterexamplePath);
        await page.ClickAsync("#chart svg g.step[data-step=\"4\"]");
        await WaitForPath(page, string.Join('/', choices[..4]));
        Assert.Equal("ESTABLISHED", await Text(page, "#tcb-a .st"));
    }

    [SkippableFact]
    public async Task A_loaded_trace_file_opens_at_its_last_step()
    {
        var dir = Directory.CreateTempSubdirectory("tcpmc-page-").FullName;
        try
        {
            var file = Path.Combine(dir, "cex.json");
            TraceJson.Write(Paths.WalkedPath.Follow(NoTimeWait.Model, NoTimeWait.CounterexamplePath).ToTrace("graceful-close"), file);
            await using var page = await browser.NewPageAsync();
            await Open(page, "0/0");
            var input = await page.QuerySelectorAsync("#trace-file");
            await input.UploadFileAsync(file);
            await WaitForPath(page, NoTimeWait.CounterexamplePath);
            Assert.Equal("12", await Text(page, "#step-no"));
            Assert.Equal(1, await Count(page, "#chart svg g.step.violation"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [SkippableFact]
    public async Task A_permalink_reproduces_the_view_and_find_from_here_reaches_the_violation()
    {
        await using var page = await browser.NewPageAsync();
        var prefix = string.Join('/', NoTimeWait.Choices[..4]);
        await Open(page, prefix);
        Assert.Equal("ESTABLISHED", await Text(page, "#tcb-a .st"));
        Assert.Equal($"#path={prefix}", await page.EvaluateExpressionAsync<string>("document.querySelector('#permalink').getAttribute('href')"));
        await page.SelectAsync("#find-property", "graceful-close");
        await page.ClickAsync("#find-button");
        await page.WaitForSelectorAsync("#find-follow");
        Assert.StartsWith("graceful-close: violated", await Text(page, "#find-result"));
        await page.ClickAsync("#find-follow");
        await page.WaitForFunctionAsync("() => document.querySelector('#violation').classList.contains('shown')");
        Assert.Equal("✗ graceful-close violated at step 12", await Text(page, "#violation"));

        // a permalink with a path that leaves the model says so in one line
        await page.GoToAsync(server.Server.Url + "#path=0/9", WaitUntilNavigation.Load);
        await page.ReloadAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('#error').classList.contains('shown')");
        Assert.Contains("choice 9 is not enabled", await Text(page, "#error"));
    }

    private async Task Open(IPage page, string path)
    {
        await page.GoToAsync(server.Server.Url + (path == "" ? "" : "#path=" + path), WaitUntilNavigation.Load);
        await WaitForPath(page, path);
    }

    private static Task WaitForPath(IPage page, string path) =>
        page.WaitForFunctionAsync("p => document.body.dataset.path === p && !document.body.dataset.loading", path);

    private static Task<int> Count(IPage page, string selector) =>
        page.EvaluateFunctionAsync<int>("s => document.querySelectorAll(s).length", selector);

    private static Task<string> Text(IPage page, string selector) =>
        page.EvaluateFunctionAsync<string>("s => document.querySelector(s).textContent.trim()", selector);
}
