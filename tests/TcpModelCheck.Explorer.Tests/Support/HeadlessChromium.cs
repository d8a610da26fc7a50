using PuppeteerSharp;

namespace TcpModelCheck.Explorer.Tests.Support;

/// <summary>
/// Headless Chromium for the browser tests: Debian's <c>chromium</c> package (installed by .ci/run), driven by
/// PuppeteerSharp over the DevTools protocol. Puppeteer never downloads a browser here: the executable is given.
/// Without it the browser tests are skipped with the reason, never passed.
/// </summary>
public sealed class HeadlessChromium : IAsyncLifetime
{
    /// <summary>Where Debian installs it; TCPMC_CHROMIUM overrides.</summary>
    public static string ExecutablePath => Environment.GetEnvironmentVariable("TCPMC_CHROMIUM") is { Length: > 0 } p ? p : "/usr/bin/chromium";

    /// <summary>Why the browser tests cannot run, or null when they can.</summary>
    public static string? Missing => File.Exists(ExecutablePath) ? null
        : $"no Chromium at {ExecutablePath} (apt-get install chromium, or set TCPMC_CHROMIUM): the browser tests did not run";

    /// <summary>Where tests write the README's screenshots when TCPMC_SCREENSHOTS names a folder (docs/); otherwise
    /// they take none.</summary>
    public static string? ScreenshotFolder => Environment.GetEnvironmentVariable("TCPMC_SCREENSHOTS") is { Length: > 0 } d ? d : null;

    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        if (Missing is not null) return;
        _browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-extensions"],
            Timeout = 30_000,
        });
    }

    /// <summary>A new page of 1400×1000 with a 15 s timeout for every wait (a hung page fails, it does not hang).</summary>
    public async Task<IPage> NewPageAsync()
    {
        Skip.If(Missing is not null, Missing);
        var page = await _browser!.NewPageAsync();
        page.DefaultTimeout = 15_000;
        page.DefaultNavigationTimeout = 15_000;
        await page.SetViewportAsync(new ViewPortOptions { Width = 1400, Height = 1000 });
        return page;
    }

    public async Task DisposeAsync()
    {
        if (_browser is null) return;
        try
        {
            await _browser.CloseAsync();
        }
        finally
        {
            await _browser.DisposeAsync();
        }
    }
}
