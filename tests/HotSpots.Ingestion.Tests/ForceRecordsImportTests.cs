using HotSpots.Modules.Ingestion;
using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Testing;

namespace HotSpots.Ingestion.Tests;

public sealed class ForceRecordsImportTests : IAsyncLifetime
{
    private const string Header = "reference,offence_code,category,occurred_from,occurred_to,latitude,longitude,easting,northing,location,people";
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
    public async Task Local_times_become_utc_and_grid_references_become_positions()
    {
        var file = _database.Folder.File("force.csv");
        await File.WriteAllLinesAsync(file,
        [
            Header,
            "R/1,105A,Violence and sexual offences,2026-07-04 23:15,,51.4564,-0.9728,,,On or near Friar Street,P-1:suspect;P-2:victim",
            "R/2,034B,Robbery,2026-01-10 02:00,2026-01-10 02:30,,,471700,173300,Station Road,",
        ]);
        var report = await _services.InScopeAsync<IImports, ImportReport>(m =>
            m.ImportAsync(new ImportRequest(file, CrimeFileFormat.Auto), null, CancellationToken.None));
        report.Imported.ShouldBe(2);

        var points = await _services.InScopeAsync<IIngestedData, IReadOnlyList<CrimePoint>>(m =>
            m.GetCrimePointsAsync(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc), CancellationToken.None));
        var summer = points.Single(p => p.Category == "Violence and sexual offences");
        summer.OccurredUtc.ShouldBe(new DateTime(2026, 7, 4, 22, 15, 0, DateTimeKind.Utc)); // BST is UTC+1
        summer.HasTimeOfDay.ShouldBeTrue();
        summer.Harm.ShouldBe(194.21);
        var winter = points.Single(p => p.Category == "Robbery");
        winter.OccurredUtc.ShouldBe(new DateTime(2026, 1, 10, 2, 0, 0, DateTimeKind.Utc));
        winter.X.ShouldBe(471700, 0.01);
        winter.Y.ShouldBe(173300, 0.01);
        winter.Latitude.ShouldBe(51.45, 0.02);
    }

    [Fact]
    public async Task Rows_with_bad_people_or_dates_are_quarantined_with_their_field()
    {
        var file = _database.Folder.File("force-bad.csv");
        await File.WriteAllLinesAsync(file,
        [
            Header,
            "R/1,105A,Violence and sexual offences,2026-07-04 23:15,,51.4564,-0.9728,,,Friar Street,P-1:bystander",
            "R/2,105A,Violence and sexual offences,04/07/2026 23:15,,51.4564,-0.9728,,,Friar Street,",
            "R/3,105A,Violence and sexual offences,2026-07-04 23:15,2026-07-04 22:00,51.4564,-0.9728,,,Friar Street,",
            "R/4,105A,Violence and sexual offences,2026-07-04 23:15,,51.4564,-0.9728,,,Friar Street,P-9:witness",
        ]);
        var report = await _services.InScopeAsync<IImports, ImportReport>(m =>
            m.ImportAsync(new ImportRequest(file), null, CancellationToken.None));
        report.Imported.ShouldBe(1);
        report.Problems.Select(p => p.Field).ShouldBe(["people", "occurred_from", "occurred_to"]);
    }
}
