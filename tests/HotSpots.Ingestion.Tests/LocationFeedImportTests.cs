using HotSpots.Modules.Ingestion;
using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Testing;

namespace HotSpots.Ingestion.Tests;

public sealed class LocationFeedImportTests : IAsyncLifetime
{
    private readonly TestDatabase _database = TestDatabase.Create("Sqlite");
    private IServiceProvider _services = null!;

    public async Task InitializeAsync() =>
        _services = await ModuleHost.StartAsync(_database, (s, c) => s.AddIngestionModule(c));

    public Task DisposeAsync()
    {
        (_services as IDisposable)?.Dispose();
        _database.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Unit_positions_are_imported_once_with_their_type_and_bad_rows_quarantined()
    {
        var file = _database.Folder.File("feed.csv");
        await File.WriteAllLinesAsync(file,
        [
            "unit_id,unit_type,time,latitude,longitude,accuracy",
            "TV-1,vehicle,2026-11-20T22:15:03Z,51.45612,-0.97311,12",
            "TV-1,vehicle,2026-11-20T22:15:13Z,51.45620,-0.97300,",
            "TV-2,foot,2026-07-20 22:15:10,51.45530,-0.97250,5",
            "TV-3,bicycle,2026-11-20T22:15:03Z,51.45612,-0.97311,12",
            "TV-4,foot,yesterday,51.45612,-0.97311,12",
        ]);
        var first = await ImportAsync(file);
        first.Imported.ShouldBe(3);
        first.Problems.Select(p => (p.Line, p.Field)).ShouldBe([(5L, "unit_type"), (6L, "time")]);
        (await ImportAsync(file)).Imported.ShouldBe(0);

        var positions = await _services.InScopeAsync<IIngestedData, IReadOnlyList<UnitPosition>>(m =>
            m.GetUnitPositionsAsync(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc), CancellationToken.None));
        positions.Count.ShouldBe(3);
        positions.Count(p => p.UnitId == "TV-1" && p.UnitType == UnitType.Vehicle).ShouldBe(2);
        var foot = positions.Single(p => p.UnitId == "TV-2");
        foot.UnitType.ShouldBe(UnitType.Foot);
        foot.TimeUtc.ShouldBe(new DateTime(2026, 7, 20, 21, 15, 10, DateTimeKind.Utc)); // local BST
        foot.X.ShouldBeGreaterThan(470_000);
    }

    [Fact]
    public async Task Feed_positions_older_than_their_retention_are_erased_and_the_erasure_audited()
    {
        var file = _database.Folder.File("feed-retention.csv");
        string At(int daysAgo) => DateTime.UtcNow.AddDays(-daysAgo).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        await File.WriteAllLinesAsync(file,
        [
            "unit_id,unit_type,time,latitude,longitude,accuracy",
            $"TV-1,vehicle,{At(40)},51.45612,-0.97311,12",
            $"TV-1,vehicle,{At(35)},51.45620,-0.97300,12",
            $"TV-2,foot,{At(5)},51.45530,-0.97250,5",
        ]);
        (await ImportAsync(file)).Imported.ShouldBe(3);

        // Default: 31 days. The two older positions go; the recent one stays.
        var purge = await _services.InScopeAsync<IIngestionAdministration, RetentionPurge>(m => m.PurgeExpiredAsync(CancellationToken.None));
        purge.UnitPositions.ShouldBe(2);
        var left = await _services.InScopeAsync<IIngestedData, IReadOnlyList<UnitPosition>>(m =>
            m.GetUnitPositionsAsync(DateTime.UtcNow.AddDays(-400), DateTime.UtcNow, CancellationToken.None));
        left.ShouldHaveSingleItem().UnitId.ShouldBe("TV-2");
        var audit = await _services.InScopeAsync<HotSpots.Platform.Audit.IAuditLog, IReadOnlyList<HotSpots.Platform.Audit.AuditRecordView>>(a =>
            a.SearchAsync(new HotSpots.Platform.Audit.AuditQuery(Action: "unit-positions.purge"), CancellationToken.None));
        audit.ShouldHaveSingleItem().Subject.ShouldBe("2 unit positions");

        // Shortened to 3 days at run time: the last one goes too.
        await _services.InScopeAsync<IIngestionAdministration, bool>(async m =>
        {
            await m.SetRetentionAsync(new IngestionRetention(730, 365, 3), "admin@test", CancellationToken.None);
            return true;
        });
        (await _services.InScopeAsync<IIngestionAdministration, RetentionPurge>(m => m.PurgeExpiredAsync(CancellationToken.None))).UnitPositions.ShouldBe(1);
    }

    private Task<ImportReport> ImportAsync(string path) =>
        _services.InScopeAsync<IImports, ImportReport>(m => m.ImportAsync(new ImportRequest(path), null, CancellationToken.None));
}
