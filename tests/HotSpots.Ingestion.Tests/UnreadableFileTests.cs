using System.IO.Compression;
using System.Text;
using HotSpots.Modules.Ingestion.Contracts;

namespace HotSpots.Ingestion.Tests;

/// <summary>
/// A file that cannot be read is reported by its name and size, never by what it holds (it may be anything: a file of
/// secrets dropped in the watched folder); and a file that yields no record in N MB is given up, not read to its end.
/// </summary>
public sealed class UnreadableFileTests
{
    private const string Secret = "db_password=hunter2";

    [Theory]
    [InlineData("app-secrets.csv", Secret + "\nother_secret=swordfish\n", CrimeFileFormat.Auto)]
    [InlineData("app-secrets.csv", "Crime ID,Month," + Secret + "\n", CrimeFileFormat.PoliceUkStreet)]
    [InlineData("app-secrets.csv", "reference," + Secret + "\n", CrimeFileFormat.Auto)]
    [InlineData("app-secrets.csv", "Crime ID,Month,\"" + Secret + "\n", CrimeFileFormat.Auto)]
    [InlineData("app-secrets.csv", "Crime ID,\u00e9" + Secret + "\n", CrimeFileFormat.Auto)]
    public async Task A_file_that_cannot_be_read_is_named_with_its_size_and_nothing_it_holds_is_quoted(string name, string content, CrimeFileFormat format)
    {
        await using var host = await IngestionHost.StartAsync();
        var file = host.File(name);
        // The last case is Latin-1, not UTF-8: its header is not text HotSpots can read.
        var bytes = content.Contains('\u00e9') ? Encoding.Latin1.GetBytes(content) : Encoding.UTF8.GetBytes(content);
        await File.WriteAllBytesAsync(file, bytes);

        var report = await host.ImportAsync(file, format);

        report.FailedFiles.ShouldBe(1);
        var reason = report.Problems.ShouldHaveSingleItem().Reason;
        reason.ShouldStartWith($"{name} ({bytes.Length} bytes): ");
        reason.ShouldNotContain("db_password");
        reason.ShouldNotContain("hunter2");
        reason.ShouldNotContain("swordfish");
        reason.ShouldNotContain("0xE9");
    }

    [Fact]
    public async Task An_upload_is_named_by_the_name_it_was_sent_with_not_the_name_it_is_kept_under()
    {
        await using var host = await IngestionHost.StartAsync();
        var kept = host.File("20261207-101500-0123456789abcdef0123456789abcdef-my-export.csv");
        await File.WriteAllTextAsync(kept, Secret + "\n");

        var report = await host.Imports(m => m.ImportAsync(
            new ImportRequest(kept, CrimeFileFormat.Auto, "analyst", DisplayName: "my export.csv"), null, CancellationToken.None));

        var reason = report.Problems.ShouldHaveSingleItem().Reason;
        reason.ShouldStartWith("my export.csv (20 bytes): ");
        reason.ShouldNotContain("0123456789abcdef");
        reason.ShouldNotContain(host.Folder);
    }

    [Fact]
    public async Task A_file_that_yields_no_record_in_its_first_N_megabytes_is_failed_with_a_reason_naming_it_and_N()
    {
        await using var host = await IngestionHost.StartAsync(settings: new Dictionary<string, string?> { ["Ingestion:NoProgressMegabytes"] = "1" });
        // A header, 24 MB of blank lines (a few kilobytes compressed), then a good row that is never reached.
        var folder = Directory.CreateDirectory(host.File("drop")).FullName;
        var file = Path.Combine(folder, "blank.csv.gz");
        await using (var gzip = new GZipStream(File.Create(file), CompressionLevel.SmallestSize))
        {
            gzip.Write(Encoding.UTF8.GetBytes(PoliceUk.Header + "\n"));
            var blank = new byte[1 << 20];
            Array.Fill(blank, (byte)'\n');
            for (var i = 0; i < 24; i++) gzip.Write(blank);
            gzip.Write(Encoding.UTF8.GetBytes(PoliceUk.Row("a1", "2024-03", -0.971, 51.455, "Broad Street", "Robbery") + "\n"));
        }
        var good = Path.Combine(folder, "good.csv");
        await File.WriteAllLinesAsync(good, [PoliceUk.Header, .. PoliceUk.Month("2024-03", 10, 5)]);

        var report = await host.ImportAsync(folder);

        report.FailedFiles.ShouldBe(1);
        var problem = report.Problems.ShouldHaveSingleItem();
        problem.Field.ShouldBe("(file)");
        problem.Reason.ShouldStartWith($"blank.csv.gz ({new FileInfo(file).Length:N0} bytes): ");
        problem.Reason.ShouldContain("no record in 1 MB");
        problem.Reason.ShouldContain("Ingestion:NoProgressMegabytes");
        report.Imported.ShouldBe(10);
    }

    [Fact]
    public async Task Records_spread_through_a_file_keep_it_going_past_N_megabytes()
    {
        await using var host = await IngestionHost.StartAsync(settings: new Dictionary<string, string?> { ["Ingestion:NoProgressMegabytes"] = "1" });
        var file = host.File("spread.csv");
        var rows = PoliceUk.Month("2024-03", 3, 9);
        var padding = new string('\n', 600_000);
        await File.WriteAllTextAsync(file, $"{PoliceUk.Header}\n{rows[0]}\n{padding}{rows[1]}\n{padding}{rows[2]}\n");

        var report = await host.ImportAsync(file);

        report.FailedFiles.ShouldBe(0);
        report.Imported.ShouldBe(3);
    }
}
