using System.Text.RegularExpressions;
using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Testing;
using Microsoft.Playwright;

namespace HotSpots.Browser.Tests;

/// <summary>An analyst reviews a draft in a real browser, edits a briefing and publishes; officers are offered published spots only.</summary>
public sealed class AnalystReviewTests : IAsyncLifetime
{
    private const string Briefing = "Door staff at the station kiosk report fights after 23:00: stand by the taxi rank.";
    private readonly TestDatabase _database = TestDatabase.Create("Sqlite");
    private HotSpotsApp _app = null!;
    private Uri _address = null!;

    public Task InitializeAsync()
    {
        _app = new HotSpotsApp(_database);
        _address = _app.StartOnRealPort();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _database.Dispose();
    }

    [Fact]
    public async Task An_analyst_reviews_a_draft_edits_a_briefing_and_publishes_and_direct_me_then_offers_only_published_spots()
    {
        var snapshot = _app.Service<IHotspotSnapshot>();
        var seeded = snapshot.Current.Set!.Id;

        await using var desktop = await Desktop.OpenAsync(_address);
        await desktop.SignInAsync("analyst@demo.hotspots");
        var page = desktop.Page;
        await page.GotoAsync("/Analyst");
        // One spot only, so that Direct me has exactly one published spot to offer after publishing.
        await page.GetByLabel("Number of hot spots").FillAsync("1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save options" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("refreshes keep 1 spots");
        await page.GetByRole(AriaRole.Button, new() { Name = "Make a new draft" }).ClickAsync();
        await Navigation.ArriveAsync(page, new Regex("/Analyst/Set/\\d+$"));
        var draftId = long.Parse(page.Url.Split('/').Last());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Set {draftId}: draft");
        await Assertions.Expect(page.Locator("#analyst-map .leaflet-interactive").First).ToBeVisibleAsync(); // polygons and density drawn
        await Assertions.Expect(page.Locator(".spot")).ToHaveCountAsync(1);

        await page.GetByLabel($"Briefing for officers (set {draftId})").FillAsync(Briefing);
        await page.Locator(".spot").GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Save the briefing") }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Briefing saved.");
        await desktop.ScreenshotAsync("analyst-review-desktop");

        // Before publishing, officers are still sent to the published set's spots, with their old briefings.
        var draftSpot = (await ReviewAsync(draftId)).Spots.Single().Spot;
        await using var phone = await Phone.OpenAsync(_address, draftSpot.Centre.Latitude, draftSpot.Centre.Longitude);
        await phone.SignInAsync("officer@demo.hotspots");
        var offered = await DirectMeAsync(phone);
        snapshot.Current.Set!.Id.ShouldBe(seeded);
        snapshot.Current.Spots.Select(s => s.Name).ShouldContain(offered.Name);
        offered.Briefing.ShouldNotBe(Briefing);

        await page.GetByRole(AriaRole.Button, new() { Name = "Publish this set" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Set {draftId} is published");
        snapshot.Current.Set!.Id.ShouldBe(draftId);

        var now = await DirectMeAsync(phone);
        now.Name.ShouldBe(draftSpot.Name);
        now.Briefing.ShouldBe(Briefing);
        snapshot.Current.Spots.Single().Id.ShouldBe(draftSpot.Id);
    }

    [Fact]
    public async Task A_spot_at_a_place_on_the_force_list_is_flagged_with_the_reason_holds_publication_and_is_excluded_in_one_click()
    {
        var snapshot = _app.Service<IHotspotSnapshot>();
        var first = snapshot.Current.Spots[0];
        await using var desktop = await Desktop.OpenAsync(_address);
        await desktop.SignInAsync("analyst@demo.hotspots");
        var page = desktop.Page;

        // The force's list: a bad file changes nothing and says why; a good one replaces the list.
        await page.GotoAsync("/Analyst/Places");
        await Assertions.Expect(page.GetByText("No places uploaded")).ToBeVisibleAsync();
        async Task UploadAsync(string text)
        {
            await page.GetByLabel("CSV or GeoJSON file").SetInputFilesAsync(new FilePayload { Name = "places.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(text) });
            await page.GetByRole(AriaRole.Button, new() { Name = "Replace the list" }).ClickAsync();
        }
        await UploadAsync("name,kind,latitude,longitude\nTown custody,jail,51.5,-1.0\n");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("places.csv line 2 (Town custody): kind \"jail\" is not one of");
        var at = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{first.Centre.Latitude:0.000000},{first.Centre.Longitude:0.000000}");
        await UploadAsync($"name,kind,latitude,longitude,radius_m\nTown custody suite,custody-suite,{at},30\n");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("1 place from places.csv");
        await Assertions.Expect(page.Locator("#places tbody tr")).ToHaveCountAsync(1);

        // The next draft flags the spot there, with the reason, and cannot be published until it is decided.
        await page.GotoAsync("/Analyst");
        await page.GetByRole(AriaRole.Button, new() { Name = "Make a new draft" }).ClickAsync();
        await Navigation.ArriveAsync(page, new Regex("/Analyst/Set/\\d+$"));
        var draftId = long.Parse(page.Url.Split('/').Last());
        var flag = (await ReviewAsync(draftId)).Flags.ShouldHaveSingleItem();
        flag.Place.ShouldBe("Town custody suite");
        var label = $"#{flag.Rank} {flag.SpotName}";
        var card = page.Locator($"#flag-{flag.HotspotId}");
        await Assertions.Expect(card).ToContainTextAsync("Awaits a decision");
        await Assertions.Expect(card).ToContainTextAsync("Town custody suite (custody suite, on the force's list of places) lies within the spot");
        await Assertions.Expect(page.Locator("#publish-held")).ToContainTextAsync("1 flagged spot below must be excluded or kept");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish this set" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync($"{label} (custody suite). Exclude or keep each before publishing.");
        snapshot.Current.Set!.Id.ShouldNotBe(draftId);

        // The flagged spots fit a phone's width too (the site's header is another matter).
        await page.SetViewportSizeAsync(360, 800);
        (await page.EvaluateAsync<string>(
            "[...document.querySelectorAll('#places, #places *, .spot, .spot *')].filter(e => e.getBoundingClientRect().right > 361)"
            + ".map(e => e.tagName + '.' + e.className + '#' + e.id + ' ' + Math.round(e.getBoundingClientRect().right)).slice(0, 10).join('; ')"))
            .ShouldBeEmpty();
        await page.SetViewportSizeAsync(1280, 900);

        // One click excludes it: it leaves the set, its place becomes an exclusion, and the set publishes without it.
        await page.GetByRole(AriaRole.Button, new() { Name = $"Exclude {label}" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Spot excluded");
        await Assertions.Expect(card).ToContainTextAsync("Excluded by analyst@demo.hotspots");
        await Assertions.Expect(page.Locator("#excluded-spots")).ToContainTextAsync(label);
        await Assertions.Expect(page.Locator($"#spot-{flag.HotspotId}")).ToHaveCountAsync(0);
        await desktop.ScreenshotAsync("analyst-places-desktop");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish this set" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Set {draftId} is published");
        snapshot.Current.Set!.Id.ShouldBe(draftId);
        snapshot.Current.Spots.ShouldNotContain(s => s.Id == flag.HotspotId);
        await page.GotoAsync("/Analyst/Exclusions");
        await Assertions.Expect(page.Locator("#exclusions")).ToContainTextAsync($"Town custody suite (custody suite), from set {draftId}");
    }

    private async Task<HotspotSetReview> ReviewAsync(long setId)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IHotspotReview>().ReviewAsync(setId, CancellationToken.None))!;
    }

    /// <summary>From the officer's home screen, taps Direct me and reads the spot and briefing offered.</summary>
    private static async Task<(string Name, string Briefing)> DirectMeAsync(Phone phone)
    {
        var page = phone.Page;
        await page.GotoAsync("/Officer");
        var directMe = page.GetByRole(AriaRole.Button, new() { Name = "Direct me to a hot spot" });
        await Assertions.Expect(directMe).ToBeEnabledAsync();
        await directMe.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Why here" })).ToBeVisibleAsync();
        var name = await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).TextContentAsync();
        var briefing = await page.Locator(".briefing").TextContentAsync();
        return (name!.Trim(), briefing!.Trim());
    }
}
