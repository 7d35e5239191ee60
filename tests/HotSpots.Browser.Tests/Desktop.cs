using Microsoft.Playwright;

namespace HotSpots.Browser.Tests;

/// <summary>Debian's Chromium as an analyst's desktop browser (a wide window, no position).</summary>
internal sealed class Desktop : IAsyncDisposable
{
    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly IBrowserContext _context;

    private Desktop(IPlaywright playwright, IBrowser browser, IBrowserContext context, IPage page)
    {
        _playwright = playwright;
        _browser = browser;
        _context = context;
        Page = page;
    }

    public IPage Page { get; }

    public static async Task<Desktop> OpenAsync(Uri baseAddress)
    {
        if (!File.Exists(Phone.ChromiumPath))
            throw new InvalidOperationException($"{Phone.ChromiumPath} is missing: install it with 'apt-get install -y chromium' (./test.sh does).");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Phone.ChromiumPath, Headless = true, Args = ChromiumArgs });
        var context = await browser.NewContextAsync(new() { BaseURL = baseAddress.ToString(), ViewportSize = new() { Width = 1280, Height = 900 } });
        // The test machine runs every test assembly at once: pages may take longer than Playwright's 30 s default to load.
        context.SetDefaultTimeout(90_000);
        await MapTiles.RefuseAsync(context);
        return new Desktop(playwright, browser, context, await context.NewPageAsync());
    }

    public Task SignInAsync(string email, string password = HotSpots.Testing.SignedInClient.DemoPassword) =>
        SignInForm.SignInAsync(Page, email, password);

    /// <summary>Saves a screenshot under docs/screenshots when HOTSPOTS_SCREENSHOTS is set.</summary>
    public async Task ScreenshotAsync(string name)
    {
        if (Environment.GetEnvironmentVariable("HOTSPOTS_SCREENSHOTS") is not { Length: > 0 }) return;
        var folder = Path.Combine(HotSpots.Testing.RepositoryPaths.Root, "docs", "screenshots");
        Directory.CreateDirectory(folder);
        await Page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{name}.png"), FullPage = true });
    }

    public async ValueTask DisposeAsync()
    {
        await _context.DisposeAsync();
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
