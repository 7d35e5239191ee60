using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using HotSpots.Modules.Patrols.Contracts;
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
    public async Task Another_officer_outside_the_team_gets_403_for_a_track_and_a_missing_one_is_404()
    {
        var (_, id) = await PatrolAsync();
        await using (var scope = _app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<Accounts.UserAccounts>().EnsureUserAsync("other@test.hotspots", "Amber-Kettle-Road-2345", Accounts.Roles.Officer);
        var other = await SignedInClient.SignInAsync(_app, "other@test.hotspots", "Amber-Kettle-Road-2345");
        (await other.GetAsync($"/Officer/Patrols/{id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await other.GetAsync("/Officer/Patrols/987654")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
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
}
