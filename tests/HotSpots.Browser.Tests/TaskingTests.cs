using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Modules.Tasking.Contracts;
using HotSpots.Platform;
using HotSpots.Platform.Geography;
using HotSpots.Testing;
using Microsoft.Playwright;

namespace HotSpots.Browser.Tests;

/// <summary>Supervisors' assignments reach the officer first; a control spot of a running trial is never where an officer is sent.</summary>
public sealed class TaskingTests : IAsyncLifetime
{
    private static readonly GeoPoint TownCentre = new(51.4545, -0.9730);
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
    public async Task A_spot_a_supervisor_assigns_to_a_team_comes_first_for_an_officer_of_that_team()
    {
        var spots = _app.Service<IHotspotSnapshot>().Current.Nearest(TownCentre, int.MaxValue);
        var farthest = spots[^1].Spot;

        await using (var supervisor = await Phone.OpenAsync(_address, TownCentre.Latitude, TownCentre.Longitude))
        {
            await supervisor.SignInAsync("supervisor@demo.hotspots");
            await supervisor.Page.GotoAsync("/Supervisor");
            await supervisor.Page.GetByLabel("Spot", new() { Exact = true }).SelectOptionAsync(farthest.Id.ToString());
            await supervisor.Page.GetByLabel("Team", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Town Centre" });
            await supervisor.Page.GetByRole(AriaRole.Button, new() { Name = "Assign" }).ClickAsync();
            await Assertions.Expect(supervisor.Page.GetByRole(AriaRole.Status)).ToContainTextAsync($"{farthest.Name} is assigned to Town Centre");
            await supervisor.ScreenshotAsync("supervisor-tasking-phone");
        }

        await using var officer = await Phone.OpenAsync(_address, TownCentre.Latitude, TownCentre.Longitude);
        await officer.SignInAsync("officer@demo.hotspots");
        // The team's assignment comes first, after only a spot the officer is standing in (offered before anything).
        var first = officer.Page.Locator("#nearby li").Nth(spots[0].Metres < 1 ? 1 : 0);
        await Assertions.Expect(first).ToContainTextAsync(farthest.Name);
        await Assertions.Expect(first).ToContainTextAsync("Assigned to your team");
        spots[0].Spot.Id.ShouldNotBe(farthest.Id); // it is first because of the assignment, not its distance

        await officer.Page.GetByRole(AriaRole.Button, new() { Name = "Direct me to a hot spot" }).ClickAsync();
        await Assertions.Expect(officer.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(farthest.Name);
    }

    [Fact]
    public async Task An_officer_standing_next_to_a_control_spot_is_sent_elsewhere()
    {
        var today = _app.Service<ForceOptions>().PoliceDay(DateTime.UtcNow);
        IReadOnlyList<TrialPlaceDay> placeDays;
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var trials = scope.ServiceProvider.GetRequiredService<ITrials>();
            var trial = await trials.CreateAsync(new TrialRequest("Browser", TrialDesign.FixedArms, 0.5, today, 7, 2, 5, null, TrialPlans.Harm), "evaluator@demo.hotspots", CancellationToken.None);
            await trials.SealAsync(trial.Id, "evaluator@demo.hotspots", CancellationToken.None);
            placeDays = await trials.PlaceDaysAsync(trial.Id, CancellationToken.None);
        }
        var snapshot = _app.Service<IHotspotSnapshot>().Current;
        var control = placeDays.Where(p => p.PoliceDay == today && p.Arm == TrialArm.Control)
            .Select(p => snapshot.Find(p.HotspotId)!).OrderBy(s => s.Rank).First();

        await using var officer = await Phone.OpenAsync(_address, control.Centre.Latitude, control.Centre.Longitude);
        await officer.SignInAsync("officer@demo.hotspots");
        await Assertions.Expect(officer.Page.Locator("#nearby li").First).ToBeVisibleAsync();
        (await officer.Page.Locator("#nearby").TextContentAsync())!.ShouldNotContain(control.Name);
        for (var i = 0; i < 3; i++)
        {
            await officer.Page.GotoAsync("/Officer");
            var directMe = officer.Page.GetByRole(AriaRole.Button, new() { Name = "Direct me to a hot spot" });
            await Assertions.Expect(directMe).ToBeEnabledAsync();
            await directMe.ClickAsync();
            var heading = officer.Page.GetByRole(AriaRole.Heading, new() { Level = 1 });
            await Assertions.Expect(heading).Not.ToHaveTextAsync(control.Name);
            (await heading.TextContentAsync()).ShouldNotBeNullOrWhiteSpace();
            await Assertions.Expect(officer.Page.GetByRole(AriaRole.Button, new() { Name = "Start patrol" })).ToBeVisibleAsync();
        }
    }
}
