using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Platform.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace HotSpots.Ingestion.Tests;

/// <summary>The quarantine an analyst works through: fix and re-submit, dismiss, and the same bad line kept once.</summary>
public sealed class QuarantineTests
{
    [Fact]
    public async Task A_fixed_row_is_read_again_with_its_header_and_imported_once()
    {
        await using var host = await IngestionHost.StartAsync();
        var file = host.File("2024-03-thames-valley-street.csv");
        var bad = "dd44,2024-13,X,X,-0.97,51.45,On or near A Street,E1,N,Drugs,,";
        await File.WriteAllLinesAsync(file, [PoliceUk.Header, PoliceUk.Row("a1", "2024-03", -0.97, 51.45, "B Street", "Robbery"), bad]);
        var first = await host.ImportAsync(file);
        first.Quarantined.ShouldBe(1);
        // The same bad line imported again is not quarantined twice.
        (await host.ImportAsync(file)).Quarantined.ShouldBe(1);
        var page = await host.Imports(m => m.ListQuarantineAsync(new QuarantineQuery(), CancellationToken.None));
        var row = page.Rows.ShouldHaveSingleItem();
        (row.File, row.Line, row.Field, row.RawText, row.Header).ShouldBe((file[(host.Folder.Length + 1)..], 3L, "Month", bad, PoliceUk.Header));

        var still = await host.Imports(m => m.ResubmitAsync(row.Id, bad.Replace("2024-13", "2024-31"), "analyst", CancellationToken.None));
        (still.Imported, still.Field).ShouldBe((false, "Month"));
        var fixedRow = await host.Imports(m => m.ResubmitAsync(row.Id, bad.Replace("2024-13", "2024-03"), "analyst", CancellationToken.None));
        fixedRow.Imported.ShouldBeTrue();
        (await host.CountAsync()).ShouldBe(2);
        (await host.Imports(m => m.ListQuarantineAsync(new QuarantineQuery(), CancellationToken.None))).Total.ShouldBe(0);
        var resolved = (await host.Imports(m => m.ListQuarantineAsync(new QuarantineQuery(Status: "resubmitted"), CancellationToken.None))).Rows.Single();
        (resolved.ResolvedBy, resolved.FixedText).ShouldBe(("analyst", bad.Replace("2024-13", "2024-03")));
        await Should.ThrowAsync<InvalidOperationException>(() => host.Imports(m => m.ResubmitAsync(row.Id, bad, "analyst", CancellationToken.None)));
        (await host.Imports(m => m.GetImportAsync(first.ImportId, CancellationToken.None)))!.Resubmitted.ShouldBe(1);

        await using var scope = host.Services.CreateAsyncScope();
        var audit = await scope.ServiceProvider.GetRequiredService<IAuditLog>().SearchAsync(new AuditQuery(Action: "quarantine."), CancellationToken.None);
        audit.ShouldHaveSingleItem().Action.ShouldBe("quarantine.resubmit");
    }

    [Fact]
    public async Task A_fixed_force_record_and_a_dismissed_one()
    {
        await using var host = await IngestionHost.StartAsync();
        var file = host.File("force.csv");
        await File.WriteAllLinesAsync(file,
        [
            "reference,category,occurred_from,latitude,longitude,people",
            "R/1,Robbery,2026-02-30 10:00,51.45,-0.97,P-1:suspect",
            "R/2,Robbery,2026-02-03 10:00,51.45,-0.97,P-2:bystander",
        ]);
        await host.ImportAsync(file);
        var rows = (await host.Imports(m => m.ListQuarantineAsync(new QuarantineQuery(), CancellationToken.None))).Rows;
        rows.Select(r => r.Field).ShouldBe(["occurred_from", "people"]);
        (await host.Imports(m => m.ResubmitAsync(rows[0].Id, "R/1,Robbery,2026-02-28 10:00,51.45,-0.97,P-1:suspect", "analyst", CancellationToken.None))).Imported.ShouldBeTrue();
        await host.Imports(async m => { await m.DismissAsync(rows[1].Id, "analyst", "not a crime", CancellationToken.None); return 0; });
        (await host.Imports(m => m.ListQuarantineAsync(new QuarantineQuery(Status: null), CancellationToken.None))).Rows.Select(r => r.Status)
            .ShouldBe(["resubmitted", "dismissed"]);
        (await host.PointsAsync()).Single().OccurredUtc.ShouldBe(new DateTime(2026, 2, 28, 10, 0, 0, DateTimeKind.Utc));
    }
}
