using System.Text.RegularExpressions;
using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

namespace HotSpots.Browser.Tests;

/// <summary>A patrol on a weak signal, in a real phone browser: offline, a reload, back online, nothing lost or doubled.</summary>
public sealed class OfflinePatrolTests : IAsyncLifetime
{
    private static readonly (double Lat, double Lon) TownCentre = (51.4545, -0.9730);

    private readonly TestDatabase _database = TestDatabase.Create("Sqlite");
    private HotSpotsApp _app = null!;
    private Uri _address = null!;

    public Task InitializeAsync()
    {
        _app = new HotSpotsApp(_database, new Dictionary<string, string?>
        {
            ["Patrols:PingSeconds"] = "1",
            // The emulated phone is moved from the town centre into the spot in an instant: no jump check here.
            ["Patrols:MaxSpeedMetresPerSecond"] = "100000",
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
    public async Task A_patrol_that_goes_offline_and_is_reloaded_stores_every_ping_exactly_once_when_back_online()
    {
        await using var phone = await Phone.OpenAsync(_address, TownCentre.Lat, TownCentre.Lon);
        await phone.SignInAsync("officer@demo.hotspots");
        var page = phone.Page;
        await page.WaitForFunctionAsync("() => navigator.serviceWorker.controller !== null", null, new() { Timeout = 15_000 });

        await page.GetByRole(AriaRole.Button, new() { Name = "Direct me to a hot spot" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start patrol" }).ClickAsync();
        await Navigation.ArriveAsync(page, new Regex("/Officer/Patrol/\\d+$"));
        var patrolId = long.Parse(page.Url.Split('/').Last());
        var name = await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).TextContentAsync();
        var spot = _app.Service<IHotspotSnapshot>().Current.Spots.Single(s => s.Name == name);
        await phone.MoveToAsync(spot.Centre.Latitude, spot.Centre.Longitude);
        await Assertions.Expect(page.GetByText("Inside hot spot")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await page.WaitForFunctionAsync("() => Number(document.getElementById('pings-sent').textContent) >= 2", null, new() { Timeout = 15_000 });

        // No signal: the patrol goes on, pings and an activity entry wait on the phone.
        await phone.Context.SetOfflineAsync(true);
        await WalkAsync(phone, spot, 4);
        await Assertions.Expect(page.Locator("#queue")).ToHaveTextAsync(new Regex(@"^\d+ updates? waiting to send"), new() { Timeout = 10_000 });
        await page.GetByText("Log activity").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Community engagement" }).ClickAsync();
        await Assertions.Expect(page.Locator("#activity-status")).ToContainTextAsync("Logged: Community engagement");
        var waitingBefore = await WaitingAsync(page);
        waitingBefore.ShouldBeGreaterThanOrEqualTo(3);
        await phone.ScreenshotAsync("officer-patrol-offline-phone");

        // A page the phone never opened cannot come from the network now: the service worker says so.
        var unseen = await page.Context.NewPageAsync();
        var response = await unseen.GotoAsync("/Officer/Direct/987654");
        response!.Status.ShouldBe(503);
        await Assertions.Expect(unseen.GetByRole(AriaRole.Heading, new() { Name = "No signal" })).ToBeVisibleAsync();
        await unseen.CloseAsync();

        // Reloaded while offline: the page opens from the phone, keeps what waits, and keeps patrolling.
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(spot.Name);
        await Assertions.Expect(page.Locator("#queue")).ToHaveTextAsync(new Regex(@"^\d+ updates? waiting to send"));
        (await WaitingAsync(page)).ShouldBeGreaterThanOrEqualTo(waitingBefore);
        await WalkAsync(phone, spot, 3);
        (await WaitingAsync(page)).ShouldBeGreaterThan(waitingBefore);

        // Signal again: everything goes, once.
        await phone.Context.SetOfflineAsync(false);
        await Assertions.Expect(page.Locator("#queue")).ToHaveTextAsync("", new() { Timeout = 30_000 });
        await page.GetByRole(AriaRole.Button, new() { Name = "End patrol" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Patrol ended" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#summary-activities")).ToHaveTextAsync("1", new() { Timeout = 15_000 });

        var lastSequence = await page.EvaluateAsync<long>("id => HotSpotsOutbox.lastSeq(id)", patrolId);
        var stored = Sequences("patrols_pings", patrolId);
        var activities = Sequences("patrols_activities", patrolId);
        stored.Count.ShouldBe(stored.Distinct().Count());
        activities.ShouldHaveSingleItem();
        // Every number the phone handed out (pings, the activity, the end) is stored once; only the end is not a row.
        stored.Concat(activities).OrderBy(s => s).ShouldBe(Enumerable.Range(1, (int)lastSequence - 1).Select(i => (long)i));
        stored.Count.ShouldBeGreaterThanOrEqualTo(waitingBefore + 2);
        int.Parse((await page.Locator("#summary-pings").TextContentAsync())!).ShouldBe(stored.Count);
    }

    private static async Task WalkAsync(Phone phone, PublishedHotspot spot, int seconds)
    {
        for (var i = 0; i < seconds; i++)
        {
            await phone.MoveToAsync(spot.Centre.Latitude + 0.00002 * (i % 3), spot.Centre.Longitude + 0.00002 * (i % 2));
            await Task.Delay(1000);
        }
    }

    private static async Task<int> WaitingAsync(IPage page)
    {
        var text = await page.Locator("#queue").TextContentAsync() ?? "";
        var match = Regex.Match(text, @"^(\d+)");
        return match.Success ? int.Parse(match.Groups[1].Value) : 0;
    }

    private List<long> Sequences(string table, long patrolId)
    {
        using var connection = new SqliteConnection($"Data Source={_database.Folder.File("hotspots.db")}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT Sequence FROM {table} WHERE PatrolId = $id";
        command.Parameters.AddWithValue("$id", patrolId);
        using var reader = command.ExecuteReader();
        var list = new List<long>();
        while (reader.Read()) list.Add(reader.GetInt64(0));
        return list;
    }
}
