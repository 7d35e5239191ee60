using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Modules.Ingestion.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HotSpots.Ingestion.Tests;

/// <summary>
/// A quoted field may hold line breaks (RFC 4180): the record is imported whole, and a row is reported by the line it
/// starts on in the file, so the rows after a record of several lines keep their own line numbers.
/// The fixture (CRLF, as data.police.uk writes) holds, by line: 2 a plain row; 3–4 a location holding a comma and a
/// line break; 5–7 an outcome holding a blank line and an escaped quote; 8 a bad latitude; 9 a quote never closed;
/// 10 a plain row.
/// </summary>
public sealed class QuotedLineBreakTests
{
    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "quoted-line-breaks.csv");

    [Fact]
    public async Task A_quoted_field_holding_line_breaks_imports_whole_and_later_errors_name_their_own_lines()
    {
        await using var host = await IngestionHost.StartAsync();
        var file = host.File("quoted-line-breaks.csv");
        File.Copy(Fixture, file);

        var report = await host.ImportAsync(file);

        report.FailedFiles.ShouldBe(0);
        report.Imported.ShouldBe(4);
        report.Quarantined.ShouldBe(2);
        report.Problems.Select(p => (p.Line, p.Field)).OrderBy(p => p.Line).ShouldBe([(8L, "Latitude"), (9L, "(row)")]);
        report.Problems.Single(p => p.Line == 9).Reason.ShouldContain("never closed");

        await using var scope = host.Services.CreateAsyncScope();
        var crimes = await scope.ServiceProvider.GetRequiredService<IngestionDbContext>().Crimes
            .ToDictionaryAsync(c => c.Reference!, c => (c.Location, c.Outcome, c.Category));
        crimes.Keys.Order().ShouldBe(["q1", "q2", "q3", "q6"]);
        // Line breaks inside a field are kept as LF, whether the file has CRLF (as here) or LF.
        crimes["q2"].ShouldBe(("On or near Flat 2,\nHigh Street", "Under investigation", "Burglary"));
        crimes["q3"].ShouldBe(("On or near Oxford Road", "Under investigation\n\n(see \"notes\")", "Drugs"));
        crimes["q6"].Location.ShouldBe("On or near Castle Hill");

        // The quarantined row keeps its own text: one line, not the line after it.
        var quarantined = (await host.Imports(m => m.ListQuarantineAsync(new QuarantineQuery(report.ImportId), CancellationToken.None))).Rows;
        quarantined.Single(q => q.Line == 9).RawText.ShouldStartWith("q5,");
        quarantined.Single(q => q.Line == 9).RawText.ShouldNotContain("q6");
    }

    [Fact]
    public async Task The_same_file_with_LF_line_endings_gives_the_same_rows_and_lines()
    {
        await using var host = await IngestionHost.StartAsync();
        var file = host.File("lf.csv");
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(Fixture)).Replace("\r\n", "\n"));

        var report = await host.ImportAsync(file);

        report.Imported.ShouldBe(4);
        report.Problems.Select(p => p.Line).Order().ShouldBe([8L, 9L]);
        await using var scope = host.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<IngestionDbContext>().Crimes.SingleAsync(c => c.Reference == "q2"))
            .Location.ShouldBe("On or near Flat 2,\nHigh Street");
    }
}
