using System.Text.Json;
using System.Text.RegularExpressions;
using HotSpots.Demo;
using HotSpots.Platform;
using HotSpots.Testing;
using Microsoft.Playwright;

namespace HotSpots.Browser.Tests;

/// <summary>
/// A force's first day on a fresh install without the demo, on SQLite and on PostgreSQL, in Chromium: the server's operator
/// runs create-admin and loads a year of records from the command line; the administrator signs in, enrols two-factor and
/// is sent to the set-up page, sets the force up (with its boundary on the map), imports a roster of 60 with 2 bad rows;
/// an officer opens their link on a phone, sets a password, is directed and patrols; their supervisor sees them by name on
/// the live board and assigns a spot to the team; a manager (added by the administrator) sees them on the leaderboard as
/// the privacy setting says (initials outside the manager's own team); the administrator disables the officer, whose
/// next request is refused.
/// </summary>
public sealed class FirstDayTests
{
    private const string AdminEmail = "chief.admin@force.example";
    private const string AdminPassword = "harbour-lantern-meadow-17";
    private const string OfficerEmail = "ben.brooks2@force.example";
    private const string SupervisorEmail = "amira.ahmed1@force.example";
    private const string ManagerEmail = "morgan.lee@force.example";
    private const string PeoplePassword = "amber-kettle-orchard-42";
    private static readonly (double Lat, double Lon) TownCentre = (51.4545, -0.9730);
    private static readonly string Roster = Path.Combine(RepositoryPaths.Root, "tests", "HotSpots.Workforce.Tests", "Fixtures", "roster-60-officers.csv");

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_force_gets_from_a_fresh_install_to_a_patrolled_and_assigned_spot_on_its_first_day(string provider)
    {
        using var database = TestDatabase.Create(provider);
        using var operatorFolder = new TempDirectory("hotspots-first-day");

        // The operator, at the server: the first administrator, then a year of the force's records and a first hot spot set.
        var admin = await VerbAsync(database, operatorFolder, new Dictionary<string, string> { ["HOTSPOTS_ADMIN_PASSWORD"] = AdminPassword }, "create-admin", AdminEmail);
        admin.ShouldContain($"Administrator {AdminEmail} can now sign in.");
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
        await using (var records = new StreamWriter(Path.Combine(operatorFolder.Path, "records.csv")))
            ForceRecordsCsv.Write(records, DemoTown.Crimes(7, yesterday, perYear: 3000));
        var imported = Json(await VerbAsync(database, operatorFolder, null, "import", "records.csv", "--json"));
        imported.GetProperty("imported").GetInt32().ShouldBeGreaterThan(2500);
        Json(await VerbAsync(database, operatorFolder, null, "refresh", "--json")).GetProperty("spots").GetInt32().ShouldBeGreaterThan(5);
        var boundary = Path.Combine(operatorFolder.Path, "force-area.geojson");
        await File.WriteAllTextAsync(boundary, """
            {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"Vale"},"geometry":{"type":"Polygon",
            "coordinates":[[[-1.10,51.38],[-0.85,51.38],[-0.85,51.53],[-1.10,51.53],[-1.10,51.38]]]}}]}
            """);

        await using var app = new HotSpotsApp(database, new Dictionary<string, string?>
        {
            ["Demo:Enabled"] = "false",
            ["Patrols:PingSeconds"] = "1",
            // The emulated phone jumps in an instant, which the ping path would reject as faster than any vehicle.
            ["Patrols:MaxSpeedMetresPerSecond"] = "100000",
            // A visit of a few seconds counts (normally under 30 s does not).
            ["Patrols:MinVisitSeconds"] = "0",
        });
        var address = app.StartOnRealPort();
        var force = app.Service<ForceOptions>();
        force.IsSetUp.ShouldBeFalse();

        // 1. The administrator signs in, enrols two-factor (the role needs it), and lands on the set-up page.
        await using var desktop = await Desktop.OpenAsync(address);
        var page = desktop.Page;
        await page.GotoAsync("/Account/SignIn");
        await page.GetByLabel("Email").FillAsync(AdminEmail);
        await page.GetByLabel("Password").FillAsync(AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await EnrolAsync(page, $"{address}|{AdminEmail}");
        await Navigation.ArriveAsync(page, new Regex("/Admin/SetUp$"));
        await Assertions.Expect(page.GetByText("This force is not set up yet.")).ToBeVisibleAsync();

        // 2. Set-up: name, time zone, police day, shifts as offered, no map tiles; then the boundary, shown on the map.
        await page.GetByLabel("Force name").FillAsync("Vale Constabulary");
        await page.GetByLabel("Time zone").FillAsync("Europe/London");
        await page.GetByLabel("The police day starts at").SelectOptionAsync("6");
        await page.GetByRole(AriaRole.Radio, new() { Name = "None: the outlines on a plain background" }).CheckAsync();
        await Accessibility.CheckAsync(page, "the set-up page of a fresh install");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and finish set-up" }).ClickAsync();
        await Assertions.Expect(page.GetByText("The force is set up. Next, add its people")).ToBeVisibleAsync();
        (force.IsSetUp, force.Name, force.TileUrl).ShouldBe((true, "Vale Constabulary", ""));
        await page.GetByLabel("GeoJSON file").SetInputFilesAsync(boundary);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save boundary" }).ClickAsync();
        await Assertions.Expect(page.GetByText("The force boundary from 'force-area.geojson' is saved")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#setup-map")).ToHaveAttributeAsync("data-ready", "1");
        await Assertions.Expect(page.Locator("#setup-map path.leaflet-interactive")).ToHaveCountAsync(1);
        await Accessibility.CheckAsync(page, "the set-up page with its boundary");
        await desktop.ScreenshotAsync("admin-setup-desktop");
        await page.SetViewportSizeAsync(360, 780);
        await Accessibility.CheckAsync(page, "the set-up page on a 360 px screen");
        await page.SetViewportSizeAsync(1280, 900);

        // 3. The roster: 58 created in 6 teams, the 2 bad rows rejected with their reasons.
        await page.GotoAsync("/Admin/Roster");
        await page.GetByLabel("Roster file (CSV)").SetInputFilesAsync(Roster);
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        var rejected = page.Locator("#roster-rows tbody tr", new() { HasText = "Rejected" });
        await Assertions.Expect(rejected).ToHaveCountAsync(2);
        await Assertions.Expect(rejected.Nth(0)).ToContainTextAsync("'Sargeant' is not a role");
        await Assertions.Expect(rejected.Nth(1)).ToContainTextAsync("'dev.hill44(at)force.example' is not an email address.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply: create 58 and change 0" }).ClickAsync();
        await Assertions.Expect(page.Locator("#roster-summary")).ToContainTextAsync("58 created, 0 changed, 0 unchanged, 2 rejected; 6 new teams.");
        // Each new person's one-time invitation link is shown once, to be handed to them.
        await Assertions.Expect(page.Locator("#invitation-links tbody tr")).ToHaveCountAsync(58);
        var officerLink = await RosterLinkAsync(page, OfficerEmail);
        var supervisorLink = await RosterLinkAsync(page, SupervisorEmail);

        // 4. The officer opens their invitation on a phone, sets a password, is directed and patrols inside the spot.
        await using var phone = await Phone.OpenAsync(address, TownCentre.Lat, TownCentre.Lon);
        await phone.Page.SetViewportSizeAsync(360, 740);
        var officer = phone.Page;
        await SetPasswordAsync(officer, officerLink);
        // First, the short guide: what a hot spot is, why the pick is random, the dose, tracking, what is kept.
        await officer.GotoAsync("/Officer");
        await Navigation.ArriveAsync(officer, new Regex("/Officer/Guide$"));
        foreach (var title in new[] { "What a hot spot is", "Why the pick is random", "The dose the force asks for", "How tracking works, and when it stops" })
        {
            await Assertions.Expect(officer.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
            await officer.GetByRole(AriaRole.Link, new() { Name = "Next" }).ClickAsync();
        }
        await Assertions.Expect(officer.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("What is kept about you");
        await Accessibility.CheckAsync(officer, "the last screen of the officer's guide at 360 px");
        await phone.ScreenshotAsync("officer-guide-phone");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Start patrolling" }).ClickAsync();
        await Navigation.ArriveAsync(officer, new Regex("/Officer$"));
        await officer.GetByRole(AriaRole.Button, new() { Name = "Direct me to a hot spot" }).ClickAsync();
        await officer.GetByRole(AriaRole.Button, new() { Name = "Start patrol" }).ClickAsync();
        await Navigation.ArriveAsync(officer, new Regex("/Officer/Patrol/\\d+$"));
        var spotName = (await officer.GetByRole(AriaRole.Heading, new() { Level = 1 }).TextContentAsync())!.Trim();
        var spot = (await app.Service<HotSpots.Modules.Hotspots.Contracts.IHotspotSnapshot>().CurrentAsync(CancellationToken.None)).Spots.Single(s => s.Name == spotName);
        await phone.MoveToAsync(spot.Centre.Latitude, spot.Centre.Longitude);
        await Assertions.Expect(officer.GetByText("Inside hot spot")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Task.Delay(4000); // a few pings inside, one a second
        await Assertions.Expect(officer.Locator("#queue")).ToHaveTextAsync("", new() { Timeout = 10_000 });

        // 5. The supervisor sees the officer by name on the live board and assigns a spot to the team.
        await using var sergeantDesktop = await Desktop.OpenAsync(address);
        var sergeant = sergeantDesktop.Page;
        await SetPasswordAsync(sergeant, supervisorLink);
        await sergeant.GotoAsync("/Supervisor");
        await Assertions.Expect(sergeant.Locator("#live")).ToContainTextAsync("PC Ben Brooks", new() { Timeout = 20_000 });
        await Assertions.Expect(sergeant.Locator("#live")).ToContainTextAsync("Response A");
        await sergeant.GetByLabel("Spot", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = $"#{spot.Rank} {spot.Name}" });
        await sergeant.GetByLabel("Team", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Response A" });
        await sergeant.GetByRole(AriaRole.Button, new() { Name = "Assign", Exact = true }).ClickAsync();
        await Assertions.Expect(sergeant.GetByRole(AriaRole.Button, new() { Name = $"Remove {spot.Name} from Response A" })).ToBeVisibleAsync();

        await officer.GetByRole(AriaRole.Button, new() { Name = "End patrol" }).ClickAsync();
        await Assertions.Expect(officer.GetByRole(AriaRole.Heading, new() { Name = "Patrol ended" })).ToBeVisibleAsync();

        // 6. A manager, added by the administrator, sees the officer on the leaderboard under the privacy setting's form of
        // the name: initials, as the manager is in no team (the default setting).
        await page.GotoAsync("/Admin/Users/Add");
        await page.GetByLabel("Email address").FillAsync(ManagerEmail);
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Manager", Exact = true }).CheckAsync();
        await page.GetByLabel("Name, as the board").FillAsync("Morgan Lee");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add and make the link" }).ClickAsync();
        var managerLink = await page.GetByLabel("Invitation link").InputValueAsync();
        await using var managerDesktop = await Desktop.OpenAsync(address);
        var manager = managerDesktop.Page;
        await SetPasswordAsync(manager, managerLink);
        await EnrolAsync(manager, $"{address}|{ManagerEmail}");
        await manager.GotoAsync("/Dashboard/Leaderboards");
        var board = manager.Locator("table", new() { HasText = "B. B." }).First;
        await Assertions.Expect(board).ToBeVisibleAsync();
        await Assertions.Expect(manager.Locator("main")).Not.ToContainTextAsync("PC Ben Brooks");

        // 7. The administrator disables the officer; the officer's next request is refused.
        await page.GotoAsync($"/Admin/Users?Search={Uri.EscapeDataString(OfficerEmail)}");
        await page.GetByRole(AriaRole.Link, new() { Name = OfficerEmail }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Disable…" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Disable", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#state")).ToHaveTextAsync("Disabled");
        await officer.GotoAsync("/Officer");
        officer.Url.ShouldContain("/Account/SignIn", customMessage: "a disabled officer's next request is refused");
    }

    /// <summary>The invitation link the applied roster shows for <paramref name="email"/>.</summary>
    private static async Task<string> RosterLinkAsync(IPage admin, string email)
    {
        var link = (await admin.Locator("#invitation-links tbody tr", new() { HasText = email }).Locator("code").TextContentAsync())!.Trim();
        return link.StartsWith('/') ? link : new Uri(link).PathAndQuery;
    }

    private static async Task SetPasswordAsync(IPage page, string link)
    {
        await page.GotoAsync(link);
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync(PeoplePassword);
        await page.GetByLabel("New password again").FillAsync(PeoplePassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
        await Navigation.LeaveAsync(page, new Regex("/Account/Invitation"));
    }

    /// <summary>Enrols an authenticator as a person does: reads the key the page shows and types the code an app would.</summary>
    private static async Task EnrolAsync(IPage page, string account)
    {
        await Navigation.ArriveAsync(page, new Regex("/Account/Authenticator"));
        var key = (await page.Locator("#authenticator-key").TextContentAsync())!.Replace(" ", "").Trim();
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Code", Exact = true }).FillAsync(await AuthenticatorCodes.NextAsync(account, key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor sign-in" }).ClickAsync();
        await Navigation.LeaveAsync(page, new Regex("/Account/Authenticator"));
    }

    private static async Task<string> VerbAsync(TestDatabase database, TempDirectory caller, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var (exit, output, standardOutput) = await Verbs.RunAsync(database, caller.Path, environment, args);
        exit.ShouldBe(0, $"{string.Join(' ', args)}: {output}");
        return standardOutput;
    }

    private static JsonElement Json(string standardOutput) =>
        JsonDocument.Parse(standardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1]).RootElement.Clone();
}
