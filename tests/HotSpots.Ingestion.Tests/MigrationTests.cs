using HotSpots.Modules.Ingestion;
using HotSpots.Platform.Data;
using HotSpots.Testing;
using Microsoft.Data.Sqlite;
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
}
