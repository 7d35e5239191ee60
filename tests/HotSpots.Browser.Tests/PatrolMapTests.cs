using System.Globalization;
using System.Text.RegularExpressions;
using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Testing;
using Microsoft.Playwright;

namespace HotSpots.Browser.Tests;

/// <summary>
/// The patrol screen shows the way, in a real phone browser: the spot's outline and the phone's position on a map, the
/// distance and compass direction to the spot when outside, and inside or outside as the server counts it (with the
/// edge buffer) whenever it answers, the page's own test only while offline.
/// </summary>
public sealed class PatrolMapTests : IAsyncLifetime
{
    private static readonly (double Lat, double Lon) TownCentre = (51.4545, -0.9730);
    private static readonly string[] Compass = ["north", "north-east", "east", "south-east", "south", "south-west", "west", "north-west"];

    private readonly TestDatabase _database = TestDatabase.Create("Sqlite");
    private HotSpotsApp _app = null!;
    private Uri _address = null!;

    public Task InitializeAsync()
    {
        _app = new HotSpotsApp(_database, new Dictionary<string, string?>
        {
            ["Patrols:PingSeconds"] = "1",
            ["Patrols:MaxSpeedMetresPerSecond"] = "100000",
            ["Patrols:EdgeBufferMetres"] = "10",
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
    public async Task The_map_shows_the_outline_and_the_phone_and_outside_the_page_gives_the_distance_and_direction_of_the_spot()
    {
        await using var phone = await Phone.OpenAsync(_address, TownCentre.Lat, TownCentre.Lon);
        await phone.SignInAsync("officer@demo.hotspots");
        var page = phone.Page;
        await page.SetViewportSizeAsync(360, 780);
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type is "error" or "warning") errors.Add(message.Text); };
        page.PageError += (_, error) => errors.Add(error);
        var spot = await StartPatrolAsync(phone);

        // 400 m south-west of the spot's centre: the spot lies to the north-east.
        var (lat, lon) = Offset(spot.Centre.Latitude, spot.Centre.Longitude, -400 / Math.Sqrt(2), -400 / Math.Sqrt(2));
        await phone.MoveToAsync(lat, lon);
        await Assertions.Expect(page.Locator("#inside-state")).ToHaveTextAsync("Outside hot spot", new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("#inside-source")).ToContainTextAsync("server");

        var (metres, bearing) = WayToSpot(spot.Outline, (float)lat, (float)lon);
        var way = await page.Locator("#way").TextContentAsync() ?? "";
        var match = Regex.Match(way, @"^The spot is (\d+) m ([a-z-]+) of you\.$");
        match.Success.ShouldBeTrue($"the way reads '{way}'");
        double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture).ShouldBe(metres, 10, way);
        var sector = bearing / 45;
        var allowed = Math.Abs(sector - Math.Round(sector) - 0.5 * Math.Sign(sector - Math.Round(sector))) < 0.03
            ? new[] { Compass[(int)Math.Floor(sector) % 8], Compass[(int)Math.Ceiling(sector) % 8] }
            : [Compass[(int)Math.Round(sector) % 8]];
        allowed.ShouldContain(match.Groups[2].Value, $"bearing {bearing:0.0}°");

        // The map draws the outline and the phone, the phone to the lower left (south-west) of the spot.
        var outline = page.Locator("#patrol-map path.spot");
        var you = page.Locator("#patrol-map path.you");
        await Assertions.Expect(outline).ToHaveCountAsync(1);
        await Assertions.Expect(you).ToHaveCountAsync(1);
        await page.Locator("#patrol-map").ScrollIntoViewIfNeededAsync();
        await page.WaitForTimeoutAsync(1000); // the map settles after the last fix
        var map = (await page.Locator("#patrol-map").BoundingBoxAsync())!;
        var spotBox = (await outline.BoundingBoxAsync())!;
        var youBox = (await you.BoundingBoxAsync())!;
        foreach (var box in new[] { spotBox, youBox })
        {
            box.X.ShouldBeGreaterThanOrEqualTo(map.X - 1);
            (box.X + box.Width).ShouldBeLessThanOrEqualTo(map.X + map.Width + 1);
        }
        var boxes = $"map {map.X},{map.Y} {map.Width}x{map.Height}; spot {spotBox.X},{spotBox.Y} {spotBox.Width}x{spotBox.Height}; you {youBox.X},{youBox.Y} " +
            await you.GetAttributeAsync("d") + " errors: " + string.Join(" | ", errors);
        (youBox.X + youBox.Width / 2).ShouldBeLessThan(spotBox.X + spotBox.Width / 2, boxes);
        (youBox.Y + youBox.Height / 2).ShouldBeGreaterThan(spotBox.Y + spotBox.Height / 2, boxes);
        await phone.ScreenshotAsync("officer-patrol-way-phone");

        await Accessibility.CheckAsync(page, "the patrol screen outside the spot, light, 360 px");
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        await Accessibility.CheckAsync(page, "the patrol screen outside the spot, dark, 360 px");
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });

        // Inside: no way to show.
        await phone.MoveToAsync(spot.Centre.Latitude, spot.Centre.Longitude);
        await Assertions.Expect(page.Locator("#inside-state")).ToHaveTextAsync("Inside hot spot", new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("#way")).ToHaveTextAsync("");
    }

    [Fact]
    public async Task Just_outside_the_outline_but_within_the_edge_buffer_the_page_shows_the_server_s_inside_and_offline_its_own_outside()
    {
        await using var phone = await Phone.OpenAsync(_address, TownCentre.Lat, TownCentre.Lon);
        await phone.SignInAsync("officer@demo.hotspots");
        var page = phone.Page;
        var spot = await StartPatrolAsync(phone);

        // 5 m north of the spot's northernmost corner: outside the outline by 5 m, within the server's 10 m edge buffer.
        var top = spot.Outline.MaxBy(p => p.Latitude)!;
        var (lat, lon) = Offset(top.Latitude, top.Longitude, 0, 5);
        WayToSpot(spot.Outline, (float)lat, (float)lon).Metres.ShouldBeInRange(3, 7);
        await phone.MoveToAsync(lat, lon);
        await Assertions.Expect(page.Locator("#inside-state")).ToHaveTextAsync("Inside hot spot", new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("#inside-source")).ToContainTextAsync("As counted by the server");
        await Task.Delay(3000); // several answers later, still the server's inside
        await Assertions.Expect(page.Locator("#inside-state")).ToHaveTextAsync("Inside hot spot");
        await Assertions.Expect(page.Locator("#way")).ToHaveTextAsync("");

        // Without signal the page can only use its own test, which knows no buffer, and says so.
        await phone.Context.SetOfflineAsync(true);
        await Assertions.Expect(page.Locator("#inside-state")).ToHaveTextAsync("Outside hot spot", new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("#inside-source")).ToContainTextAsync("No signal: this is the phone's own estimate");
        await Assertions.Expect(page.Locator("#way")).ToHaveTextAsync("The spot is 5 m south of you.");

        await phone.Context.SetOfflineAsync(false);
        await Assertions.Expect(page.Locator("#inside-state")).ToHaveTextAsync("Inside hot spot", new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator("#inside-source")).ToContainTextAsync("As counted by the server");
    }

    private async Task<PublishedHotspot> StartPatrolAsync(Phone phone)
    {
        var page = phone.Page;
        await page.GetByRole(AriaRole.Button, new() { Name = "Direct me to a hot spot" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start patrol" }).ClickAsync();
        await Navigation.ArriveAsync(page, new Regex("/Officer/Patrol/\\d+$"));
        var name = await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).TextContentAsync();
        return _app.Service<IHotspotSnapshot>().Current.Spots.Single(s => s.Name == name);
    }

    private static (double Lat, double Lon) Offset(double lat, double lon, double eastMetres, double northMetres) =>
        (lat + northMetres / 110_540, lon + eastMetres / (111_320 * Math.Cos(lat * Math.PI / 180)));

    /// <summary>Metres to the nearest point of the outline and the bearing to it, on a local plane (independent of the page's script).</summary>
    private static (double Metres, double Bearing) WayToSpot(IReadOnlyList<HotSpots.Platform.Geography.GeoPoint> outline, double lat, double lon)
    {
        var kx = 111_320 * Math.Cos(lat * Math.PI / 180);
        var points = outline.Select(p => ((p.Longitude - lon) * kx, (p.Latitude - lat) * 110_540)).ToList();
        var (best, bx, by) = (double.MaxValue, 0.0, 0.0);
        for (var i = 0; i < points.Count; i++)
        {
            var (ax, ay) = points[i];
            var (cx, cy) = points[(i + 1) % points.Count];
            var (dx, dy) = (cx - ax, cy - ay);
            var t = dx == 0 && dy == 0 ? 0 : Math.Clamp((-ax * dx - ay * dy) / (dx * dx + dy * dy), 0, 1);
            var (px, py) = (ax + t * dx, ay + t * dy);
            var d = Math.Sqrt(px * px + py * py);
            if (d < best) (best, bx, by) = (d, px, py);
        }
        return (best, (Math.Atan2(bx, by) * 180 / Math.PI + 360) % 360);
    }
}
