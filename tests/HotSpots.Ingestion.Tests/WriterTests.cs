using HotSpots.Modules.Ingestion.Data;
using HotSpots.Modules.Ingestion.ImportCrimes;
using HotSpots.Modules.Ingestion.Storage;
using HotSpots.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HotSpots.Ingestion.Tests;

/// <summary>
/// The crime writer's own parts: texts bound to SQLite in place (UTF-8 buffers it reads without copying), the
/// classification of a batch that holds several sources, and the checkpointer that copies the log while the import runs.
/// </summary>
public sealed class WriterTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Texts_of_any_script_and_length_are_stored_exactly_as_read(string provider)
    {
        await using var host = await IngestionHost.StartAsync(provider);
        var file = host.File("force.csv");
        var longPlace = string.Join(", ", Enumerable.Repeat("Straße à côté du café", 40));
        string[] places = ["Café Müller", longPlace, "東京 駅前 🚓", "B", "", "Ωmega Road"];
        var rows = places.Select((place, i) => $"R/{i},105A,Violence and sexual offences,2026-03-0{i + 1} 10:00,,51.45,-0.97,,,\"{place}\",");
        await File.WriteAllLinesAsync(file, [ProviderTests.Header, .. rows]);

        (await host.ImportAsync(file)).Imported.ShouldBe(places.Length);

        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IngestionDbContext>();
        var stored = await db.Crimes.OrderBy(c => c.Reference).Select(c => new { c.Reference, c.Location, c.OffenceCode, c.Category }).ToListAsync();
        stored.Select(c => c.Location ?? "").ShouldBe(places);
        stored.ShouldAllBe(c => c.OffenceCode == "105A" && c.Category == "Violence and sexual offences");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_batch_with_two_sources_keeps_their_keys_apart_and_a_key_repeated_in_it_ends_with_its_last_content(string provider)
    {
        await using var host = await IngestionHost.StartAsync(provider);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IngestionDbContext>();
        var batch = new ImportBatch { File = "mixed", TrackProgress = false };
        batch.Records.AddRange([Record("police-uk", "K1", 1, "First"), Record("force", "K1", 2, "Second"), Record("police-uk", "K1", 3, "Third"),
            Record("force", "K2", 4, "Fourth")]);

        BatchOutcome outcome;
        await using (var store = CrimeStore.For(db)) outcome = await store.WriteAsync(batch, 1, DateTime.UtcNow, null, CancellationToken.None);

        (outcome.Imported, outcome.Updated, outcome.Unchanged).ShouldBe((3L, 1L, 0L));
        var stored = await db.Crimes.AsNoTracking().OrderBy(c => c.Source).ThenBy(c => c.SourceKey).Select(c => $"{c.Source}/{c.SourceKey}={c.Location}").ToListAsync();
        stored.ShouldBe(["force/K1=Second", "force/K2=Fourth", "police-uk/K1=Third"]);
    }

    [Fact]
    public async Task The_checkpointer_copies_committed_pages_from_the_log_into_the_database_file()
    {
        using var folder = new TempDirectory();
        var path = folder.File("wal.db");
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
        await using var writer = new SqliteConnection(connectionString);
        await writer.OpenAsync();
        Execute(writer, "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0; CREATE TABLE t (x TEXT);");
        var empty = new FileInfo(path).Length;
        Execute(writer, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000) INSERT INTO t SELECT printf('%0200d', i) FROM n;");
        new FileInfo(path).Length.ShouldBe(empty, "before a checkpoint the new pages are only in the log");

        var checkpointer = new WalCheckpointer(connectionString);
        checkpointer.Committed();
        await checkpointer.DisposeAsync();

        new FileInfo(path).Length.ShouldBeGreaterThan(empty + 20_000 * 200);
    }

    private static CrimeRecord Record(string source, string key, long content, string location) => new()
    {
        Source = source, SourceKey = key, ContentHash = content, Category = "Burglary", Location = location,
        OccurredFromUtc = new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc),
    };

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
