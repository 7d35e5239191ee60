using System.Text.RegularExpressions;
using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Modules.Tasking.Contracts;
using HotSpots.Platform;
using HotSpots.Testing;
using Microsoft.Playwright;

namespace HotSpots.Browser.Tests;

/// <summary>
/// The officer chooses: tapping a listed spot opens it (why here, briefing, distance) with "Start patrol here"; an
/// officer standing in a spot is offered that spot first; with a trial running, a control spot is never offered by
/// tapping (here in the browser; over HTTP for every spot of a running trial: TaskingPathsTests).
/// </summary>
public sealed class ChooseSpotTests : IAsyncLifetime
{
    private readonly TestDatabase _database = TestDatabase.Create("Sqlite");
    private HotSpotsApp _app = null!;
    private Uri _address = null!;

    public Task InitializeAsync()
    {
        _app = new HotSpotsApp(_database, new Dictionary<string, string?> { ["Patrols:MaxSpeedMetresPerSecond"] = "100000" });
        _address = _app.StartOnRealPort();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _database.Dispose();
    }

    [Fact]
    public async Task An_officer_taps_a_listed_spot_and_patrols_it_and_standing_in_a_spot_is_offered_it_first()
    {
        var spots = (await _app.Service<IHotspotSnapshot>().CurrentAsync(CancellationToken.None)).Spots;
        var standIn = spots[3];
        await using var phone = await Phone.OpenAsync(_address, standIn.Centre.Latitude, standIn.Centre.Longitude);
        var page = phone.Page;
        await page.SetViewportSizeAsync(360, 740);
        await phone.SignInAsync("officer@demo.hotspots");
        await page.GotoAsync("/Officer");

        // Standing in a spot: it is offered first, above the list.
        var offer = page.Locator("#inside-offer");
        await Assertions.Expect(offer).ToBeVisibleAsync();
        await Assertions.Expect(offer).ToContainTextAsync($"#{standIn.Rank} {standIn.Name}");
        await Assertions.Expect(page.Locator("#nearby li").First).ToContainTextAsync(standIn.Name);
        await Accessibility.CheckAsync(page, "the officer's home, standing in a spot");
        await phone.ScreenshotAsync("officer-home-inside-phone");

        // Tapping another listed spot opens it, with why here and the briefing, and starts a patrol of that spot.
        var second = page.Locator("#nearby li a.spot-link").Nth(1);
        var chosenName = Regex.Replace((await second.TextContentAsync())!, @"^#\d+ ", "");
        await second.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(chosenName);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Why here" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Briefing" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".eyebrow")).ToContainTextAsync("your choice");
        await Assertions.Expect(page.Locator(".eyebrow")).ToContainTextAsync(new Regex(@"\d+ m away|\d+\.\d km away"));
        await Accessibility.CheckAsync(page, "a chosen spot");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start patrol here" }).ClickAsync();
        await Navigation.ArriveAsync(page, new Regex("/Officer/Patrol/\\d+$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(chosenName);
    }

    [Fact]
    public async Task With_a_trial_running_a_control_spot_is_never_listed_near_the_officer_and_opening_it_by_its_address_finds_nothing()
    {
        var today = _app.Service<ForceOptions>().PoliceDay(DateTime.UtcNow);
        IReadOnlyList<TrialPlaceDay> placeDays;
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var trials = scope.ServiceProvider.GetRequiredService<ITrials>();
            var trial = await trials.CreateAsync(new TrialRequest("Tapping", TrialDesign.FixedArms, 0.5, today, 7, 2, 11, null, TrialPlans.Harm), "evaluator@demo.hotspots", CancellationToken.None);
            await trials.SealAsync(trial.Id, "evaluator@demo.hotspots", CancellationToken.None);
            placeDays = await trials.PlaceDaysAsync(trial.Id, CancellationToken.None);
        }
        var snapshot = await _app.Service<IHotspotSnapshot>().CurrentAsync(CancellationToken.None);
        var control = placeDays.Where(p => p.PoliceDay == today && p.Arm == TrialArm.Control).Select(p => snapshot.Find(p.HotspotId)!).ToList();
        var treatment = placeDays.Where(p => p.PoliceDay == today && p.Arm == TrialArm.Treatment).Select(p => p.HotspotId).ToHashSet();
        control.ShouldNotBeEmpty();
        // Stand at the centre of a control spot that holds it: the nearest spots would be it and its neighbours.
        var standIn = control.First(s => snapshot.Contains(s.Id, s.Centre));
        await using var phone = await Phone.OpenAsync(_address, standIn.Centre.Latitude, standIn.Centre.Longitude);
        var page = phone.Page;
        await page.SetViewportSizeAsync(360, 740);
        await phone.SignInAsync("officer@demo.hotspots");
        await page.GotoAsync("/Officer");
        await Assertions.Expect(page.Locator("#nearby li").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#inside-offer")).ToBeHiddenAsync();
        var listed = await page.Locator("#nearby li a.spot-link").EvaluateAllAsync<string[]>("links => links.map(a => new URL(a.href).searchParams.get('spot'))");
        listed.ShouldNotBeEmpty();
        listed.Select(long.Parse).ShouldAllBe(id => treatment.Contains(id), "only today's treatment spots are listed");
        var text = await page.Locator("#nearby").InnerTextAsync();
        foreach (var spot in control) text.ShouldNotContain($"#{spot.Rank} {spot.Name}");

        // Opening a control spot by its address, as a tap would: the not-found page, not the spot.
        var response = await page.GotoAsync($"/Officer/Direct?spot={standIn.Id}&lat={standIn.Centre.Latitude}&lon={standIn.Centre.Longitude}");
        response!.Status.ShouldBe(404);
        await Assertions.Expect(page.GetByText("This spot cannot be offered to you now")).ToBeVisibleAsync();
        (await page.ContentAsync()).ShouldNotContain(System.Net.WebUtility.HtmlEncode(standIn.Name));
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Start patrol here" })).ToHaveCountAsync(0);
    }
}
