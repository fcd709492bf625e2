using Microsoft.Playwright;

namespace IntegrationHub.Server.Tests.Dashboard;

/// <summary>
/// Debian's chromium driven by Playwright: the driver (node and its package) ships in the Microsoft.Playwright NuGet
/// package and is copied beside the tests (.playwright/), and the browser is the one apt installed, named by path.
/// Nothing is downloaded: Playwright's own browser install is never run.
/// </summary>
public sealed class DashboardBrowser : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium))
        {
            throw new InvalidOperationException(
                $"The dashboard tests need Debian's chromium at {Chromium}: apt-get install -y chromium (test.sh does)."
            );
        }

        // A machine busy building makes the page slower, not wrong: wait longer before calling it wrong.
        Assertions.SetDefaultExpectTimeout(30_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(
            new BrowserTypeLaunchOptions
            {
                ExecutablePath = Chromium,
                Headless = true,
                Args = ["--no-sandbox", "--disable-dev-shm-usage"],
            }
        );
    }

    /// <summary>A fresh tab with its own session storage (so no key carries over from another test).</summary>
    public async Task<IPage> OpenAsync(Uri url)
    {
        var context = await Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        await page.GotoAsync(url.ToString());
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
