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

    private Task<ImportReport> ImportAsync(string path) =>
        _services.InScopeAsync<IImports, ImportReport>(m => m.ImportAsync(new ImportRequest(path), null, CancellationToken.None));
}
