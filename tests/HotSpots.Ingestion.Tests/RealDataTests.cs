using HotSpots.Modules.Ingestion;
using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Testing;

namespace HotSpots.Ingestion.Tests;

/// <summary>Real months from data.police.uk (../shared/data). ./test.sh leaves these out, and says so, when the folder is absent.</summary>
[Trait("Data", "Shared")]
public sealed class RealDataTests
{
    [Fact]
    public async Task Sixty_months_of_city_of_london_import_exactly_and_a_second_import_adds_nothing()
    {
        var folder = Path.Combine(RepositoryPaths.SharedData, "uk-police", "city-of-london");
        using var database = TestDatabase.Create("Sqlite");
        await using var services = await ModuleHost.StartAsync(database, (s, c) => s.AddIngestionModule(c));

        var first = await services.InScopeAsync<IImports, ImportReport>(m => m.ImportAsync(new ImportRequest(folder), null, CancellationToken.None));
        // Totals from shared/data/README.md: 38,215 rows, 2,701 without coordinates.
        first.Imported.ShouldBe(38_215);
        first.Unmappable.ShouldBe(2_701);
        first.Quarantined.ShouldBe(0);

        var second = await services.InScopeAsync<IImports, ImportReport>(m => m.ImportAsync(new ImportRequest(folder), null, CancellationToken.None));
        second.Imported.ShouldBe(0);
        second.Unchanged.ShouldBe(38_215);
        (await services.InScopeAsync<IIngestedData, long>(m => m.CountCrimesAsync(CancellationToken.None))).ShouldBe(38_215);
    }
}
