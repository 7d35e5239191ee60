using System.Net;
using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Platform;
using HotSpots.Platform.Audit;
using HotSpots.Testing;
using Microsoft.Extensions.Time.Testing;

namespace HotSpots.Web.Tests.Security;

public sealed class AuditAndRetentionTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task People_links_are_audited_when_collected_and_erased_after_their_retention(string provider)
    {
        using var database = TestDatabase.Create(provider);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new HotSpotsApp(database, clock: clock);
        await using var scope = app.Services.CreateAsyncScope();
        var ingestion = scope.ServiceProvider.GetRequiredService<IIngestionAdministration>();
        var crimesHeld = scope.ServiceProvider.GetRequiredService<IIngestedData>();
        var audit = scope.ServiceProvider.GetRequiredService<IAuditLog>();

        // The demo seed imported force records with linked people: the collection is in the log, with who and how many.
        var collected = (await audit.SearchAsync(new AuditQuery(Action: "people-links.collect"), CancellationToken.None)).ShouldHaveSingleItem();
        collected.Actor.ShouldBe("demo seed");
        collected.Why.ShouldBe("crime records import");
        collected.Details!.ShouldMatch(@"^\d+ links to \d+ pseudonymised people$");

        // Defaults keep everything the demo holds (a year of crimes, two years of links).
        var nothing = await ingestion.PurgeExpiredAsync(CancellationToken.None);
        (nothing.PeopleLinks + nothing.Imports + nothing.QuarantinedRows).ShouldBe(0);
        (await audit.SearchAsync(new AuditQuery(Action: "people-links.purge"), CancellationToken.None)).ShouldBeEmpty();

        // Shortened to 90 days: links of older crimes go, the crimes stay; a second run finds nothing more.
        var crimes = await crimesHeld.CountCrimesAsync(CancellationToken.None);
        await ingestion.SetRetentionAsync(new IngestionRetention(90, 365, 31), "admin@demo.hotspots", CancellationToken.None);
        var purge = await ingestion.PurgeExpiredAsync(CancellationToken.None);
        purge.PeopleLinks.ShouldBeGreaterThan(0);
        (await ingestion.PurgeExpiredAsync(CancellationToken.None)).PeopleLinks.ShouldBe(0);
        (await crimesHeld.CountCrimesAsync(CancellationToken.None)).ShouldBe(crimes);
        var erased = (await audit.SearchAsync(new AuditQuery(Action: "people-links.purge"), CancellationToken.None)).ShouldHaveSingleItem();
        erased.Actor.ShouldBe("system");
        erased.Subject.ShouldBe($"{purge.PeopleLinks} people links");
        erased.Why!.ShouldContain("90 days");
        (await audit.SearchAsync(new AuditQuery(Action: "setting.change", Subject: "Ingestion.PeopleLinkDays"), CancellationToken.None))
            .ShouldHaveSingleItem().Actor.ShouldBe("admin@demo.hotspots");

        // A year and a bit later the demo seed's import history goes too.
        clock.Advance(TimeSpan.FromDays(400));
        var later = await ingestion.PurgeExpiredAsync(CancellationToken.None);
        later.Imports.ShouldBeGreaterThanOrEqualTo(1);
        (await scope.ServiceProvider.GetRequiredService<IImports>().ListImportsAsync(100, CancellationToken.None)).ShouldBeEmpty();
        (await audit.SearchAsync(new AuditQuery(Action: "imports.purge"), CancellationToken.None)).ShouldHaveSingleItem();
        await Should.ThrowAsync<ValidationException>(() => ingestion.SetRetentionAsync(new IngestionRetention(0, 365, 31), "admin@demo.hotspots", CancellationToken.None));
    }

    [Fact]
    public async Task Admin_searches_the_audit_log_and_exports_it_as_formula_safe_csv_which_is_itself_audited()
    {
        using var database = TestDatabase.Create("Sqlite");
        await using var app = new HotSpotsApp(database);
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<IAuditLog>().RecordAsync(
                new AuditEntry("=HYPERLINK(\"http://evil\")", "person.view", "person P-1", "@SUM(1)", "-1+2"), CancellationToken.None);
        var admin = await SignedInClient.SignInAsync(app, "admin@demo.hotspots");

        var page = await admin.GetStringAsync("/Admin/Audit?Verb=person.view");
        page.ShouldContain("person P-1");
        page.ShouldNotContain("people-links.collect");

        var export = await admin.GetAsync("/Admin/Audit?handler=Export&Verb=person.view");
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        export.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var lines = (await export.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("id,at_utc,actor,action,subject,why,details");
        lines.Length.ShouldBe(2);
        lines[1].ShouldEndWith(",\"'=HYPERLINK(\"\"http://evil\"\")\",person.view,person P-1,'@SUM(1),'-1+2");

        var exported = (await app.Service<IAuditLog>().SearchAsync(new AuditQuery(Action: "audit.export"), CancellationToken.None)).ShouldHaveSingleItem();
        exported.Actor.ShouldBe("admin@demo.hotspots");
        exported.Details!.ShouldStartWith("1 entries");

        var manager = await SignedInClient.SignInAsync(app, "manager@demo.hotspots");
        (await manager.GetAsync("/Admin/Audit?handler=Export")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Admin_changes_the_retention_periods_on_the_retention_page()
    {
        using var database = TestDatabase.Create("Sqlite");
        await using var app = new HotSpotsApp(database);
        var admin = await SignedInClient.SignInAsync(app, "admin@demo.hotspots");
        var page = await admin.GetStringAsync("/Admin/Retention");
        var saved = await admin.PostAsync("/Admin/Retention", SignedInClient.Form(page, ("PingDays", "14"), ("PeopleLinkDays", "400"), ("ImportHistoryDays", "200"), ("UnitPositionDays", "20")));
        (await saved.Content.ReadAsStringAsync()).ShouldContain("Saved.");
        await using var scope = app.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<IIngestionAdministration>().GetRetentionAsync(CancellationToken.None)).ShouldBe(new IngestionRetention(400, 200, 20));
        (await scope.ServiceProvider.GetRequiredService<HotSpots.Modules.Patrols.Contracts.IPatrolPolicySettings>().GetPolicyAsync(CancellationToken.None)).PingRetentionDays.ShouldBe(14);
        var refused = await admin.PostAsync("/Admin/Retention", SignedInClient.Form(page, ("PingDays", "0"), ("PeopleLinkDays", "400"), ("ImportHistoryDays", "200")));
        (await refused.Content.ReadAsStringAsync()).ShouldContain("at least 1");
    }
}
