using System.Text.RegularExpressions;
using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Modules.Patrols.Contracts;
using HotSpots.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

namespace HotSpots.Browser.Tests;

/// <summary>The whole officer loop in a real phone browser: sign in, direct, patrol, inside, end, stored pings.</summary>
public sealed class OfficerLoopTests : IAsyncLifetime
{
    private static readonly (double Lat, double Lon) TownCentre = (51.4545, -0.9730);
    private static readonly (double Lat, double Lon) FarAway = (51.4700, -0.9350);

    private readonly TestDatabase _database = TestDatabase.Create("Sqlite");
    private HotSpotsApp _app = null!;
    private Uri _address = null!;

    public Task InitializeAsync()
    {
        _app = new HotSpotsApp(_database, new Dictionary<string, string?>
        {
            ["Patrols:PingSeconds"] = "1",
            // The emulated phone jumps kilometres in an instant, which the ping path would reject as faster than any vehicle.
            ["Patrols:MaxSpeedMetresPerSecond"] = "100000",
            // The test patrols inside the spot for a few seconds; normally a visit under 30 s is not counted.
            ["Patrols:MinVisitSeconds"] = "0",
            // The phone starts in the town centre, which may lie in the spot it is sent to (the demo's spots follow the
            // date). Leaving, the server counts the phone inside until it has been beyond the exit buffer for
            // ExitAfterSeconds (60 by default), and the page pings once a minute far from the spot: both are shortened so
            // that "Outside" shows within the test's wait whichever spot was picked.
            ["Patrols:ExitAfterSeconds"] = "1",
            ["Patrols:FarPingSeconds"] = "1",
        });
        _address = _app.StartOnRealPort();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _database.Dispose();
    }

    [Fact]
    public async Task An_officer_is_directed_in_two_taps_patrols_inside_the_spot_and_every_ping_is_stored()
    {
        await using var phone = await Phone.OpenAsync(_address, TownCentre.Lat, TownCentre.Lon);
        await phone.SignInAsync("officer@demo.hotspots");
        var page = phone.Page;
        page.Url.ShouldEndWith("/Officer");
        await Assertions.Expect(page.Locator("#nearby li").First).ToBeVisibleAsync();
        await phone.ScreenshotAsync("officer-home-phone");
        var taps = 0;

        var directMe = page.GetByRole(AriaRole.Button, new() { Name = "Direct me to a hot spot" });
        await Assertions.Expect(directMe).ToBeEnabledAsync();
        await directMe.ClickAsync();
        taps++;
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Why here" })).ToBeVisibleAsync();
        var navigate = await page.GetByRole(AriaRole.Link, new() { Name = "Navigate" }).GetAttributeAsync("href");
        navigate.ShouldNotBeNull();
        navigate.ShouldMatch(@"^geo:51\.\d+,-0\.\d+\?q=");
        await phone.ScreenshotAsync("officer-direct-phone");

        await page.GetByRole(AriaRole.Button, new() { Name = "Start patrol" }).ClickAsync();
        taps++;
        await Navigation.ArriveAsync(page, new Regex("/Officer/Patrol/\\d+$"));
        taps.ShouldBeLessThanOrEqualTo(3);
        var patrolId = long.Parse(page.Url.Split('/').Last());

        var officerId = await OfficerIdAsync("officer@demo.hotspots");
        var patrol = await PatrolAsync(patrolId, officerId);
        var spot = _app.Service<IHotspotSnapshot>().Current.Find(patrol.HotspotId)!;
        spot.Name.ShouldBe(await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).TextContentAsync());

        await phone.MoveToAsync(FarAway.Lat, FarAway.Lon);
        await Assertions.Expect(page.GetByText("Outside hot spot")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await phone.MoveToAsync(spot.Centre.Latitude, spot.Centre.Longitude);
        await Assertions.Expect(page.GetByText("Inside hot spot")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Task.Delay(4000); // a few more pings inside, one a second
        await phone.ScreenshotAsync("officer-patrol-phone");
        await Assertions.Expect(page.Locator("#queue")).ToHaveTextAsync("", new() { Timeout = 10_000 });

        await page.GetByRole(AriaRole.Button, new() { Name = "End patrol" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Patrol ended" })).ToBeVisibleAsync();
        await phone.ScreenshotAsync("officer-patrol-summary-phone");
        var shownPings = int.Parse((await page.Locator("#summary-pings").TextContentAsync())!);
        var shownMinutes = double.Parse((await page.Locator("#summary-minutes").TextContentAsync())!, System.Globalization.CultureInfo.InvariantCulture);

        var stored = StoredPings(patrolId);
        stored.Rows.ShouldBe(shownPings);
        stored.Rows.ShouldBeGreaterThanOrEqualTo(4);
        stored.DistinctSequences.ShouldBe(stored.Rows);
        stored.Inside.ShouldBeGreaterThanOrEqualTo(2);
        stored.Outside.ShouldBeGreaterThanOrEqualTo(1);
        var ended = await PatrolAsync(patrolId, officerId);
        ended.Running.ShouldBeFalse();
        ended.Pings.ShouldBe(shownPings);
        ended.MinutesInside.ShouldBeGreaterThan(0);
        shownMinutes.ShouldBe(Math.Round(ended.MinutesInside, 1), 0.051);
    }

    [Fact]
    public async Task An_officer_gets_403_on_the_manager_dashboard_and_the_jobs_dashboard()
    {
        await using var phone = await Phone.OpenAsync(_address, TownCentre.Lat, TownCentre.Lon);
        await phone.SignInAsync("officer@demo.hotspots");
        var dashboard = await phone.Page.GotoAsync("/Manager");
        dashboard!.Status.ShouldBe(403);
        await Assertions.Expect(phone.Page.GetByRole(AriaRole.Heading, new() { Name = "Access denied" })).ToBeVisibleAsync();
        var jobs = await phone.Page.GotoAsync("/hangfire");
        jobs!.Status.ShouldBe(403);
    }

    private async Task<string> OfficerIdAsync(string email)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>().FindByEmailAsync(email))!.Id;
    }

    private async Task<PatrolView> PatrolAsync(long patrolId, string officerId)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IOfficerPatrols>().GetAsync(patrolId, officerId, CancellationToken.None))!;
    }

    /// <summary>Reads the stored rows straight from the SQLite file.</summary>
    private (int Rows, int DistinctSequences, int Inside, int Outside) StoredPings(long patrolId)
    {
        using var connection = new SqliteConnection($"Data Source={_database.Folder.File("hotspots.db")}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*), COUNT(DISTINCT Sequence), COALESCE(SUM(Inside), 0), COALESCE(SUM(1 - Inside), 0) FROM patrols_pings WHERE PatrolId = $id";
        command.Parameters.AddWithValue("$id", patrolId);
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3));
    }
}
