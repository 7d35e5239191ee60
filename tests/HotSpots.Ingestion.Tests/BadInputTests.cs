using System.IO.Compression;
using System.Text;
using HotSpots.Modules.Ingestion.Contracts;

namespace HotSpots.Ingestion.Tests;

/// <summary>Bad files and bad rows: a clear message with file, line, field and reason, no crash, and the good rows kept.</summary>
public sealed class BadInputTests : IAsyncLifetime
{
    private IngestionHost _host = null!;
    private static readonly string Good1 = PoliceUk.Row("a1", "2024-03", -0.971, 51.455, "Broad Street", "Robbery");
    private static readonly string Good2 = PoliceUk.Row("b2", "2024-03", -0.975, 51.456, "Station Road", "Burglary");

    public async Task InitializeAsync() => _host = await IngestionHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task An_empty_file_is_reported_and_nothing_else_fails()
    {
        var file = _host.File("empty.csv");
        await File.WriteAllBytesAsync(file, []);
        var report = await _host.ImportAsync(file);
        report.FailedFiles.ShouldBe(1);
        report.Problems.ShouldHaveSingleItem().Reason.ShouldContain("empty.csv (0 bytes): the file is empty");
    }

    [Fact]
    public async Task A_header_without_a_required_column_names_the_column_and_quotes_nothing_of_the_file()
    {
        var file = _host.File("wrong.csv");
        await File.WriteAllLinesAsync(file, ["Crime ID,Month,Longitude,Latitude,Location,Offence", "a,2024-03,-0.97,51.45,Here,Robbery"]);
        var report = await _host.ImportAsync(file, CrimeFileFormat.PoliceUkStreet);
        var problem = report.Problems.ShouldHaveSingleItem();
        problem.Reason.ShouldContain("line 1 (header) has no column 'Crime type'");
        problem.Reason.ShouldNotContain("Offence");
    }

    [Fact]
    public async Task A_line_that_is_not_utf8_is_quarantined_and_the_rest_imported()
    {
        var file = _host.File("latin1.csv");
        var latin1 = Encoding.Latin1.GetBytes(PoliceUk.Row("c3", "2024-03", -0.97, 51.45, "Caf\u00e9 Square", "Drugs") + "\n");
        await File.WriteAllBytesAsync(file, [.. Encoding.UTF8.GetBytes($"{PoliceUk.Header}\n{Good1}\n"), .. latin1, .. Encoding.UTF8.GetBytes(Good2 + "\n")]);
        var report = await _host.ImportAsync(file);
        report.Imported.ShouldBe(2);
        var problem = report.Problems.ShouldHaveSingleItem();
        (problem.Line, problem.Field).ShouldBe((3L, "(row)"));
        problem.Reason.ShouldContain("is not UTF-8 text (byte 0xE9");
        var quarantined = (await _host.Imports(m => m.ListQuarantineAsync(new QuarantineQuery(report.ImportId), CancellationToken.None))).Rows.Single();
        quarantined.RawText.ShouldContain("Café Square");
    }

    [Fact]
    public async Task A_utf16_file_is_refused_with_the_reason()
    {
        var file = _host.File("utf16.csv");
        await File.WriteAllBytesAsync(file, [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes($"{PoliceUk.Header}\n{Good1}\n")]);
        var report = await _host.ImportAsync(file);
        report.FailedFiles.ShouldBe(1);
        report.Problems.Single().Reason.ShouldContain("UTF-16");
    }

    [Fact]
    public async Task A_damaged_gzip_keeps_the_rows_before_the_damage_and_says_where_it_stopped()
    {
        var rows = PoliceUk.Month("2024-03", 5000, 7);
        var bytes = Gzip(string.Join("\n", [PoliceUk.Header, .. rows]));
        for (var i = bytes.Length / 2; i < bytes.Length / 2 + 64; i++) bytes[i] ^= 0x5A;
        var file = _host.File("damaged.csv.gz");
        await File.WriteAllBytesAsync(file, bytes);

        var report = await _host.ImportAsync(file);
        report.FailedFiles.ShouldBe(1);
        var problem = report.Problems.Single(p => p.Field == "(file)");
        problem.Reason.ShouldContain("could not be read after line");
        report.Imported.ShouldBeGreaterThan(100);
        report.Imported.ShouldBeLessThan(5000);
        (await _host.CountAsync()).ShouldBe(report.Imported);
    }

    [Fact]
    public async Task A_truncated_gzip_is_reported_not_taken_as_a_short_file()
    {
        var bytes = Gzip(string.Join("\n", [PoliceUk.Header, .. PoliceUk.Month("2024-03", 5000, 8)]));
        var file = _host.File("truncated.csv.gz");
        await File.WriteAllBytesAsync(file, bytes[..(bytes.Length * 2 / 3)]);
        var report = await _host.ImportAsync(file);
        report.FailedFiles.ShouldBe(1);
        report.Problems.Single(p => p.Field == "(file)").Reason.ShouldContain("truncated.csv.gz");
        report.Imported.ShouldBeGreaterThan(100);
    }

    [Fact]
    public async Task A_huge_line_is_quarantined_with_its_length_and_the_lines_after_it_are_read()
    {
        var file = _host.File("huge.csv");
        await File.WriteAllTextAsync(file, $"{PoliceUk.Header}\n{Good1}\n{new string('x', 3 << 20)},2024-03\n{Good2}\n");
        var report = await _host.ImportAsync(file);
        report.Imported.ShouldBe(2);
        var problem = report.Problems.ShouldHaveSingleItem();
        (problem.Line, problem.Field).ShouldBe((3L, "(row)"));
        problem.Reason.ShouldContain("is 3,145,736 bytes long, over the limit");
    }

    [Theory]
    [InlineData("a1,2024-03,X,X,-0.97,95.5,On or near A,E1,N,Drugs,,", "Latitude", "95.5 is outside -90..90")]
    [InlineData("a1,2024-03,X,X,200,51.45,On or near A,E1,N,Drugs,,", "Longitude", "200 is outside -180..180")]
    [InlineData("a1,2024-03,X,X,-0.97,1e400,On or near A,E1,N,Drugs,,", "Latitude", "'1e400' is not a number")]
    [InlineData("a1,2024-03,X,X,-0.97,,On or near A,E1,N,Drugs,,", "Latitude", "is empty while the longitude is given")]
    [InlineData("a1,2024-13,X,X,-0.97,51.45,On or near A,E1,N,Drugs,,", "Month", "'2024-13' is not a month (yyyy-MM)")]
    [InlineData("a1,March,X,X,-0.97,51.45,On or near A,E1,N,Drugs,,", "Month", "'March' is not a month")]
    [InlineData("a1,2024-03,X,X,-0.97,51.45,\"=HYPERLINK(\"\"http://x.example\"\",\"\"click\"\")\",E1,N,Drugs,,", "Location", "looks like a spreadsheet formula")]
    [InlineData("+cmd|' /C calc'!A0,2024-03,X,X,-0.97,51.45,On or near A,E1,N,Drugs,,", "Crime ID", "starts with '+'")]
    [InlineData("a1,2024-03,X,X,-0.97,51.45,On or near A,E1,N,Drugs,@SUM(1+1),", "Last outcome category", "starts with '@'")]
    [InlineData("a1,2024-03,X,X,-0.97,51.45,\"On or near A,E1,N,Drugs,,", "(row)", "has a quote (\") that is never closed")]
    [InlineData("a1,2024-03,X,X,-0.97,51.45,On or near A, B,E1,N,Drugs,,", "(row)", "has 13 fields, the header has 12")]
    [InlineData("a1,2024-03,X,X,-0.97,51.45,On or near A,E1,N,,,", "Crime type", "is empty")]
    public async Task A_bad_row_is_quarantined_with_its_field_and_reason_between_good_rows(string bad, string field, string reason)
    {
        var file = _host.File("rows.csv");
        await File.WriteAllLinesAsync(file, [PoliceUk.Header, Good1, bad, Good2]);
        var report = await _host.ImportAsync(file);
        report.Imported.ShouldBe(2);
        var problem = report.Problems.ShouldHaveSingleItem();
        (problem.File, problem.Line, problem.Field).ShouldBe(("rows.csv", 3L, field));
        problem.Reason.ShouldContain(reason);
    }

    [Theory]
    [InlineData("R/2,105A,Violence and sexual offences,31/02/2024 10:00,,51.45,-0.97,,,A,", "occurred_from", "'31/02/2024 10:00' is not a date and time")]
    [InlineData("R/2,105A,Violence and sexual offences,2024-02-30 10:00,,51.45,-0.97,,,A,", "occurred_from", "is not a date and time")]
    [InlineData("R/2,105A,Violence and sexual offences,2024-02-03 10:00,,,,999999999,173300,A,", "easting", "is not an easting in metres")]
    [InlineData("R/2,105A,Violence and sexual offences,2024-02-03 10:00,,,,471700,,A,", "northing", "is empty while the easting is given")]
    [InlineData("R/2,=1+2,Violence and sexual offences,2024-02-03 10:00,,51.45,-0.97,,,A,", "offence_code", "looks like a spreadsheet formula")]
    [InlineData("R/2,105A,Violence and sexual offences,2024-02-03 10:00,,51.45,-0.97,,,A,P-1:bystander", "people", "is not 'person-id:role'")]
    public async Task A_bad_force_record_is_quarantined_with_its_field(string bad, string field, string reason)
    {
        var file = _host.File("force.csv");
        await File.WriteAllLinesAsync(file,
        [
            "reference,offence_code,category,occurred_from,occurred_to,latitude,longitude,easting,northing,location,people",
            "R/1,105A,Violence and sexual offences,2024-02-03 10:00,,51.45,-0.97,,,A,P-1:suspect", bad,
            "R/3,034B,Robbery,2024-02-03 11:00,,,,471700,173300,B,",
        ]);
        var report = await _host.ImportAsync(file);
        report.Imported.ShouldBe(2);
        var problem = report.Problems.ShouldHaveSingleItem();
        (problem.Line, problem.Field).ShouldBe((3L, field));
        problem.Reason.ShouldContain(reason);
    }

    private static byte[] Gzip(string text)
    {
        using var memory = new MemoryStream();
        using (var gzip = new GZipStream(memory, CompressionLevel.Optimal)) gzip.Write(Encoding.UTF8.GetBytes(text));
        return memory.ToArray();
    }
}
