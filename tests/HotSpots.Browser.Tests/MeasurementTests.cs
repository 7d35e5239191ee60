using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Testing;
using HotSpots.Web.Accounts;
using Microsoft.Playwright;
using OpenIddict.Abstractions;

namespace HotSpots.Browser.Tests;

/// <summary>
/// Honest dosage when the page cannot measure (docs/measurement.md), in a real phone browser: the page hidden, frozen and
/// shown again (<see cref="Lifecycle"/>), the screen wake lock taken at the start and again when the page returns, and the
/// unobserved time reported the same by the patrol, compliance and the OData feed.
/// </summary>
public sealed class MeasurementTests : IAsyncLifetime
{
    private static readonly (double Lat, double Lon) TownCentre = (51.4545, -0.9730);

    /// <summary>
    /// Counts the page's wake lock requests, and lets each lock go when the page is hidden, as the browser does: the browser's
    /// API observed, not the app's code replaced.
    /// </summary>
    private const string CountingWakeLock = """
        (() => {
          const counts = { requests: 0, released: 0 };
          const held = [];
          window.__wakeLock = counts;
          const wakeLock = {
            request(type) {
              counts.requests++;
              const listeners = [];
              const sentinel = {
                type, released: false,
                addEventListener(name, f) { if (name === "release") listeners.push(f); },
                removeEventListener() {},
                release() {
                  if (!sentinel.released) { sentinel.released = true; counts.released++; listeners.forEach(f => f(new Event("release"))); }
                  return Promise.resolve();
                }
              };
              held.push(sentinel);
              return Promise.resolve(sentinel);
            }
          };
          Object.defineProperty(Navigator.prototype, "wakeLock", { configurable: true, get: () => wakeLock });
          document.addEventListener("visibilitychange", () => {
            if (document.visibilityState === "hidden") held.forEach(s => s.release());
          }, true);
        })();
        """;

    private const string NoWakeLock = """delete Navigator.prototype.wakeLock;""";

    private readonly TestDatabase _database = TestDatabase.Create("Sqlite");
    private HotSpotsApp _app = null!;
    private Uri _address = null!;

    public Task InitializeAsync()
    {
        _app = new HotSpotsApp(_database, new Dictionary<string, string?>
        {
            ["Patrols:PingSeconds"] = "1",
            ["Patrols:MaxSpeedMetresPerSecond"] = "100000",
            ["Demo:PatrolHistoryDays"] = "0",
            ["Api:AllowHttp"] = "true",
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
    public async Task A_page_hidden_for_60_seconds_is_60_seconds_unobserved_in_the_patrol_compliance_and_the_feed()
    {
        await using var phone = await Phone.OpenAsync(_address, TownCentre.Lat, TownCentre.Lon);
        await phone.Context.AddInitScriptAsync(CountingWakeLock);
        await phone.SignInAsync("officer@demo.hotspots");
        var page = phone.Page;
        var (patrolId, spot) = await StartPatrolAsync(phone);
        await phone.MoveToAsync(spot.Centre.Latitude, spot.Centre.Longitude);
        await Assertions.Expect(page.GetByText("Inside hot spot")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(page.GetByText("Keep this page open with the screen on")).ToBeVisibleAsync();
        await Task.Delay(5000);

        // The phone is pocketed: the page is hidden and frozen for 60 seconds, then shown again.
        await Lifecycle.HideAsync(page);
        await Task.Delay(60_000);
        await Lifecycle.ShowAsync(page);
        await Assertions.Expect(page.Locator("#unobserved-note")).ToContainTextAsync("Not measured for", new() { Timeout = 15_000 });
        await Task.Delay(5000);
        await Assertions.Expect(page.Locator("#queue")).ToHaveTextAsync("", new() { Timeout = 30_000 });

        var running = await PatrolJsonAsync(page, patrolId);
        running.GetProperty("unobservedSeconds").GetDouble().ShouldBeInRange(50, 70);

        await page.GetByRole(AriaRole.Button, new() { Name = "End patrol" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Patrol ended" })).ToBeVisibleAsync();
        var ended = await PatrolJsonAsync(page, patrolId);
        var unobserved = ended.GetProperty("unobservedSeconds").GetDouble();
        var observed = ended.GetProperty("observedSeconds").GetDouble();
        var length = (ended.GetProperty("endedUtc").GetDateTime() - ended.GetProperty("startedUtc").GetDateTime()).TotalSeconds;
        unobserved.ShouldBeInRange(50, 70);
        observed.ShouldBe(length - unobserved, 0.01);
        observed.ShouldBeGreaterThan(5);
        await Assertions.Expect(page.Locator("#summary-unobserved")).ToHaveTextAsync((unobserved / 60).ToString("0.0", CultureInfo.InvariantCulture));
        await Assertions.Expect(page.Locator("#summary-observed")).ToHaveTextAsync((observed / 60).ToString("0.0", CultureInfo.InvariantCulture));
        await Accessibility.CheckAsync(page, "the patrol summary");
        await page.SetViewportSizeAsync(360, 780);
        await Accessibility.CheckAsync(page, "the patrol summary at 360 px");

        // Compliance (the only patrol of the force, today, in an assigned spot) and the feed say the same.
        var manager = await SignedInClient.SignInAsync(_address, "manager@demo.hotspots");
        var compliance = await manager.GetStringAsync("/Dashboard/Compliance");
        Number(compliance, "unobserved-minutes").ShouldBe(unobserved / 60, 0.051);
        Number(compliance, "observed-minutes").ShouldBe(observed / 60, 0.051);

        var feed = await FeedAsync();
        var rows = JsonDocument.Parse(await feed.GetStringAsync($"/odata/Dosage?$filter=HotspotId eq {spot.Id}")).RootElement.GetProperty("value");
        var row = rows.EnumerateArray().ShouldHaveSingleItem();
        row.GetProperty("UnobservedMinutes").GetDouble().ShouldBe(unobserved / 60, 0.006);
        row.GetProperty("ObservedMinutes").GetDouble().ShouldBe(observed / 60, 0.006);
        row.GetProperty("ObservedShare").GetDouble().ShouldBe(observed / length, 0.001);

        // The screen lock was taken at the start and again when the page came back (the browser let it go on hide).
        (await page.EvaluateAsync<int>("() => window.__wakeLock.requests")).ShouldBe(2);
    }

    [Fact]
    public async Task The_screen_wake_lock_is_taken_when_a_patrol_starts_and_again_when_the_page_returns()
    {
        await using var phone = await Phone.OpenAsync(_address, TownCentre.Lat, TownCentre.Lon);
        await phone.Context.AddInitScriptAsync(CountingWakeLock);
        await phone.SignInAsync("officer@demo.hotspots");
        var page = phone.Page;
        await StartPatrolAsync(phone);

        await Assertions.Expect(page.Locator("#wake-lock")).ToHaveTextAsync("The screen stays on while this patrol runs.");
        (await page.EvaluateAsync<int>("() => window.__wakeLock.requests")).ShouldBe(1);
        (await page.EvaluateAsync<int>("() => window.__wakeLock.released")).ShouldBe(0);

        await Lifecycle.HideAsync(page);
        await Task.Delay(2000);
        await Lifecycle.ShowAsync(page);
        await page.WaitForFunctionAsync("() => window.__wakeLock.requests === 2", null, new() { Timeout = 15_000 });
        (await page.EvaluateAsync<int>("() => window.__wakeLock.released")).ShouldBe(1);
        await Assertions.Expect(page.Locator("#wake-lock")).ToHaveTextAsync("The screen stays on while this patrol runs.");
        await Accessibility.CheckAsync(page, "the running patrol");
        await page.SetViewportSizeAsync(360, 780);
        await Accessibility.CheckAsync(page, "the running patrol at 360 px");

        await page.GetByRole(AriaRole.Button, new() { Name = "End patrol" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Patrol ended" })).ToBeVisibleAsync();
        (await page.EvaluateAsync<int>("() => window.__wakeLock.released")).ShouldBe(2);
    }

    [Fact]
    public async Task Without_the_wake_lock_api_the_page_says_so_plainly()
    {
        await using var phone = await Phone.OpenAsync(_address, TownCentre.Lat, TownCentre.Lon);
        await phone.Context.AddInitScriptAsync(NoWakeLock);
        await phone.SignInAsync("officer@demo.hotspots");
        var page = phone.Page;
        await StartPatrolAsync(phone);
        (await page.EvaluateAsync<bool>("() => 'wakeLock' in navigator")).ShouldBeFalse();
        await Assertions.Expect(page.Locator("#wake-lock")).ToContainTextAsync("This phone's browser cannot keep the screen on by itself");

        await Lifecycle.HideAsync(page);
        await Task.Delay(1000);
        await Lifecycle.ShowAsync(page);
        await Assertions.Expect(page.Locator("#wake-lock")).ToContainTextAsync("This phone's browser cannot keep the screen on by itself");
        await phone.ScreenshotAsync("officer-patrol-no-wake-lock-phone");
    }

    private async Task<(long PatrolId, PublishedHotspot Spot)> StartPatrolAsync(Phone phone)
    {
        var page = phone.Page;
        await page.GetByRole(AriaRole.Button, new() { Name = "Direct me to a hot spot" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start patrol" }).ClickAsync();
        await Navigation.ArriveAsync(page, new Regex("/Officer/Patrol/\\d+$"));
        var patrolId = long.Parse(page.Url.Split('/').Last(), CultureInfo.InvariantCulture);
        var name = await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).TextContentAsync();
        return (patrolId, _app.Service<IHotspotSnapshot>().Current.Spots.Single(s => s.Name == name));
    }

    /// <summary>GET /api/patrols/{id} as the phone's page asks it (its cookies).</summary>
    private static async Task<JsonElement> PatrolJsonAsync(IPage page, long patrolId)
    {
        var json = await page.EvaluateAsync<string>("id => fetch('/api/patrols/' + id, { credentials: 'same-origin' }).then(r => r.text())", patrolId);
        return JsonDocument.Parse(json).RootElement.Clone();
    }

    private async Task<HttpClient> FeedAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var secret = await MachineClients.CreateAsync(scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>(), "powerbi",
            [MachineClients.FeedScope], false, CancellationToken.None);
        var client = new HttpClient { BaseAddress = _address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"powerbi:{secret}")));
        return client;
    }

    private static double Number(string html, string id)
    {
        var match = Regex.Match(html, $"id=\"{id}\">([0-9.,]+)<");
        match.Success.ShouldBeTrue($"#{id} is on the page");
        return double.Parse(match.Groups[1].Value, NumberStyles.Number, CultureInfo.InvariantCulture);
    }
}

/// <summary>
/// The page lifecycle as a phone goes through it when pocketed and taken out again: hidden and frozen, then resumed and
/// shown. Headless Chromium does not change a page's visibility: tried here, the DevTools protocol's
/// <c>Page.setWebLifecycleState</c> ("frozen", then "active") and <c>Browser.setWindowBounds</c> ("minimized") left
/// <c>document.visibilityState</c> "visible", fired no <c>visibilitychange</c>, <c>freeze</c> or <c>resume</c>, and timers ran
/// on. So the test makes the document report itself hidden and dispatches the events the browser fires, in the browser's
/// order (visibilitychange, freeze; resume, visibilitychange).
/// </summary>
internal static class Lifecycle
{
    public static Task HideAsync(IPage page) => page.EvaluateAsync("""
        () => {
          Object.defineProperty(document, "visibilityState", { configurable: true, get: () => "hidden" });
          Object.defineProperty(document, "hidden", { configurable: true, get: () => true });
          document.dispatchEvent(new Event("visibilitychange"));
          document.dispatchEvent(new Event("freeze"));
        }
        """);

    public static Task ShowAsync(IPage page) => page.EvaluateAsync("""
        () => {
          delete document.visibilityState;
          delete document.hidden;
          document.dispatchEvent(new Event("resume"));
          document.dispatchEvent(new Event("visibilitychange"));
        }
        """);
}
