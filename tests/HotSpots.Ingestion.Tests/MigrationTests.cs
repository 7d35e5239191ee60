using HotSpots.Modules.Ingestion.Data;
using HotSpots.Platform.Data;
using HotSpots.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace HotSpots.Ingestion.Tests;

/// <summary>A database made by an earlier version, upgraded: the crimes table loses AUTOINCREMENT and nothing else.</summary>
public sealed class MigrationTests
{
    private const string BeforeTheChange = "20261126180126_CrimeRevision";

    [Fact]
    public async Task Crimes_keep_their_ids_and_people_and_new_ones_are_numbered_after_them()
    {
        using var folder = new TempDirectory();
        var connectionString = $"Data Source={folder.File("hotspots.db")};Pooling=False";
        var options = new DbContextOptionsBuilder<IngestionSqliteContext>();
        options.UseModuleSqlite(connectionString, "Ingestion");
        await using var db = new IngestionSqliteContext(options.Options);
        await db.GetService<IMigrator>().MigrateAsync(BeforeTheChange);
        (await TableSql(connectionString)).ShouldContain("AUTOINCREMENT");
        foreach (var key in new[] { "A", "B", "C" }) await InsertCrime(connectionString, key);
        await Execute(connectionString, "INSERT INTO ingestion_person_links (\"CrimeId\", \"PersonId\", \"Role\") VALUES (2, 'P-1', 'victim');");

        await db.Database.MigrateAsync();

        (await TableSql(connectionString)).ShouldNotContain("AUTOINCREMENT");
        (await db.Crimes.OrderBy(c => c.Id).Select(c => new { c.Id, c.SourceKey }).ToListAsync())
            .Select(c => (c.Id, c.SourceKey)).ShouldBe([(1L, "A"), (2L, "B"), (3L, "C")]);
        (await db.PersonLinks.Select(p => new { p.CrimeId, p.PersonId }).SingleAsync()).ShouldBe(new { CrimeId = 2L, PersonId = "P-1" });
        await InsertCrime(connectionString, "D");
        (await db.Crimes.SingleAsync(c => c.SourceKey == "D")).Id.ShouldBe(4);
    }

    private static Task InsertCrime(string connectionString, string key) => Execute(connectionString,
        "INSERT INTO ingestion_crimes (\"Source\", \"SourceKey\", \"ContentHash\", \"Category\", \"OccurredFromUtc\", \"HasTimeOfDay\", " +
        $"\"Unmappable\", \"OutOfArea\", \"ImportId\") VALUES ('test', '{key}', 1, 'Robbery', '2026-01-01 00:00:00', 0, 1, 0, 1);");

    private static async Task<string> TableSql(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT sql FROM sqlite_schema WHERE name = 'ingestion_crimes'";
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private static async Task Execute(string connectionString, string sql)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        SqliteConnectionSettings.Apply(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
