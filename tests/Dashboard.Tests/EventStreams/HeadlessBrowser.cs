using Microsoft.Playwright;

namespace Outreach.Dashboard.Tests.EventStreams;

/// <summary>Debian's Chromium driven by Playwright, logged in to a dashboard through its token link.</summary>
public sealed class HeadlessBrowser : IAsyncDisposable
{
    private static readonly string[] ChromiumArgs = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"];

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private HeadlessBrowser(IPlaywright playwright, IBrowser browser, IPage page)
    {
        _playwright = playwright;
        _browser = browser;
        Page = page;
    }

    public IPage Page { get; }

    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public static async Task<HeadlessBrowser> LogInAsync(Support.StandaloneDashboard dashboard)
    {
        ArgumentNullException.ThrowIfNull(dashboard);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ChromiumArgs });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        await page.GotoAsync(new Uri(dashboard.BaseAddress, $"/login?t={Uri.EscapeDataString(dashboard.Options.BrowserToken)}").ToString());
        Directory.CreateDirectory(ScreenshotDirectory);
        return new HeadlessBrowser(playwright, browser, page);
    }

    public Task ScreenshotAsync(string name) =>
        Page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
