using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Modules.Ingestion.Data;
using HotSpots.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HotSpots.Ingestion.Tests;

/// <summary>The writer on both databases: inserts, updates with their people, repeated references, nothing doubled.</summary>
public sealed class ProviderTests
{
    internal const string Header = "reference,offence_code,category,occurred_from,occurred_to,latitude,longitude,easting,northing,location,people";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Records_and_their_people_are_written_once_and_updated_when_they_change(string provider)
    {
        await using var host = await IngestionHost.StartAsync(provider);
        var file = host.File("force.csv");
        var rows = Enumerable.Range(1, 25_000).Select(i =>
            $"R/{i:000000},105A,Violence and sexual offences,2026-03-{1 + i % 28:00} 2{i % 4}:15,,51.45,-0.97,,,Friar Street,{(i % 3 == 0 ? $"P-{i}:suspect;P-{i + 1}:victim" : "")}").ToList();
        await File.WriteAllLinesAsync(file, [Header, .. rows]);
        var first = await host.ImportAsync(file);
        (first.Imported, first.Quarantined).ShouldBe((25_000L, 0L));

        // The source changes one record (a new location and people) and repeats another with new content in the same file.
        rows[8] = rows[8].Replace("Friar Street,", "Station Road,").Replace("P-9:", "P-99:");
        await File.WriteAllLinesAsync(file, [Header, .. rows, rows[19].Replace("Friar Street", "Oxford Road")]);
        var second = await host.ImportAsync(file);
        (second.Imported, second.Updated, second.Unchanged).ShouldBe((0L, 2L, 24_999L));

        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IngestionDbContext>();
        (await db.Crimes.CountAsync()).ShouldBe(25_000);
        (await db.PersonLinks.CountAsync()).ShouldBe(25_000 / 3 * 2);
        var changed = await db.Crimes.Include(c => c.People).SingleAsync(c => c.Reference == "R/000009");
        changed.Location.ShouldBe("Station Road");
        changed.People.Select(p => (p.PersonId, p.Role)).Order().ShouldBe([("P-10", "victim"), ("P-99", "suspect")]);
        (await db.Crimes.SingleAsync(c => c.Reference == "R/000020")).Location.ShouldBe("Oxford Road");
        (await db.Crimes.SingleAsync(c => c.Reference == "R/000002")).OccurredFromUtc.ShouldBe(new DateTime(2026, 3, 3, 22, 15, 0, DateTimeKind.Utc));
    }
}
