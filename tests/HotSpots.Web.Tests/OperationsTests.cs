using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Hangfire;
using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Modules.Patrols.Contracts;
using HotSpots.Platform.Data;
using HotSpots.Testing;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace HotSpots.Web.Tests;

public sealed class OperationsTests
{
    [Fact]
    public async Task An_online_backup_taken_while_pings_are_written_restores_into_a_new_data_directory_with_every_ping_acknowledged_before_it()
    {
        using var database = TestDatabase.Create("Sqlite");
        var acknowledged = new ConcurrentDictionary<long, DateTime>();
        string backupFolder;
        long patrolId;
        DateTime backupStarted;
        await using (var app = new HotSpotsApp(database))
        {
            var officer = await SignedInClient.SignInAsync(app, "officer@demo.hotspots");
            var spot = app.Service<IHotspotSnapshot>().Current.Spots[0];
            var home = await officer.GetStringAsync("/Officer");
            var start = await officer.PostAsync("/Officer/Direct?handler=Start", SignedInClient.Form(home, ("hotspotId", spot.Id.ToString())));
            var patrolUrl = start.Headers.Location!.ToString();
            patrolId = long.Parse(patrolUrl.Split('/').Last());
            await officer.UseAntiforgeryFromAsync(patrolUrl);

            using var stop = new CancellationTokenSource();
            var writer = Task.Run(async () =>
            {
                for (var batch = 0; !stop.IsCancellationRequested; batch++)
                {
                    var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                    var pings = Enumerable.Range(0, 20).Select(i => new { seq = batch * 20 + i + 1, t = now, lat = spot.Centre.Latitude, lon = spot.Centre.Longitude, acc = 5.0 }).ToList();
                    var response = await officer.PostAsJsonAsync($"/api/patrols/{patrolId}/pings", new { pings });
                    if (response.IsSuccessStatusCode)
                        foreach (var p in pings) acknowledged[p.seq] = DateTime.UtcNow;
                }
            });
            await Task.Delay(1500);
            backupFolder = Path.Combine(database.Folder.Path, "backup-now");
            backupStarted = DateTime.UtcNow;
            var manifest = await app.Service<DatabaseBackup>().BackupAsync(backupFolder, CancellationToken.None);
            manifest.Files.Select(f => f.Name).ShouldContain("hotspots.db");
            await Task.Delay(500);
            await stop.CancelAsync();
            await writer;
        }

        var before = acknowledged.Where(a => a.Value < backupStarted).Select(a => a.Key).ToHashSet();
        before.Count.ShouldBeGreaterThan(20);
        acknowledged.Count.ShouldBeGreaterThan(before.Count); // pings kept coming while the backup ran

        using var restored = TestDatabase.Create("Sqlite");
        var target = new DatabaseSettings { Provider = DatabaseProvider.Sqlite, DataDirectory = restored.Folder.Path, SharedDirectory = restored.Folder.Path, ConnectionString = $"Data Source={restored.Folder.File("hotspots.db")}" };
        await new DatabaseBackup(target, TimeProvider.System).RestoreAsync(backupFolder, CancellationToken.None);
        await using var restoredApp = new HotSpotsApp(restored);
        await using var scope = restoredApp.Services.CreateAsyncScope();
        var officerId = await OfficerIdAsync(restoredApp, "officer@demo.hotspots");
        var patrol = await scope.ServiceProvider.GetRequiredService<IOfficerPatrols>().GetAsync(patrolId, officerId, CancellationToken.None);
        patrol.ShouldNotBeNull();
        var stored = StoredSequences(restored.Folder.File("hotspots.db"), patrolId);
        before.ShouldBeSubsetOf(stored);
    }

    [Fact]
    public async Task Restore_refuses_while_an_app_runs_on_the_data_directory_and_keeps_the_files_it_replaces()
    {
        using var database = TestDatabase.Create("Sqlite");
        string backupFolder = Path.Combine(Path.GetTempPath(), $"hotspots-backup-{Guid.NewGuid():N}");
        try
        {
            await using (var app = new HotSpotsApp(database))
            {
                await app.Service<DatabaseBackup>().BackupAsync(backupFolder, CancellationToken.None);
                var refused = await Should.ThrowAsync<InvalidOperationException>(() => app.Service<DatabaseBackup>().RestoreAsync(backupFolder, CancellationToken.None));
                refused.Message.ShouldContain("in use by a running HotSpots");
                (await Should.ThrowAsync<InvalidOperationException>(() => app.Service<DatabaseBackup>().BackupAsync(backupFolder, CancellationToken.None)))
                    .Message.ShouldContain("not empty");
            }
            var settings = new DatabaseSettings { Provider = DatabaseProvider.Sqlite, DataDirectory = database.Folder.Path, SharedDirectory = database.Folder.Path, ConnectionString = $"Data Source={database.Folder.File("hotspots.db")}" };
            var kept = await new DatabaseBackup(settings, TimeProvider.System).RestoreAsync(backupFolder, CancellationToken.None);
            File.Exists(Path.Combine(kept, "hotspots.db")).ShouldBeTrue();
            File.Exists(database.Folder.File("hotspots.db")).ShouldBeTrue();

            File.AppendAllText(Path.Combine(backupFolder, "hotspots.db"), "damage");
            (await Should.ThrowAsync<InvalidOperationException>(() => new DatabaseBackup(settings, TimeProvider.System).RestoreAsync(backupFolder, CancellationToken.None)))
                .Message.ShouldContain("damaged");
        }
        finally
        {
            Directory.Delete(backupFolder, recursive: true);
        }
    }

    [Fact]
    public async Task Ready_is_unhealthy_when_the_database_is_unreachable_while_live_stays_up()
    {
        using var database = TestDatabase.Create("Postgres");
        await using var app = new HotSpotsApp(database);
        var client = app.CreateClient();
        (await client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var name = new NpgsqlConnectionStringBuilder(database.ConnectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using (var admin = new NpgsqlConnection(Environment.GetEnvironmentVariable(TestDatabase.PostgresVariable)))
        {
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE {name} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }

        var ready = await client.GetAsync("/health/ready");
        ready.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        var body = await ready.Content.ReadAsStringAsync();
        body.ShouldContain("\"database\":{\"status\":\"Unhealthy\"");
        (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Metrics_expose_request_latencies_job_counts_pings_and_imports_to_this_machine()
    {
        using var database = TestDatabase.Create("Sqlite");
        await using var app = new HotSpotsApp(database);
        var officer = await SignedInClient.SignInAsync(app, "officer@demo.hotspots");
        var spot = app.Service<IHotspotSnapshot>().Current.Spots[0];
        var home = await officer.GetStringAsync("/Officer");
        var start = await officer.PostAsync("/Officer/Direct?handler=Start", SignedInClient.Form(home, ("hotspotId", spot.Id.ToString())));
        var patrolUrl = start.Headers.Location!.ToString();
        await officer.UseAntiforgeryFromAsync(patrolUrl);
        var client = app.CreateClient();
        var before = await client.GetStringAsync("/metrics");

        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var pings = Enumerable.Range(1, 7).Select(i => new { seq = i, t = now - (7 - i) * 1000, lat = spot.Centre.Latitude, lon = spot.Centre.Longitude, acc = 5.0 });
        (await officer.PostAsJsonAsync($"/api/patrols/{patrolUrl.Split('/').Last()}/pings", new { pings })).EnsureSuccessStatusCode();

        var file = database.Folder.File("one-month.csv");
        await File.WriteAllTextAsync(file, "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context\n" +
            "metrics-1,2026-10,Demo Police,Demo Police,-0.9781,51.4543,On or near Broad Street,E01000001,Reading 001A,Violence and sexual offences,Under investigation,\n");
        await app.Service<IImports>().ImportAsync(new ImportRequest(file), null, CancellationToken.None);

        var metrics = await client.GetStringAsync("/metrics");
        metrics.ShouldContain("http_request_duration_seconds_bucket");
        metrics.ShouldContain("hotspots_jobs_failed");
        metrics.ShouldContain("hotspots_jobs_succeeded");
        // Counters are per process; the tests share one, so only this test's increase is checked.
        (Counter(metrics, "hotspots_pings_ingested") - Counter(before, "hotspots_pings_ingested")).ShouldBeGreaterThanOrEqualTo(7);
        (Counter(metrics, "hotspots_imports_finished") - Counter(before, "hotspots_imports_finished")).ShouldBeGreaterThanOrEqualTo(1);
        (Counter(metrics, "hotspots_imported_rows") - Counter(before, "hotspots_imported_rows")).ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task Admins_see_failed_jobs_the_last_imports_and_refreshes_and_no_one_else_does()
    {
        using var database = TestDatabase.Create("Sqlite");
        await using var app = new HotSpotsApp(database);
        var jobs = app.Service<IBackgroundJobClient>();
        // A job whose retries are spent (none allowed), as a failed nightly job ends up.
        jobs.Create(() => FailingJobs.NightlyExport(), new Hangfire.States.FailedState(new IOException("The export folder is full")));

        var admin = await SignedInClient.SignInAsync(app, "admin@demo.hotspots");
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync("/Admin/Status"));
        page.ShouldContain("The export folder is full");
        page.ShouldContain("FailingJobs.NightlyExport");
        page.ShouldContain("completed"); // the demo force's import
        var set = (await app.Service<IHotspotModule>().ListSetsAsync(1, CancellationToken.None))[0];
        page.ShouldContain($"<td>{set.Id}</td><td>Published</td>");

        var analyst = await SignedInClient.SignInAsync(app, "analyst@demo.hotspots");
        (await analyst.GetAsync("/Admin/Status")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_app_refuses_to_start_on_a_database_newer_than_its_code_and_says_why()
    {
        using var database = TestDatabase.Create("Sqlite");
        await using (var app = new HotSpotsApp(database)) app.Service<IHotspotSnapshot>().Current.Spots.ShouldNotBeEmpty();
        await using (var connection = new SqliteConnection($"Data Source={database.Folder.File("hotspots.db")};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            // What a later version's migration leaves behind.
            command.CommandText = "INSERT INTO __patrols_migrations (MigrationId, ProductVersion) VALUES ('29991231000000_FromALaterVersion', '10.0.0')";
            await command.ExecuteNonQueryAsync();
        }
        await using var older = new HotSpotsApp(database);
        var refused = Should.Throw<Exception>(() => older.Service<IHotspotSnapshot>());
        refused.ToString().ShouldContain("The database is newer than this version of HotSpots: module Patrols has migrations this build does not know (29991231000000_FromALaterVersion)");
    }

    /// <summary>The sum of a counter's samples (all its label sets) in Prometheus text, 0 when it has none yet.</summary>
    private static double Counter(string metrics, string name) =>
        metrics.Split('\n').Where(l => l.StartsWith(name, StringComparison.Ordinal) && !l.StartsWith('#'))
            .Sum(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture));

    private static async Task<string> OfficerIdAsync(HotSpotsApp app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Microsoft.AspNetCore.Identity.IdentityUser>>().FindByEmailAsync(email))!.Id;
    }

    private static HashSet<long> StoredSequences(string file, long patrolId)
    {
        using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Sequence FROM patrols_pings WHERE PatrolId = $id";
        command.Parameters.AddWithValue("$id", patrolId);
        using var reader = command.ExecuteReader();
        var sequences = new HashSet<long>();
        while (reader.Read()) sequences.Add(reader.GetInt64(0));
        return sequences;
    }
}

/// <summary>A job that fails, with no retries left, for the status page.</summary>
public static class FailingJobs
{
    [AutomaticRetry(Attempts = 0)]
    public static void NightlyExport() => throw new IOException("The export folder is full");
}
