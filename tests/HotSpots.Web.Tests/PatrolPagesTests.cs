using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using HotSpots.Modules.Patrols.Contracts;
using HotSpots.Modules.Workforce.Contracts;
using HotSpots.Platform.Audit;
using HotSpots.Testing;

namespace HotSpots.Web.Tests;

/// <summary>"My patrols", the track page and the team page: who gets what, and that a supervisor's view is audited.</summary>
public sealed partial class PatrolPagesTests : IClassFixture<PatrolPagesTests.App>
{
    public sealed class App : IDisposable
    {
        public TestDatabase Database { get; } = TestDatabase.Create("Sqlite");
        public HotSpotsApp Host { get; }
        // Two of the phone's ping settings given, one left to its default in the Patrols module's settings.
        public App() => Host = new HotSpotsApp(Database, new Dictionary<string, string?> { ["Patrols:PingSeconds"] = "7", ["Patrols:NearMetres"] = "150" });
        public void Dispose() { Host.Dispose(); Database.Dispose(); }
    }

    private readonly HotSpotsApp _app;

    public PatrolPagesTests(App app) => _app = app.Host;

    private async Task<(HttpClient Officer, long PatrolId)> PatrolAsync()
    {
        var officer = await SignedInClient.SignInAsync(_app, "officer@demo.hotspots");
        var near = (await officer.GetFromJsonAsync<List<NearbySpot>>("/api/hotspots/near?lat=51.4545&lon=-0.9730&count=1"))!;
        var home = await officer.GetStringAsync("/Officer");
        var start = await officer.PostAsync("/Officer/Direct?handler=Start", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["hotspotId"] = near.Single().Id.ToString(),
            ["__RequestVerificationToken"] = SignedInClient.FormToken(home),
        }));
        var patrolUrl = start.Headers.Location!.ToString();
        await officer.UseAntiforgeryFromAsync(patrolUrl);
        var id = long.Parse(patrolUrl.Split('/').Last());
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var pings = Enumerable.Range(1, 5).Select(i => new { seq = i, t = now + i * 1000, lat = near[0].Lat, lon = near[0].Lon, acc = 5.0 });
        (await officer.PostAsJsonAsync($"/api/patrols/{id}/pings", new { pings })).EnsureSuccessStatusCode();
        var ended = await (await officer.PostAsJsonAsync($"/api/patrols/{id}/end", new { t = now + 6000 })).ReadAsync<PatrolView>();
        ended.Running.ShouldBeFalse();
        ended.EndReason.ShouldBe("officer");
        return (officer, id);
    }

    [Fact]
    public async Task An_officer_sees_their_own_patrols_and_track_and_their_supervisor_sees_it_with_an_audit_entry()
    {
        var (officer, id) = await PatrolAsync();
        var mine = await officer.GetStringAsync("/Officer/Patrols");
        mine.ShouldContain("My patrols");
        mine.ShouldContain($"/Officer/Patrols/{id}");
        var track = await officer.GetStringAsync($"/Officer/Patrols/{id}");
        track.ShouldContain("Your patrol");
        track.ShouldContain("5 positions");

        var supervisor = await SignedInClient.SignInAsync(_app, "supervisor@demo.hotspots");
        var team = await supervisor.GetStringAsync("/Supervisor/Tracks");
        team.ShouldContain("PC Alex Morgan");
        team.ShouldContain($"/Officer/Patrols/{id}");
        var seen = await supervisor.GetStringAsync($"/Officer/Patrols/{id}");
        seen.ShouldContain("Patrol by PC Alex Morgan");
        seen.ShouldContain("recorded in the audit log");

        await using var scope = _app.Services.CreateAsyncScope();
        var audit = await scope.ServiceProvider.GetRequiredService<IAuditLog>().SearchAsync(new AuditQuery(Action: "track.view", Subject: $"patrol {id}"), CancellationToken.None);
        audit.ShouldContain(e => e.Action == "track.view" && e.Actor == "supervisor@demo.hotspots");
    }

    [Fact]
    public async Task The_patrol_page_tells_the_phone_the_ping_timing_of_the_patrols_settings()
    {
        var (officer, id) = await PatrolAsync();
        var page = await officer.GetStringAsync($"/Officer/Patrol/{id}");
        page.ShouldContain("data-ping-seconds=\"7\"");
        page.ShouldContain("data-far-ping-seconds=\"60\"");
        page.ShouldContain("data-near-metres=\"150\"");
    }

    [Theory]
    [InlineData("manager@demo.hotspots", "/Officer/Patrols", HttpStatusCode.Forbidden)]
    [InlineData("analyst@demo.hotspots", "/Supervisor/Tracks", HttpStatusCode.Forbidden)]
    [InlineData("officer@demo.hotspots", "/Supervisor/Tracks", HttpStatusCode.Forbidden)]
    [InlineData("supervisor@demo.hotspots", "/Supervisor/Tracks", HttpStatusCode.OK)]
    [InlineData("admin@demo.hotspots", "/Officer/Patrols/1", HttpStatusCode.Forbidden)]
    public async Task Each_role_reaches_only_the_patrol_pages_it_should(string email, string path, HttpStatusCode expected)
    {
        var client = await SignedInClient.SignInAsync(_app, email);
        (await client.GetAsync(path)).StatusCode.ShouldBe(expected);
    }

    [Fact]
    public async Task Another_officers_patrol_answers_404_as_a_missing_one_does_on_the_track_page_and_the_api()
    {
        var (_, id) = await PatrolAsync();
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<IUserAdministration>();
            await accounts.EnsureUserAsync("other@test.hotspots", "Amber-Kettle-Road-2345", "test", Roles.Officer);
            await accounts.EnsureUserAsync("other.sergeant@test.hotspots", "Amber-Kettle-Road-2345", "test", Roles.Supervisor);
        }
        foreach (var email in new[] { "other@test.hotspots", "other.sergeant@test.hotspots" })
        {
            var other = await SignedInClient.SignInAsync(_app, email, "Amber-Kettle-Road-2345");
            await other.UseAntiforgeryFromAsync("/Officer/Patrols");
            foreach (var path in new[] { $"/Officer/Patrols/{id}", $"/Officer/Patrol/{id}", $"/api/patrols/{id}" })
            {
                var someoneElses = await other.GetAsync(path);
                var missing = await other.GetAsync(path.Replace(id.ToString(), "987654"));
                (someoneElses.StatusCode, missing.StatusCode).ShouldBe((HttpStatusCode.NotFound, HttpStatusCode.NotFound), $"{email} {path}");
            }
            var pings = new { pings = new[] { new { seq = 99, t = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), lat = 51.45, lon = -0.97, acc = 5.0 } } };
            (await other.PostAsJsonAsync($"/api/patrols/{id}/pings", pings)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await other.PostAsJsonAsync("/api/patrols/987654/pings", pings)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task Personal_pages_and_json_are_sent_with_no_store()
    {
        var (officer, id) = await PatrolAsync();
        var supervisor = await SignedInClient.SignInAsync(_app, "supervisor@demo.hotspots");
        var analyst = await SignedInClient.SignInAsync(_app, "analyst@demo.hotspots");
        var person = Uri.UnescapeDataString(PersonLink().Match(await analyst.GetStringAsync("/Dashboard/People")).Groups[1].Value);
        person.ShouldNotBeEmpty("the demo force links people to crimes in its spots");
        var requests = new (HttpClient Client, string Path)[]
        {
            (officer, $"/api/patrols/{id}"), (officer, "/api/hotspots/near?lat=51.4545&lon=-0.9730"), (officer, "/Officer"),
            (officer, "/Officer/Patrols"), (officer, $"/Officer/Patrols/{id}"), (officer, $"/Officer/Patrol/{id}"),
            (supervisor, "/Supervisor"), (supervisor, "/Supervisor/Tracks"), (supervisor, "/api/supervisor/live"), (supervisor, $"/Officer/Patrols/{id}"),
            (supervisor, "/Manager"), (analyst, "/Dashboard/People"),
        };
        foreach (var (client, path) in requests)
        {
            var response = await client.GetAsync(path);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
            (response.Headers.CacheControl?.NoStore ?? false).ShouldBeTrue($"{path}: Cache-Control {response.Headers.CacheControl}");
        }
        var personPage = $"/Dashboard/Person?id={Uri.EscapeDataString(person)}";
        var opened = await analyst.PostAsync(personPage, SignedInClient.Form(await analyst.GetStringAsync(personPage), ("Id", person), ("Justification", "Briefing for Operation Nightjar")));
        opened.StatusCode.ShouldBe(HttpStatusCode.OK);
        (opened.Headers.CacheControl?.NoStore ?? false).ShouldBeTrue($"the person page: Cache-Control {opened.Headers.CacheControl}");
        // A static file may be kept by the browser.
        ((await officer.GetAsync("/css/site.css")).Headers.CacheControl?.NoStore ?? false).ShouldBeFalse();
    }

    [Fact]
    public async Task The_app_is_installable_its_manifest_and_service_worker_are_served_to_anyone()
    {
        var anonymous = _app.CreateClient();
        var manifest = await anonymous.GetAsync("/manifest.webmanifest");
        manifest.StatusCode.ShouldBe(HttpStatusCode.OK);
        manifest.Content.Headers.ContentType!.MediaType.ShouldBe("application/manifest+json");
        var json = await manifest.Content.ReadFromJsonAsync<Manifest>();
        json!.StartUrl.ShouldBe("/Officer");
        json.Display.ShouldBe("standalone");
        foreach (var icon in json.Icons)
            (await anonymous.GetAsync(icon.Src)).Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        var worker = await anonymous.GetStringAsync("/sw.js");
        worker.ShouldContain("importScripts(\"/js/outbox.js\")");
        var signIn = await anonymous.GetStringAsync("/Account/SignIn");
        ManifestLink().IsMatch(signIn).ShouldBeTrue();
    }

    [GeneratedRegex("<link rel=\"manifest\" href=\"/manifest.webmanifest\"")]
    private static partial Regex ManifestLink();

    private sealed record NearbySpot(long Id, double Lat, double Lon);

    private sealed record Manifest(
        [property: System.Text.Json.Serialization.JsonPropertyName("start_url")] string StartUrl, string Display, List<Icon> Icons);

    private sealed record Icon(string Src, string Sizes);

    [GeneratedRegex("/Dashboard/Person\\?id=([^\"]+)\"")]
    private static partial Regex PersonLink();
}
