using System.Net;
using HotSpots.Modules.Workforce.Contracts;
using HotSpots.Platform;
using HotSpots.Platform.Audit;
using HotSpots.Testing;

namespace HotSpots.Web.Tests;

/// <summary>
/// The force set-up page over HTTP: what it saves is kept in the database and in force at once without a restart (the
/// content security policy's tile server, the maps' tiles, the police day), on another node within seconds; bad input
/// is refused field by field and nothing is saved; OpenStreetMap's public tile server is refused unless accepted.
/// </summary>
public sealed class ForceSetUpTests
{
    private static (string, string)[] Fields(string name, string zone, int dayStart, string tiles, string tileUrl = "", string credit = "",
        params (string Name, int Start, int End)[] shifts)
    {
        var fields = new List<(string, string)>
        {
            ("Form.Name", name), ("Form.TimeZone", zone), ("Form.PoliceDayStartHour", dayStart.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Form.Tiles", tiles), ("Form.TileUrl", tileUrl), ("Form.TileAttribution", credit),
        };
        for (var i = 0; i < shifts.Length; i++)
            fields.AddRange([($"Form.Shifts[{i}].Name", shifts[i].Name), ($"Form.Shifts[{i}].StartHour", $"{shifts[i].Start}"), ($"Form.Shifts[{i}].EndHour", $"{shifts[i].End}")]);
        return [.. fields];
    }

    [Fact]
    public async Task Saved_settings_are_in_force_at_once_without_a_restart_and_audited()
    {
        using var database = TestDatabase.Create("Sqlite");
        await using var app = new HotSpotsApp(database);
        var force = app.Service<ForceOptions>();
        force.Name.ShouldBe("Demo Force", "the demo seed sets the force up through the same path as the page");
        var admin = await SignedInClient.SignInAsync(app, "admin@demo.hotspots");
        (await admin.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK, "a force that is set up opens the start page");

        var page = await admin.GetStringAsync("/Admin/SetUp");
        page.ShouldContain("Demo Force");
        var saved = await admin.PostAsync("/Admin/SetUp?handler=Save", SignedInClient.Form(page,
            Fields("Vale Constabulary", "Europe/Dublin", 7, "url", "https://tiles.vale.example/{z}/{x}/{y}.png", "© Vale mapping",
                ("Days", 7, 19), ("Nights", 19, 7))));
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());

        (force.Name, force.TimeZone, force.PoliceDayStartHour, force.TileUrl).ShouldBe(("Vale Constabulary", "Europe/Dublin", 7, "https://tiles.vale.example/{z}/{x}/{y}.png"));
        force.Shifts.ShouldBe([new ForceShift("Days", 7, 19), new ForceShift("Nights", 19, 7)]);
        force.ShiftAt(3).Name.ShouldBe("Nights");
        force.PoliceDayStartUtc(new DateOnly(2026, 12, 7)).ShouldBe(new DateTime(2026, 12, 7, 7, 0, 0, DateTimeKind.Utc), "Dublin is on UTC in December; the day starts at 07:00");
        var next = await admin.GetAsync("/Admin/Status");
        next.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("img-src 'self' data: blob: https://tiles.vale.example;");
        (await admin.GetStringAsync("/Admin/SetUp")).ShouldContain("Settings saved.");

        var officer = await SignedInClient.SignInAsync(app, "officer@demo.hotspots");
        var home = await officer.GetStringAsync("/Officer");
        home.ShouldContain("data-tile-url=\"https://tiles.vale.example/{z}/{x}/{y}.png\"");
        home.ShouldContain("data-tile-attribution=\"&#xA9; Vale mapping\"");
        var supervisor = await SignedInClient.SignInAsync(app, "supervisor@demo.hotspots");
        var board = await supervisor.GetStringAsync("/Supervisor");
        board.ShouldContain("value=\"Nights\"");
        board.ShouldNotContain("value=\"Early\"");

        // Tiles off: the maps draw on a plain background and the policy names no tile server.
        page = await admin.GetStringAsync("/Admin/SetUp");
        (await admin.PostAsync("/Admin/SetUp?handler=Save", SignedInClient.Form(page, Fields("Vale Constabulary", "Europe/London", 6, "none", shifts: ("Days", 7, 19)))))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        force.TileUrl.ShouldBe("");
        (await officer.GetStringAsync("/Officer")).ShouldContain("data-tile-url=\"\"");
        (await admin.GetAsync("/Admin/Status")).Headers.GetValues("Content-Security-Policy").Single().ShouldContain("img-src 'self' data: blob: ;");

        await using var scope = app.Services.CreateAsyncScope();
        var audit = await scope.ServiceProvider.GetRequiredService<IAuditLog>().SearchAsync(new AuditQuery(Action: "setting.change"), CancellationToken.None);
        audit.Count(e => e.Subject == "setting force" && e.Actor == "admin@demo.hotspots").ShouldBe(2);
    }

    [Fact]
    public async Task Bad_settings_are_refused_field_by_field_keeping_what_was_typed_and_nothing_is_saved()
    {
        using var database = TestDatabase.Create("Sqlite");
        await using var app = new HotSpotsApp(database);
        var before = app.Service<ForceOptions>().Values;
        var admin = await SignedInClient.SignInAsync(app, "admin@demo.hotspots");
        var page = await admin.GetStringAsync("/Admin/SetUp");
        var refused = await admin.PostAsync("/Admin/SetUp?handler=Save", SignedInClient.Form(page,
            Fields("Vale Constabulary", "Europe/Atlantis", 6, "url", "http://tiles.vale.example/tile.png", "© Vale", ("Days", 7, 7))));
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        html.ShouldContain("Nothing was saved: 3 settings need changing");
        html.ShouldContain("'Europe/Atlantis' is not a time zone this server knows");
        html.ShouldContain("Shift 1 ('Days') needs a start hour from 0 to 23 and a different end hour");
        html.ShouldContain("'http://tiles.vale.example/tile.png' is not an https address.");
        html.ShouldContain("value=\"Vale Constabulary\"", customMessage: "what was typed stays in the form");
        html.ShouldContain("value=\"Europe/Atlantis\"");

        // OpenStreetMap's public server: refused with the reason, unless the one who saves accepts it.
        var osm = await admin.PostAsync("/Admin/SetUp?handler=Save", SignedInClient.Form(page,
            Fields("Vale Constabulary", "Europe/London", 6, "url", ForceValues.PublicOsmTiles, "© OpenStreetMap contributors", ("Days", 7, 19))));
        osm.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var osmHtml = WebUtility.HtmlDecode(await osm.Content.ReadAsStringAsync());
        osmHtml.ShouldContain("This is OpenStreetMap's public tile server.");
        osmHtml.ShouldContain("Use it anyway, for a demonstration only");
        app.Service<ForceOptions>().Values.ShouldBe(before);
    }

    [Fact]
    public async Task A_fresh_install_without_the_demo_sends_its_administrator_to_the_set_up_page_until_it_is_saved()
    {
        using var database = TestDatabase.Create("Sqlite");
        await using var app = new HotSpotsApp(database, new Dictionary<string, string?> { ["Demo:Enabled"] = "false" });
        const string key = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<IUserAccounts>();
            var administration = scope.ServiceProvider.GetRequiredService<IUserAdministration>();
            var user = await administration.EnsureUserAsync("chief.admin@force.example", "amber-kettle-orchard-42", "test set-up", Roles.Admin);
            await accounts.EnrolAuthenticatorAsync(user, key);
        }
        app.Service<ForceOptions>().IsSetUp.ShouldBeFalse();
        app.Service<ForceOptions>().Name.ShouldBe("HotSpots");
        app.Service<ForceOptions>().TileUrl.ShouldBe("", "no tiles until the force chooses a server: the public OpenStreetMap one is never the default");
        var admin = await SignedInClient.SignInAsync(app, "chief.admin@force.example", "amber-kettle-orchard-42", key);
        var start = await admin.GetAsync("/");
        start.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        start.Headers.Location!.OriginalString.ShouldBe("/Admin/SetUp");
        var page = await admin.GetStringAsync("/Admin/SetUp");
        page.ShouldContain("This force is not set up yet.");
        page.ShouldContain("Save and finish set-up");
        var saved = await admin.PostAsync("/Admin/SetUp?handler=Save", SignedInClient.Form(page, Fields("Vale Constabulary", "Europe/London", 6, "none", shifts: ("Early", 7, 15))));
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await admin.GetStringAsync("/Admin/SetUp")).ShouldContain("The force is set up. Next, add its people");
        (await admin.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    // Two nodes need PostgreSQL (a SQLite data directory is one running app's).
    [Fact]
    public async Task A_change_saved_on_one_node_is_in_force_on_the_other_within_seconds()
    {
        using var database = TestDatabase.Create("Postgres");
        using var dataB = new TempDirectory("hotspots-node-b");
        await using var nodeA = new HotSpotsApp(database);
        _ = nodeA.Services;
        await using var nodeB = new HotSpotsApp(database, new Dictionary<string, string?> { ["HOTSPOTS_DATA_DIR"] = dataB.Path, ["Demo:Enabled"] = "false" });
        var forceB = nodeB.Service<ForceOptions>();
        forceB.Name.ShouldBe("Demo Force");
        var admin = await SignedInClient.SignInAsync(nodeA, "admin@demo.hotspots");
        var page = await admin.GetStringAsync("/Admin/SetUp");
        (await admin.PostAsync("/Admin/SetUp?handler=Save", SignedInClient.Form(page,
            Fields("Vale Constabulary", "Europe/London", 5, "url", "https://{s}.tiles.vale.example/{z}/{x}/{y}.png", "© Vale", ("Early", 7, 15)))))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (forceB.Name != "Vale Constabulary" && waited.Elapsed < TimeSpan.FromSeconds(20)) await Task.Delay(100);
        (forceB.Name, forceB.PoliceDayStartHour).ShouldBe(("Vale Constabulary", 5), $"node B still had the old settings after {waited.Elapsed}");
        var anonymous = nodeB.CreateClient(new() { AllowAutoRedirect = false });
        (await anonymous.GetAsync("/Account/SignIn")).Headers.GetValues("Content-Security-Policy").Single().ShouldContain("https://*.tiles.vale.example");
    }
}
