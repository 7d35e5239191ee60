using HotSpots.Modules.Hotspots;
using HotSpots.Modules.Ingestion;
using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace HotSpots.Hotspots.Tests;

/// <summary>The hot spot refresh reads crimes as a table: the same crimes as the points query, on both providers.</summary>
public sealed class CrimeTableTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_crime_table_holds_exactly_the_mappable_crimes_of_the_window(string provider)
    {
        using var database = TestDatabase.Create(provider);
        await using var services = await ModuleHost.StartAsync(database, (s, c) => { s.AddIngestionModule(c); s.AddHotspotsModule(c); });
        var file = database.Folder.File("force.csv");
        await File.WriteAllLinesAsync(file,
        [
            "reference,category,occurred_from,easting,northing,location",
            "A,Violence and sexual offences,2026-03-01 22:15,471712.5,173301.0,On or near Friar Street",
            "B,Robbery,2026-03-31 23:59,471900.0,173400.0,",
            "C,Shoplifting,2026-04-01 01:30,471000.0,173000.0,On or near Broad Street",
            "D,Violence and sexual offences,2026-02-28 23:59,471000.0,173000.0,On or near Friar Street",
            "E,Robbery,2026-03-10 12:00,,,On or near Nowhere",
        ]);
        await services.InScopeAsync<IImports, ImportReport>(m => m.ImportAsync(new ImportRequest(file), null, CancellationToken.None));
        var from = new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        var to = new DateTime(2026, 4, 1, 0, 0, 0, DateTimeKind.Utc);

        var points = await services.InScopeAsync<IIngestedData, IReadOnlyList<CrimePoint>>(m => m.GetCrimePointsAsync(from, to, CancellationToken.None));
        var table = await services.InScopeAsync<IIngestedData, CrimeTable>(m => m.GetCrimeTableAsync(from, to, CancellationToken.None));

        points.Count.ShouldBe(2); // A and B; C is after (00:30 UTC, in summer time), D before, E has no position
        table.Count.ShouldBe(points.Count);
        var rows = Enumerable.Range(0, table.Count)
            .Select(i => (table.X[i], table.Y[i], table.OccurredUtcTicks[i], table.HasTimeOfDay[i], table.Categories[table.Category[i]],
                table.CategoryHarm[table.Category[i]], table.Place[i] < 0 ? null : table.Places[table.Place[i]]))
            .OrderBy(r => r.Item3).ToList();
        var expected = points.OrderBy(p => p.OccurredUtc)
            .Select(p => (p.X, p.Y, p.OccurredUtc.Ticks, p.HasTimeOfDay, p.Category, p.Harm, string.IsNullOrEmpty(p.Location) ? null : p.Location)).ToList();
        rows.ShouldBe(expected);
    }
}
