using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using HotSpots.Modules.Patrols.Contracts;
using HotSpots.Platform.Data;
using HotSpots.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace HotSpots.Web.Tests;

/// <summary>The officer loop through the real HTTP endpoints, on each database provider.</summary>
public sealed partial class OfficerLoopOverHttpTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_fresh_database_is_migrated_seeded_and_has_no_pending_model_changes(string provider)
    {
        using var database = TestDatabase.Create(provider);
        await using var app = new HotSpotsApp(database);
        app.Service<DatabaseSettings>().DataDirectory.ShouldBe(database.Folder.Path);
        app.Service<DatabaseSettings>().Provider.ToString().ShouldBe(provider);

        var modules = app.Services.GetServices<IModuleDatabase>().ToList();
        modules.Select(m => m.Module).ShouldBe(["Platform", "Ingestion", "Hotspots", "Workforce", "Tasking", "Patrols", "Accounts"], ignoreOrder: true);
        foreach (var module in modules)
        {
            module.HasPendingModelChanges().ShouldBeFalse($"{module.Module} has model changes without a migration");
            (await module.UnknownAppliedMigrationsAsync(CancellationToken.None)).ShouldBeEmpty();
        }
        if (provider == "Sqlite")
        {
            var file = Path.Combine(database.Folder.Path, "hotspots.db");
            File.Exists(file).ShouldBeTrue();
            await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
            await connection.OpenAsync();
            await using var pageSize = connection.CreateCommand();
            pageSize.CommandText = "PRAGMA page_size;";
            (await pageSize.ExecuteScalarAsync()).ShouldBe(16384L, "a new database has 16 KB pages");
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_officer_is_directed_patrols_and_the_pings_are_stored_once(string provider)
    {
        using var database = TestDatabase.Create(provider);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new HotSpotsApp(database, clock: clock);
        var officer = await SignedInClient.SignInAsync(app, "officer@demo.hotspots");

        var near = await officer.GetFromJsonAsync<List<NearbySpot>>("/api/hotspots/near?lat=51.4545&lon=-0.9730&count=5");
        near!.Count.ShouldBe(5);
        // The team's assignments first, then distance weighed by need. With no patrol history every spot is owed its whole
        // dose, so need differs only where violence peaks at this hour (twice the weight): which spots those are, and the
        // team's assignments, depend on the time of day the test runs at.
        near.Select(s => (s.Assigned ? 0 : 1, (s.DistanceMetres + 50) / (s.PeakNow ? 2 : 1))).ShouldBeInOrder(
            $"the spots came as {string.Join("; ", near.Select(s => $"{s.DistanceMetres} m, peak {s.PeakNow}, assigned {s.Assigned}"))}");

        // Tap 1: Direct me (form post with the phone's position), then the direction page.
        var home = await officer.GetStringAsync("/Officer");
        var direct = await officer.PostAsync("/Officer/Direct", SignedInClient.Form(home, ("lat", "51.4545"), ("lon", "-0.9730")));
        direct.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var directionPage = await officer.GetStringAsync(direct.Headers.Location!.ToString());
        directionPage.ShouldContain("Start patrol");
        directionPage.ShouldContain("Why here");
        var hotspotId = HotspotField().Match(directionPage).Groups[1].Value;
        // Direct me draws among the team's assigned spots or, without any, among the three nearest.
        var offered = (await officer.GetFromJsonAsync<List<NearbySpot>>("/api/hotspots/near?lat=51.4545&lon=-0.9730&count=50"))!;
        var candidates = offered.Any(s => s.Assigned) ? offered.Where(s => s.Assigned) : offered.OrderBy(s => s.DistanceMetres).Take(3);
        candidates.Select(s => s.Id.ToString()).ShouldContain(hotspotId);

        // Tap 2: Start patrol.
        var start = await officer.PostAsync(direct.Headers.Location + "?handler=Start", SignedInClient.Form(directionPage, ("hotspotId", hotspotId)));
        start.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var patrolUrl = start.Headers.Location!.ToString();
        var patrolId = long.Parse(patrolUrl.Split('/').Last());
        await officer.UseAntiforgeryFromAsync(patrolUrl);

        var spot = offered.Single(s => s.Id.ToString() == hotspotId);
        // Six pings 30 s apart inside the spot, sent three minutes into the patrol.
        var started = clock.GetUtcNow().ToUnixTimeMilliseconds();
        clock.Advance(TimeSpan.FromMinutes(3));
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var pings = Enumerable.Range(1, 6).Select(i => new { seq = i, t = started + i * 30_000, lat = spot.Lat, lon = spot.Lon, acc = 8.0 }).ToList();
        var ack = await (await officer.PostAsJsonAsync($"/api/patrols/{patrolId}/pings", new { pings })).ReadAsync<PingBatchResult>();
        ack.Accepted.ShouldBe(6);
        ack.Inside.ShouldBeTrue();
        ack.MinutesInside.ShouldBe(2.5, 0.01);

        // The same batch again (a retry after a lost answer) stores nothing new.
        var again = await (await officer.PostAsJsonAsync($"/api/patrols/{patrolId}/pings", new { pings })).ReadAsync<PingBatchResult>();
        again.Accepted.ShouldBe(0);
        again.Duplicates.ShouldBe(6);

        var bad = new[] { new { seq = 7, t = now, lat = 123.0, lon = 0.0, acc = 5.0 } };
        var rejected = await (await officer.PostAsJsonAsync($"/api/patrols/{patrolId}/pings", new { pings = bad })).ReadAsync<PingBatchResult>();
        rejected.Rejected.Single().Reason.ShouldContain("out of range");

        var summary = await (await officer.PostAsync($"/api/patrols/{patrolId}/end", null)).ReadAsync<PatrolView>();
        summary.Pings.ShouldBe(6);
        summary.MinutesInside.ShouldBe(2.5, 0.01);
        summary.Running.ShouldBeFalse();

        // Another officer cannot see or feed this patrol.
        var supervisor = await SignedInClient.SignInAsync(app, "supervisor@demo.hotspots");
        (await supervisor.GetAsync($"/api/patrols/{patrolId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [GeneratedRegex("name=\"hotspotId\" value=\"(\\d+)\"")]
    private static partial Regex HotspotField();

    private sealed record NearbySpot(long Id, int Rank, string Name, double DistanceMetres, double Lat, double Lon, bool Assigned, bool PeakNow);
}
