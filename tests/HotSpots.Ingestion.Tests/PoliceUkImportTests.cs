using HotSpots.Modules.Ingestion;
using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace HotSpots.Ingestion.Tests;

/// <summary>data.police.uk files, with the quirks measured on real months, imported into a real SQLite file.</summary>
public sealed class PoliceUkImportTests : IAsyncLifetime
{
    private const string Header = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context";
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

    private static readonly string[] Rows =
    [
        // Anti-social behaviour: no Crime ID, no outcome. The two identical lines are two incidents.
        ",2024-03,Thames Valley Police,Thames Valley Police,-0.973000,51.454500,On or near Friar Street,E01016372,Reading 011A,Anti-social behaviour,,",
        ",2024-03,Thames Valley Police,Thames Valley Police,-0.973000,51.454500,On or near Friar Street,E01016372,Reading 011A,Anti-social behaviour,,",
        // A repeated Crime ID at two different points: both kept.
        "aa11,2024-03,Thames Valley Police,Thames Valley Police,-0.971000,51.455000,On or near Broad Street,E01016372,Reading 011A,Violence and sexual offences,Under investigation,",
        "aa11,2024-03,Thames Valley Police,Thames Valley Police,-0.975000,51.456000,On or near Station Road,E01016373,Reading 011B,Violence and sexual offences,Under investigation,",
        // No location: kept, counted, unmappable.
        "bb22,2024-03,Thames Valley Police,Thames Valley Police,,,No Location,,,Burglary,Investigation complete; no suspect identified,",
        "cc33,2024-03,Thames Valley Police,Thames Valley Police,-0.980000,51.450000,On or near Oxford Road,E01016380,Reading 015C,Robbery,Under investigation,",
    ];

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public async Task Every_row_is_kept_once_and_a_second_import_adds_nothing(string newline)
    {
        var file = _database.Folder.File("2024-03-thames-valley-street.csv");
        await File.WriteAllTextAsync(file, Header + newline + string.Join(newline, Rows) + newline);

        var first = await ImportAsync(file);
        first.Imported.ShouldBe(6);
        first.Unmappable.ShouldBe(1);
        first.Quarantined.ShouldBe(0);
        (await CountAsync()).ShouldBe(6);

        var second = await ImportAsync(file);
        second.Imported.ShouldBe(0);
        second.Unchanged.ShouldBe(6);
        (await CountAsync()).ShouldBe(6);
    }

    [Fact]
    public async Task A_new_outcome_at_the_source_updates_the_record_instead_of_adding_one()
    {
        var file = _database.Folder.File("month.csv");
        await File.WriteAllLinesAsync(file, [Header, .. Rows]);
        await ImportAsync(file);
        await File.WriteAllLinesAsync(file, [Header, .. Rows.Select(r => r.Replace("cc33", "cc33").Replace("Robbery,Under investigation", "Robbery,Offender charged"))]);

        var again = await ImportAsync(file);
        again.Updated.ShouldBe(1);
        again.Imported.ShouldBe(0);
        (await CountAsync()).ShouldBe(6);
    }

    [Fact]
    public async Task Bad_rows_are_reported_with_line_field_and_reason_and_the_good_rows_imported()
    {
        var file = _database.Folder.File("bad.csv");
        await File.WriteAllLinesAsync(file,
        [
            Header, Rows[2],
            "dd44,2024-13,X,X,-0.97,51.45,On or near A Street,E1,N,Drugs,,",
            "ee55,2024-03,X,X,-0.97,951.45,On or near A Street,E1,N,Drugs,,",
            "ff66,2024-03,X,X,-0.97,51.45,On or near A Street,E1,N,,,",
            Rows[5],
        ]);
        var report = await ImportAsync(file);
        report.Imported.ShouldBe(2);
        report.Quarantined.ShouldBe(3);
        report.Problems.Select(p => (p.Line, p.Field)).ShouldBe([(3L, "Month"), (4L, "Latitude"), (5L, "Crime type")]);
        report.Problems.ShouldAllBe(p => p.File == "bad.csv" && p.Reason.Length > 0);
    }

    [Fact]
    public async Task A_file_with_an_unknown_header_is_refused_with_a_clear_message()
    {
        var file = _database.Folder.File("other.csv");
        await File.WriteAllLinesAsync(file, ["id,when,what", "1,2,3"]);
        var report = await ImportAsync(file);
        report.FailedFiles.ShouldBe(1);
        var problem = report.Problems.ShouldHaveSingleItem();
        (problem.File, problem.Line, problem.Field).ShouldBe(("other.csv", 1L, "(file)"));
        problem.Reason.ShouldContain("line 1 (header) is not a format HotSpots knows");
    }

    [Fact]
    public async Task Reading_points_from_a_file_skips_rows_without_a_position_and_stores_nothing()
    {
        var file = _database.Folder.File("points.csv.gz");
        await using (var gzip = new System.IO.Compression.GZipStream(File.Create(file), System.IO.Compression.CompressionLevel.Fastest))
        await using (var writer = new StreamWriter(gzip))
            await writer.WriteAsync(string.Join("\n", [Header, .. Rows]));

        var points = new List<CrimePoint>();
        await using (var scope = _services.CreateAsyncScope())
            await foreach (var point in scope.ServiceProvider.GetRequiredService<IIngestedData>().ReadPointsAsync(file, CrimeFileFormat.Auto, CancellationToken.None))
                points.Add(point);

        points.Count.ShouldBe(5);
        points.Count(p => p.Category == "Robbery").ShouldBe(1);
        points.Single(p => p.Category == "Robbery").Harm.ShouldBe(365);
        points.ShouldAllBe(p => p.X > 400_000 && p.Y > 100_000);
        (await CountAsync()).ShouldBe(0);
    }

    private Task<ImportReport> ImportAsync(string path) =>
        _services.InScopeAsync<IImports, ImportReport>(m => m.ImportAsync(new ImportRequest(path), null, CancellationToken.None));

    private Task<long> CountAsync() => _services.InScopeAsync<IIngestedData, long>(m => m.CountCrimesAsync(CancellationToken.None));
}
