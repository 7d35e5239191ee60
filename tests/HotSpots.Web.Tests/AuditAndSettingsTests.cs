using HotSpots.Platform.Audit;
using HotSpots.Platform.Settings;
using HotSpots.Testing;

namespace HotSpots.Web.Tests;

public sealed class AuditAndSettingsTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_changed_setting_is_read_back_and_its_change_is_audited(string provider)
    {
        using var database = TestDatabase.Create(provider);
        await using var app = new HotSpotsApp(database);
        await using var scope = app.Services.CreateAsyncScope();
        var settings = scope.ServiceProvider.GetRequiredService<ISettingsStore>();
        var audit = scope.ServiceProvider.GetRequiredService<IAuditLog>();

        (await settings.GetAsync("Dose:MinutesPerVisit", 15, CancellationToken.None)).ShouldBe(15);
        await settings.SetAsync("Dose:MinutesPerVisit", 12, "analyst@demo.hotspots", CancellationToken.None);
        (await settings.GetAsync("Dose:MinutesPerVisit", 15, CancellationToken.None)).ShouldBe(12);

        var entries = await audit.SearchAsync(new AuditQuery(Action: "setting.change", Subject: "setting Dose:MinutesPerVisit"), CancellationToken.None);
        var entry = entries.ShouldHaveSingleItem();
        entry.Actor.ShouldBe("analyst@demo.hotspots");
        entry.Subject.ShouldBe("setting Dose:MinutesPerVisit");
        entry.Details.ShouldBe("from (default) to 12");
    }
}
