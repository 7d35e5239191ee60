using Microsoft.Playwright;

namespace HotSpots.Browser.Tests;

/// <summary>Debian's Chromium driven by Playwright, emulating a phone with a position.</summary>
internal sealed class Phone : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private Phone(IPlaywright playwright, IBrowser browser, IBrowserContext context, IPage page)
    {
        _playwright = playwright;
        _browser = browser;
        Context = context;
        Page = page;
    }

    public IBrowserContext Context { get; }
    public IPage Page { get; }

    public static async Task<Phone> OpenAsync(Uri baseAddress, double latitude, double longitude)
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"{ChromiumPath} is missing: install it with 'apt-get install -y chromium' (./test.sh does).");
        // A CI machine under load can take more than Playwright's 5 s default to render a page's first answer.
        Assertions.SetDefaultExpectTimeout(15_000);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Headless = true, Args = ChromiumArgs });
        var device = playwright.Devices["Pixel 7"];
        device.BaseURL = baseAddress.ToString();
        device.Geolocation = new Geolocation { Latitude = (float)latitude, Longitude = (float)longitude, Accuracy = 8 };
        device.Permissions = ["geolocation"];
        var context = await browser.NewContextAsync(device);
        context.SetDefaultTimeout(90_000);
        await MapTiles.RefuseAsync(context);
        var page = await context.NewPageAsync();
        return new Phone(playwright, browser, context, page);
    }

    public Task MoveToAsync(double latitude, double longitude) =>
        Context.SetGeolocationAsync(new Geolocation { Latitude = (float)latitude, Longitude = (float)longitude, Accuracy = 8 });

    public Task SignInAsync(string email, string password = HotSpots.Testing.SignedInClient.DemoPassword) =>
        SignInForm.SignInAsync(Page, email, password);

    /// <summary>
    /// Saves a screenshot under docs/screenshots when HOTSPOTS_SCREENSHOTS is set (./tools/screenshots.sh sets it),
    /// so that the pictures in the docs come from the same browser tests.
    /// </summary>
    public async Task ScreenshotAsync(string name)
    {
        if (Environment.GetEnvironmentVariable("HOTSPOTS_SCREENSHOTS") is not { Length: > 0 }) return;
        var folder = Path.Combine(HotSpots.Testing.RepositoryPaths.Root, "docs", "screenshots");
        Directory.CreateDirectory(folder);
        await Page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{name}.png"), FullPage = true });
    }

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
