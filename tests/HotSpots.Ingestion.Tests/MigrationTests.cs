using HotSpots.Modules.Ingestion;
using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Modules.Ingestion.Data;
using HotSpots.Platform.Data;
using HotSpots.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HotSpots.Ingestion.Tests;

/// <summary>
/// The schema history starts at one <c>Initial</c> per module and provider. A fresh database migrates from it alone, and
/// on SQLite the crimes are numbered by the plain row id (no AUTOINCREMENT, so no write to sqlite_sequence per insert).
/// An upgrade written after the Initials gets a test of its own here: a database at the migration before it, with rows,
/// migrated to the latest, keeps its rows.
/// </summary>
public sealed class MigrationTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_fresh_database_migrates_from_the_initial_migration(string provider)
    {
        using var database = TestDatabase.Create(provider);
        await using var services = await ModuleHost.StartAsync(database, (s, c) => s.AddIngestionModule(c));
        var module = services.GetServices<IModuleDatabase>().Single(m => m.Module == "Ingestion");
        module.HasPendingModelChanges().ShouldBeFalse();
        (await module.UnknownAppliedMigrationsAsync(CancellationToken.None)).ShouldBeEmpty();
        if (provider != "Sqlite") return;
        await using var connection = new SqliteConnection($"Data Source={database.Folder.File("hotspots.db")};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT sql FROM sqlite_schema WHERE name = 'ingestion_crimes'";
        ((string)(await command.ExecuteScalarAsync())!).ShouldNotContain("AUTOINCREMENT");
    }

    /// <summary>
    /// The first upgrade after the Initials (Revisions): the crimes' own revision row became a row of the platform's
    /// table of revisions. A database at the Initials with crimes and a crime revision in it, migrated to the latest,
    /// keeps its crimes, and the revision is carried over (so that no copy in memory on a node that kept running could
    /// take the upgraded database for one it has already read).
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_database_at_the_initial_migrations_upgrades_keeping_its_crimes_and_their_revision(string provider)
    {
        using var database = TestDatabase.Create(provider);
        await using var services = await ModuleHost.StartAsync(database, (s, c) => s.AddIngestionModule(c), migrate: false);
        var modules = services.GetServices<IModuleDatabase>().ToList();
        modules.Select(m => m.Module).ShouldBe(["Platform", "Ingestion"]);
        foreach (var module in modules) await module.MigrateToAsync("Initial", CancellationToken.None);
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IngestionDbContext>();
            // SQLite numbers crimes with the row id only when the writer leaves it out; EF is told it never generates it.
            db.Crimes.AddRange(Enumerable.Range(1, 3).Select(i => new Crime
            {
                Id = provider == "Sqlite" ? i : 0, Source = "force", SourceKey = $"R/{i}", ContentHash = i, Reference = $"R/{i}", Category = "Robbery",
                OccurredFromUtc = new DateTime(2026, 3, i, 12, 0, 0, DateTimeKind.Utc), HasTimeOfDay = true,
                Latitude = 51.45, Longitude = -0.97, X = 471000 + i, Y = 173000 + i, ImportId = 1,
            }));
            await db.SaveChangesAsync();
            await db.Database.ExecuteSqlRawAsync("INSERT INTO ingestion_crime_revision (\"Id\", \"Number\") VALUES (1, 7)");
        }

        foreach (var module in modules) await module.MigrateAsync(CancellationToken.None);

        foreach (var module in modules)
        {
            module.HasPendingModelChanges().ShouldBeFalse();
            (await module.UnknownAppliedMigrationsAsync(CancellationToken.None)).ShouldBeEmpty();
        }
        var table = await services.InScopeAsync<IIngestedData, CrimeTable>(m =>
            m.GetCrimeTableAsync(DateTime.MinValue, DateTime.MaxValue, CancellationToken.None));
        table.Count.ShouldBe(3);
        table.Revision.ShouldBe(7);
        (await services.InScopeAsync<IIngestedData, long>(m => m.CountCrimesAsync(CancellationToken.None))).ShouldBe(3);
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IngestionDbContext>();
            var tables = await db.Database.SqlQueryRaw<string>(provider == "Sqlite"
                ? "SELECT name AS \"Value\" FROM sqlite_schema WHERE type = 'table'"
                : "SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_schema = 'public'").ToListAsync();
            tables.ShouldContain("platform_revisions");
            tables.ShouldNotContain("ingestion_crime_revision");
        }

        // The next write to the crimes counts on from the number carried over.
        var file = database.Folder.File("more.csv");
        await File.WriteAllLinesAsync(file, ["reference,category,occurred_from,easting,northing", "R/4,Robbery,2026-03-04 12:00,471004,173004"]);
        await services.InScopeAsync<IImports, ImportReport>(m => m.ImportAsync(new ImportRequest(file), null, CancellationToken.None));
        var after = await services.InScopeAsync<IIngestedData, CrimeTable>(m =>
            m.GetCrimeTableAsync(DateTime.MinValue, DateTime.MaxValue, CancellationToken.None));
        (after.Count, after.Revision).ShouldBe((4, 8L));
    }
}
