using System.IO.Compression;
using HotSpots.Modules.Ingestion.Contracts;

namespace HotSpots.Ingestion.Tests;

/// <summary>Every way data arrives: a zip as data.police.uk serves it, .gz, JSON Lines, header-only files.</summary>
public sealed class FormatsTests
{
    [Fact]
    public async Task A_data_police_uk_zip_imports_its_street_files_and_notes_the_files_it_leaves_out()
    {
        await using var host = await IngestionHost.StartAsync();
        var zip = host.File("d3f1-download.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            foreach (var (month, seed) in new[] { ("2024-01", 1), ("2024-02", 2) })
            {
                await Write(archive, $"{month}/{month}-thames-valley-street.csv", [PoliceUk.Header, .. PoliceUk.Month(month, 50, seed)]);
                await Write(archive, $"{month}/{month}-thames-valley-outcomes.csv", ["Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Outcome type", "x,2024-01,a,b,,,,,,c"]);
                await Write(archive, $"{month}/{month}-thames-valley-stop-and-search.csv", ["Type,Date", "Person search,2024-01-02"]);
            }
        }

        var report = await host.ImportAsync(zip);
        report.Imported.ShouldBe(100);
        report.FailedFiles.ShouldBe(0);
        report.Notes!.ShouldHaveSingleItem().ShouldContain("left out 4 outcomes and stop-and-search file(s)");
        (await host.ImportAsync(zip)).Imported.ShouldBe(0);
    }

    [Fact]
    public async Task Gzip_files_and_folders_of_them_import_like_plain_files()
    {
        await using var host = await IngestionHost.StartAsync();
        var folder = Directory.CreateDirectory(host.File("months")).FullName;
        await File.WriteAllLinesAsync(Path.Combine(folder, "2024-01-thames-valley-street.csv"), [PoliceUk.Header, .. PoliceUk.Month("2024-01", 40, 1)]);
        await using (var gzip = new GZipStream(File.Create(Path.Combine(folder, "2024-02-thames-valley-street.csv.gz")), CompressionLevel.Optimal))
        await using (var writer = new StreamWriter(gzip))
            await writer.WriteAsync(string.Join("\r\n", [PoliceUk.Header, .. PoliceUk.Month("2024-02", 60, 2)]));
        await File.WriteAllTextAsync(Path.Combine(folder, "readme.txt"), "not data");

        var report = await host.ImportAsync(folder);
        report.Imported.ShouldBe(100);
        report.Notes!.ShouldContain(n => n.Contains("readme.txt"));
    }

    [Fact]
    public async Task Force_records_as_json_lines_keep_times_people_and_grid_references()
    {
        await using var host = await IngestionHost.StartAsync();
        var file = host.File("records.jsonl");
        await File.WriteAllLinesAsync(file,
        [
            """{"reference":"R/1","offence_code":"105A","category":"Violence and sexual offences","occurred_from":"2026-07-04 23:15","latitude":51.4564,"longitude":-0.9728,"location":"Friar Street","people":[{"id":"P-1","role":"suspect"},{"id":"P-2","role":"victim"}]}""",
            """{"reference":"R/2","category":"Robbery","occurred_from":"2026-01-10 02:00","occurred_to":"2026-01-10 02:30","easting":471700,"northing":173300,"people":"P-3:witness"}""",
            """{"reference":"R/3","category":"Robbery","occurred_from":"2026-01-10 02:00","colour":"red"}""",
            """{"reference":"R/4","category":"Robbery",""",
            "",
        ]);
        var report = await host.ImportAsync(file);
        report.Imported.ShouldBe(2);
        report.Problems.Select(p => (p.Line, p.Field)).ShouldBe([(3L, "colour"), (4L, "(row)")]);
        report.Problems[1].Reason.ShouldContain("not a JSON object");

        var points = await host.PointsAsync();
        points.Single(p => p.Category == "Violence and sexual offences").OccurredUtc.ShouldBe(new DateTime(2026, 7, 4, 22, 15, 0, DateTimeKind.Utc));
        points.Single(p => p.Category == "Robbery").X.ShouldBe(471700, 0.01);
        (await host.ImportAsync(file)).Unchanged.ShouldBe(2);
    }

    [Fact]
    public async Task A_header_only_file_imports_nothing_and_says_so()
    {
        await using var host = await IngestionHost.StartAsync();
        var file = host.File("2024-05-thames-valley-street.csv");
        await File.WriteAllTextAsync(file, PoliceUk.Header + "\r\n");
        var report = await host.ImportAsync(file);
        report.Rows.ShouldBe(0);
        report.FailedFiles.ShouldBe(0);
        report.Notes!.ShouldHaveSingleItem().ShouldContain("holds a header but no rows");
    }

    private static async Task Write(ZipArchive archive, string name, IEnumerable<string> lines)
    {
        await using var writer = new StreamWriter(archive.CreateEntry(name).Open());
        await writer.WriteAsync(string.Join("\r\n", lines) + "\r\n");
    }
}
