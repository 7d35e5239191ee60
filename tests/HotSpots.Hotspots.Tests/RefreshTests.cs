using HotSpots.Modules.Hotspots;
using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Modules.Ingestion;
using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Platform.Geography;
using HotSpots.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace HotSpots.Hotspots.Tests;

public sealed class RefreshTests
{
    [Fact]
    public async Task A_refresh_publishes_patrollable_polygons_over_the_densest_violence_and_swaps_the_snapshot()
    {
        using var database = TestDatabase.Create("Sqlite");
        await using var services = await ModuleHost.StartAsync(database, (s, c) => { s.AddIngestionModule(c); s.AddHotspotsModule(c); },
            new Dictionary<string, string?> { ["Hotspots:Count"] = "2", ["Hotspots:MaxCellsPerSpot"] = "2" });
        var projection = services.GetRequiredService<IMetricProjection>();

        // 30 violent crimes in one 150 m cell and 12 in its east neighbour, 10 in a cell 2 km away, shoplifting elsewhere.
        var origin = projection.Project(51.4545, -0.9730);
        double baseX = Math.Floor(origin.X / 150) * 150 + 75, baseY = Math.Floor(origin.Y / 150) * 150 + 75;
        var rows = new List<string> { "reference,category,occurred_from,easting,northing,location" };
        void Add(int n, double x, double y, string category, string place)
        {
            for (var i = 0; i < n; i++) rows.Add($"R{rows.Count},{category},2026-05-{1 + i % 28:00} 22:{i % 60:00},{x:0.0},{y:0.0},On or near {place}");
        }
        Add(30, baseX, baseY, "Violence and sexual offences", "Friar Street");
        Add(12, baseX + 150, baseY, "Violence and sexual offences", "Friar Street");
        Add(10, baseX + 2000, baseY, "Robbery", "Oxford Road");
        Add(50, baseX - 3000, baseY, "Shoplifting", "Broad Street");
        var file = database.Folder.File("force.csv");
        await File.WriteAllLinesAsync(file, rows);
        await services.InScopeAsync<IIngestionModule, ImportReport>(m => m.ImportAsync(new ImportRequest(file), null, CancellationToken.None));

        var set = await services.InScopeAsync<IHotspotModule, HotspotSetSummary>(m => m.RefreshAsync(publish: true, "test", CancellationToken.None));
        set.Status.ShouldBe(HotspotSetStatus.Published);
        set.SpotCount.ShouldBe(2);

        var snapshot = services.GetRequiredService<IHotspotSnapshot>().Current;
        snapshot.Set!.Id.ShouldBe(set.Id);
        var first = snapshot.Spots[0];
        first.Name.ShouldBe("Friar Street");
        first.AreaSquareMetres.ShouldBe(2 * 150 * 150, 0.01);
        first.CrimeCount.ShouldBe(42);
        first.Harm.ShouldBe(42 * 194.21, 0.01);
        first.Why.PeakHours.ShouldBe([22]);
        snapshot.Spots[1].Name.ShouldBe("Oxford Road");
        snapshot.Spots[1].Harm.ShouldBe(10 * 365, 0.01);

        var centre = projection.Unproject(baseX, baseY);
        snapshot.Contains(first.Id, centre).ShouldBeTrue();
        snapshot.Contains(snapshot.Spots[1].Id, centre).ShouldBeFalse();
        var nearest = snapshot.Nearest(centre, 2);
        nearest[0].Spot.Id.ShouldBe(first.Id);
        nearest[0].Metres.ShouldBe(0);
        nearest[1].Metres.ShouldBe(1875, 1); // from the centre of the first cell to the west edge of the cell 2 km east
    }
}
