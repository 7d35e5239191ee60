using HotSpots.Modules.Ingestion;
using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Modules.Ingestion.Data;
using HotSpots.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HotSpots.Ingestion.Tests;

/// <summary>
/// The crime table is cut from a copy held in memory: it is what a read of the database gives, in the same order, and
/// follows every change to the crimes or their harm, also a change made by another node on the same database.
/// </summary>
public sealed class HeldCrimesTests
{
    private const string Header = "reference,offence_code,category,occurred_from,easting,northing,location,area_code";
    private static readonly DateTime Ever = new(1900, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Never = new(2200, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static readonly string[] Categories = ["Violence and sexual offences", "Robbery", "Burglary", "Shoplifting", "Drugs"];

    /// <summary>Crimes over three months of 2026; every seventh has no position, every fifth names no place or area.</summary>
    private static List<string> Rows(int count, int first = 0) => Enumerable.Range(first, count).Select(i =>
        $"R/{i:00000},,{Categories[i * 7 % Categories.Length]},2026-0{1 + i % 3}-{1 + i * 13 % 28:00} {i % 24:00}:{i % 60:00}," +
        (i % 7 == 0 ? ",," : $"{471000 + i * 37 % 900}.5,{173000 + i * 53 % 700}.0,") +
        (i % 5 == 0 ? "," : $"On or near Street {i % 11},E0100{i % 4}")).ToList();

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_window_holds_the_crimes_a_query_of_that_window_reads_in_the_same_order(string provider)
    {
        await using var host = await IngestionHost.StartAsync(provider);
        await ImportAsync(host, Rows(300));
        var from = new DateTime(2026, 2, 1, 0, 0, 0, DateTimeKind.Utc);
        var to = new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);

        var all = await TableAsync(host.Services, Ever, Never);
        var window = await TableAsync(host.Services, from, to);

        var stored = await StoredAsync(host.Services, from, to);
        Lines(window).Select(r => (r.X, r.Y, r.Ticks, r.Timed, r.Category, r.Place, r.Area)).ShouldBe(stored);
        window.Categories.ShouldBe(stored.Select(r => r.Category).Distinct().ToList());
        window.Places.ShouldBe(stored.Select(r => r.Place).OfType<string>().Distinct().ToList());
        window.Areas.ShouldBe(stored.Select(r => r.Area).OfType<string>().Distinct().ToList());
        Lines(all).Select(r => (r.X, r.Y, r.Ticks, r.Timed, r.Category, r.Place, r.Area)).ShouldBe(await StoredAsync(host.Services, Ever, Never));
        all.Count.ShouldBe(300 - 300 / 7 - 1);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Crimes_another_node_imports_are_in_the_next_table(string provider)
    {
        await using var host = await IngestionHost.StartAsync(provider);
        await ImportAsync(host, Rows(200));
        var before = await TableAsync(host.Services, Ever, Never);
        await using var otherNode = await ModuleHost.StartAsync(host.Database, (s, c) => s.AddIngestionModule(c));

        await ImportAsync(host, Rows(50, first: 200), otherNode);

        (await TableAsync(host.Services, Ever, Never)).Count.ShouldBeGreaterThan(before.Count);
        await ShouldMatchAFreshReadAsync(host);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_record_whose_category_and_another_whose_position_changed_read_changed(string provider)
    {
        await using var host = await IngestionHost.StartAsync(provider);
        var rows = Rows(200);
        await ImportAsync(host, rows);
        await TableAsync(host.Services, Ever, Never);
        await using var otherNode = await ModuleHost.StartAsync(host.Database, (s, c) => s.AddIngestionModule(c));

        rows[1] = rows[1].Replace(Categories[7 % Categories.Length], "Criminal damage and arson");
        rows[2] = rows[2].Replace(",471", ",481");
        var report = await ImportAsync(host, rows, otherNode);

        (report.Imported, report.Updated).ShouldBe((0L, 2L));
        (await TableAsync(host.Services, Ever, Never)).Categories.ShouldContain("Criminal damage and arson");
        await ShouldMatchAFreshReadAsync(host);
    }

    [Fact]
    public async Task A_resubmitted_row_that_corrects_a_held_crime_is_in_the_next_table()
    {
        // The correction updates a crime the same import stored: the number of crimes and their imports stay as they were.
        await using var host = await IngestionHost.StartAsync();
        var bad = "R/00001,,Robbery,2026-02-30 10:00,471500.5,173500.0,On or near Fixed Street,E01009";
        await ImportAsync(host, [.. Rows(100), bad]);
        var before = await TableAsync(host.Services, Ever, Never);
        var row = (await host.Imports(m => m.ListQuarantineAsync(new QuarantineQuery(), CancellationToken.None))).Rows.ShouldHaveSingleItem();

        (await host.Imports(m => m.ResubmitAsync(row.Id, bad.Replace("02-30", "02-28"), "analyst", CancellationToken.None))).Imported.ShouldBeTrue();

        var after = await TableAsync(host.Services, Ever, Never);
        after.Count.ShouldBe(before.Count);
        after.Places.ShouldContain("On or near Fixed Street");
        await ShouldMatchAFreshReadAsync(host);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_harm_override_set_on_another_node_weighs_the_next_table(string provider)
    {
        await using var host = await IngestionHost.StartAsync(provider);
        await ImportAsync(host, Rows(100));
        var window = (new DateTime(2026, 2, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc));
        var before = await TableAsync(host.Services, Ever, Never);
        await using var otherNode = await ModuleHost.StartAsync(host.Database, (s, c) => s.AddIngestionModule(c));

        await otherNode.InScopeAsync<IIngestionAdministration, int>(async m =>
        {
            await m.SetHarmOverridesAsync(new HarmOverrides(new Dictionary<string, double> { ["Robbery"] = 777 }, new Dictionary<string, double>()), "analyst", CancellationToken.None);
            return 0;
        });

        var after = await TableAsync(host.Services, Ever, Never);
        after.ShouldNotBeSameAs(before);
        after.CategoryHarm[after.Categories.ToList().IndexOf("Robbery")].ShouldBe(777);
        var part = await TableAsync(host.Services, window.Item1, window.Item2);
        part.CategoryHarm[part.Categories.ToList().IndexOf("Robbery")].ShouldBe(777);
        await ShouldMatchAFreshReadAsync(host);
    }

    [Fact]
    public async Task While_nothing_changes_every_caller_gets_the_same_table_read_once()
    {
        await using var host = await IngestionHost.StartAsync();
        await ImportAsync(host, Rows(100));
        await using var fresh = await ModuleHost.StartAsync(host.Database, (s, c) => s.AddIngestionModule(c));

        var tables = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => TableAsync(fresh, Ever, Never))));

        tables.ShouldAllBe(t => ReferenceEquals(t, tables[0]));
        (await TableAsync(fresh, Ever, Never)).ShouldBeSameAs(tables[0]);
    }

    private static async Task<ImportReport> ImportAsync(IngestionHost host, IEnumerable<string> rows, IServiceProvider? node = null)
    {
        var file = host.File($"force-{Guid.NewGuid():N}.csv");
        await File.WriteAllLinesAsync(file, [Header, .. rows]);
        return await (node ?? host.Services).InScopeAsync<IImports, ImportReport>(m =>
            m.ImportAsync(new ImportRequest(file, CrimeFileFormat.ForceRecordsCsv, "test"), null, CancellationToken.None));
    }

    private static Task<CrimeTable> TableAsync(IServiceProvider node, DateTime from, DateTime to) =>
        node.InScopeAsync<IIngestedData, CrimeTable>(m => m.GetCrimeTableAsync(from, to, CancellationToken.None));

    /// <summary>The held table, whole and for a month, is what a node that has held nothing yet reads from the database.</summary>
    private static async Task ShouldMatchAFreshReadAsync(IngestionHost host)
    {
        await using var fresh = await ModuleHost.StartAsync(host.Database, (s, c) => s.AddIngestionModule(c));
        var (from, to) = (new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2026, 2, 1, 0, 0, 0, DateTimeKind.Utc));
        Lines(await TableAsync(host.Services, Ever, Never)).ShouldBe(Lines(await TableAsync(fresh, Ever, Never)));
        Lines(await TableAsync(host.Services, from, to)).ShouldBe(Lines(await TableAsync(fresh, from, to)));
    }

    private static List<(double X, double Y, long Ticks, bool Timed, string Category, double Harm, string? Place, string? Area)> Lines(CrimeTable t) =>
        Enumerable.Range(0, t.Count).Select(i => (t.X[i], t.Y[i], t.OccurredUtcTicks[i], t.HasTimeOfDay[i], t.Categories[t.Category[i]],
            t.CategoryHarm[t.Category[i]], t.Place[i] < 0 ? null : t.Places[t.Place[i]], t.Area[i] < 0 ? null : t.Areas[t.Area[i]])).ToList();

    /// <summary>The mappable crimes of the window as stored, in the table's order.</summary>
    private static async Task<List<(double X, double Y, long Ticks, bool Timed, string Category, string? Place, string? Area)>> StoredAsync(
        IServiceProvider node, DateTime from, DateTime to)
    {
        await using var scope = node.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<IngestionDbContext>().Crimes.AsNoTracking()
            .Where(c => !c.Unmappable && c.OccurredFromUtc >= from && c.OccurredFromUtc < to).OrderBy(c => c.Id)
            .Select(c => new { c.X, c.Y, c.OccurredFromUtc, c.HasTimeOfDay, c.Category, c.Location, c.AreaCode }).ToListAsync();
        return rows.Select(r => (r.X!.Value, r.Y!.Value, r.OccurredFromUtc.Ticks, r.HasTimeOfDay, r.Category, r.Location, r.AreaCode)).ToList();
    }
}
