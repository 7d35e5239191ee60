using HotSpots.Testing;
using Microsoft.Playwright;

namespace HotSpots.Browser.Tests;

/// <summary>
/// Night shifts: the pages follow the phone's dark setting, a tap chooses dark or light and larger text (kept on the
/// device), and the header fits a 360 px screen for every role. axe-core passes in both themes.
/// </summary>
public sealed class ThemeTests : IAsyncLifetime
{
    private readonly TestDatabase _database = TestDatabase.Create("Sqlite");
    private HotSpotsApp _app = null!;
    private Uri _address = null!;

    public Task InitializeAsync()
    {
        _app = new HotSpotsApp(_database, new Dictionary<string, string?> { ["Demo:CrimesPerYear"] = "2000" });
        _address = _app.StartOnRealPort();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _database.Dispose();
    }

    [Fact]
    public async Task The_officer_pages_follow_the_phones_dark_setting_and_a_tap_chooses_the_theme_and_larger_text()
    {
        await using var phone = await Phone.OpenAsync(_address, 51.4545, -0.9730);
        var page = phone.Page;
        await page.SetViewportSizeAsync(360, 740);
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        await phone.SignInAsync("officer@demo.hotspots");
        await page.GotoAsync("/Officer");
        (await Background(page)).ShouldBe("rgb(13, 17, 23)", "the phone's dark setting gives the dark theme");
        await Accessibility.CheckAsync(page, "the officer's home, dark, 360 px");
        await phone.ScreenshotAsync("officer-home-dark-phone");
        await page.GotoAsync("/Officer/Patrols");
        await Accessibility.CheckAsync(page, "my patrols, dark, 360 px");

        // The user's choice wins over the system's, and stays after a reload.
        var toggle = page.GetByRole(AriaRole.Button, new() { Name = "Dark theme" });
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-pressed", "true");
        await toggle.ClickAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-pressed", "false");
        (await Background(page)).ShouldBe("rgb(244, 246, 248)");
        await page.ReloadAsync();
        (await Background(page)).ShouldBe("rgb(244, 246, 248)", "the choice is kept on the device");
        await Accessibility.CheckAsync(page, "my patrols, light by choice, 360 px");

        var before = await FontSize(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Larger text" }).ClickAsync();
        (await FontSize(page)).ShouldBeGreaterThan(before * 1.1);
        await page.GotoAsync("/Officer");
        await Accessibility.CheckAsync(page, "the officer's home with larger text, 360 px");
    }

    [Theory]
    [InlineData("supervisor@demo.hotspots", "/Supervisor")]
    [InlineData("admin@demo.hotspots", "/Admin/Users")]
    [InlineData("manager@demo.hotspots", "/Manager")]
    public async Task The_header_fits_a_360_px_screen_in_light_and_dark(string email, string path)
    {
        await using var phone = await Phone.OpenAsync(_address, 51.4545, -0.9730);
        var page = phone.Page;
        await page.SetViewportSizeAsync(360, 740);
        await phone.SignInAsync(email);
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            await page.EmulateMediaAsync(new() { ColorScheme = scheme });
            await page.GotoAsync(path);
            var header = await page.EvaluateAsync<int[]>("[document.querySelector('header').scrollWidth, window.innerWidth]");
            header[0].ShouldBeLessThanOrEqualTo(header[1], $"the header of {path} is wider than a 360 px screen ({scheme})");
            await Accessibility.CheckAsync(page, $"{path} at 360 px, {scheme}");
        }
    }

    private static Task<string> Background(IPage page) => page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor || getComputedStyle(document.documentElement).backgroundColor");

    private static Task<double> FontSize(IPage page) => page.EvaluateAsync<double>("parseFloat(getComputedStyle(document.documentElement).fontSize)");
}
