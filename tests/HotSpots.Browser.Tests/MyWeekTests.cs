using HotSpots.Modules.Dashboard.Contracts;
using HotSpots.Testing;
using Microsoft.Playwright;

namespace HotSpots.Browser.Tests;

/// <summary>"My week" on a 360 px phone, light and dark: reached from the officer's home, the officer's own figures, the place in the team where the force allows it, axe-core clean.</summary>
public sealed class MyWeekTests : IAsyncLifetime
{
    private readonly TestDatabase _database = TestDatabase.Create("Sqlite");
    private HotSpotsApp _app = null!;
    private Uri _address = null!;

    public async Task InitializeAsync()
    {
        // Two weeks of the demo force's patrol history, so that this week and last have figures.
        _app = new HotSpotsApp(_database, new Dictionary<string, string?> { ["Demo:PatrolHistoryDays"] = "14", ["Demo:CrimesPerYear"] = "2000" });
        _address = _app.StartOnRealPort();
        await using var scope = _app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IDashboardModule>().SetSettingsAsync(new DashboardSettings(false, true, OfficersSeeTheirPlace: true), "test", CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _database.Dispose();
    }

    [Fact]
    public async Task My_week_is_reached_from_the_home_fits_360_px_and_passes_axe_in_light_and_dark()
    {
        await using var phone = await Phone.OpenAsync(_address, 51.4545, -0.9730);
        var page = phone.Page;
        await page.SetViewportSizeAsync(360, 740);
        await phone.SignInAsync("officer@demo.hotspots");
        await page.GotoAsync("/Officer");
        await page.Locator("#my-week-link").ClickAsync();
        await Navigation.ArriveAsync(page, new System.Text.RegularExpressions.Regex("/Officer/Week$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("My week");
        await Assertions.Expect(page.Locator("#my-week")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#week-days")).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"This week is Monday \d{1,2} \w+ \d{4} to Sunday \d{1,2} \w+ \d{4}"));
        // On a Monday the demo's history (days before today) leaves this week empty: then the place waits for minutes.
        await Assertions.Expect(page.Locator("#team-place")).ToContainTextAsync(new System.Text.RegularExpressions.Regex(
            @"Town Centre, this week: \d+(st|nd|rd|th) of \d+|once you have minutes in spots this week"));
        (await page.Locator("#minutes-last").InnerTextAsync()).ShouldNotBe("0", "the demo officer patrolled last week");
        await Accessibility.CheckAsync(page, "my week, light, 360 px");
        await phone.ScreenshotAsync("officer-my-week-phone");

        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        await page.ReloadAsync();
        (await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor")).ShouldBe("rgb(13, 17, 23)");
        await Accessibility.CheckAsync(page, "my week, dark, 360 px");
        await phone.ScreenshotAsync("officer-my-week-dark-phone");

        // The menu leads there too.
        await page.GotoAsync("/Officer/Patrols");
        await Assertions.Expect(page.Locator("nav.nav a[href='/Officer/Week']")).ToHaveCountAsync(1);
    }
}
