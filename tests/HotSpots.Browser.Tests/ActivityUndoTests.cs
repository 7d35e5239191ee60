using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

namespace HotSpots.Browser.Tests;

/// <summary>
/// Undo of a mis-tap on the patrol screen, in a real phone browser at 360 px: an activity logged and sent is undone by the
/// server and the count goes back; one logged without signal is taken out of the phone's queue and never reaches the
/// server. The screen with the Undo button passes axe-core in the light and the dark theme.
/// </summary>
public sealed class ActivityUndoTests : IAsyncLifetime
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
    public async Task An_activity_logged_by_mistake_is_undone_with_one_tap_and_the_count_goes_back()
    {
        await using var phone = await Phone.OpenAsync(_address, TownCentre.Lat, TownCentre.Lon);
        await phone.SignInAsync("officer@demo.hotspots");
        var page = phone.Page;
        await page.SetViewportSizeAsync(360, 780);
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);

        await page.GetByRole(AriaRole.Button, new() { Name = "Direct me to a hot spot" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start patrol" }).ClickAsync();
        await Navigation.ArriveAsync(page, new Regex("/Officer/Patrol/\\d+$"));
        var patrolId = long.Parse(page.Url.Split('/').Last(), CultureInfo.InvariantCulture);
        var name = await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).TextContentAsync();
        var spot = _app.Service<IHotspotSnapshot>().Current.Spots.Single(s => s.Name == name);
        await phone.MoveToAsync(spot.Centre.Latitude, spot.Centre.Longitude);
        await Assertions.Expect(page.GetByText("Inside hot spot")).ToBeVisibleAsync(new() { Timeout = 15_000 });

        // The force's kinds, one tap each; the entry is sent and counted.
        await page.GetByText("Log activity").ClickAsync();
        (await page.Locator("#activity .kind").AllTextContentsAsync()).ShouldBe(
            ["Stop and account", "Stop and search", "Arrest", "Community engagement", "Licensed premises check", "Other"]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Stop and search" }).ClickAsync();
        await Assertions.Expect(page.Locator("#activities-logged")).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator("#activity-status")).ToHaveTextAsync("Sent.", new() { Timeout = 15_000 });
        (await PatrolJsonAsync(page, patrolId)).GetProperty("activities").GetInt32().ShouldBe(1);
        var undo = page.GetByRole(AriaRole.Button, new() { Name = "Undo" });
        await Assertions.Expect(undo).ToContainTextAsync(new Regex(@"^Undo [12]:\d\d left$"));

        // The screen with the Undo button, light and dark, 360 px.
        await Accessibility.CheckAsync(page, "the patrol screen with an activity to undo, light, 360 px");
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        await Accessibility.CheckAsync(page, "the patrol screen with an activity to undo, dark, 360 px");
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });

        // Undo: the server undoes it, and the count goes back on the phone and on the server.
        await undo.ClickAsync();
        await Assertions.Expect(page.Locator("#activity-status")).ToHaveTextAsync("Stop and search: Undone.", new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("#activities-logged")).ToHaveTextAsync("0");
        await Assertions.Expect(undo).ToHaveCountAsync(0);
        (await PatrolJsonAsync(page, patrolId)).GetProperty("activities").GetInt32().ShouldBe(0);

        // Without signal: the entry waits on the phone, and Undo takes it out of the queue; nothing reaches the server.
        await phone.Context.SetOfflineAsync(true);
        await page.GetByRole(AriaRole.Button, new() { Name = "Arrest" }).ClickAsync();
        await Assertions.Expect(page.Locator("#activities-logged")).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator("#activity-status")).ToContainTextAsync("Logged: Arrest");
        await page.GetByRole(AriaRole.Button, new() { Name = "Undo" }).ClickAsync();
        await Assertions.Expect(page.Locator("#activity-status")).ToHaveTextAsync("Arrest: Undone. It had not been sent yet.");
        await Assertions.Expect(page.Locator("#activities-logged")).ToHaveTextAsync("0");
        await phone.Context.SetOfflineAsync(false);
        await Assertions.Expect(page.Locator("#queue")).ToHaveTextAsync("", new() { Timeout = 30_000 });

        await page.GetByRole(AriaRole.Button, new() { Name = "End patrol" }).ClickAsync();
        await Assertions.Expect(page.Locator("#summary-activities")).ToHaveTextAsync("0", new() { Timeout = 15_000 });
        // The first entry is kept as undone (the audit trail); the second never left the phone.
        Activities(patrolId).ShouldBe([("Stop and search", true)]);
        errors.ShouldBeEmpty();
    }

    /// <summary>GET /api/patrols/{id} as the phone's page asks it (its cookies).</summary>
    private static async Task<JsonElement> PatrolJsonAsync(IPage page, long patrolId)
    {
        var json = await page.EvaluateAsync<string>("id => fetch('/api/patrols/' + id, { credentials: 'same-origin' }).then(r => r.text())", patrolId);
        return JsonDocument.Parse(json).RootElement.Clone();
    }

    private List<(string Kind, bool Undone)> Activities(long patrolId)
    {
        using var connection = new SqliteConnection($"Data Source={_database.Folder.File("hotspots.db")}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Kind, UndoneUtc IS NOT NULL FROM patrols_activities WHERE PatrolId = $id ORDER BY Sequence";
        command.Parameters.AddWithValue("$id", patrolId);
        using var reader = command.ExecuteReader();
        var rows = new List<(string, bool)>();
        while (reader.Read()) rows.Add((reader.GetString(0), reader.GetInt64(1) == 1));
        return rows;
    }
}
