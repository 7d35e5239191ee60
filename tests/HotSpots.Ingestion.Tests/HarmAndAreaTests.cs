using System.Text;
using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Platform;
using HotSpots.Platform.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace HotSpots.Ingestion.Tests;

public sealed class HarmAndAreaTests
{
    [Fact]
    public async Task Harm_comes_from_the_shipped_table_unless_an_analyst_overrides_a_category_or_an_offence_code()
    {
        await using var host = await IngestionHost.StartAsync(settings: new Dictionary<string, string?> { ["Ingestion:HarmOverrides:Drugs"] = "4" });
        var file = host.File("force.csv");
        await File.WriteAllLinesAsync(file,
        [
            "reference,offence_code,category,occurred_from,latitude,longitude",
            "R/1,105A,Violence and sexual offences,2026-02-03 10:00,51.45,-0.97",
            "R/2,008F,Violence and sexual offences,2026-02-03 10:00,51.45,-0.97",
            "R/3,,Robbery,2026-02-03 10:00,51.45,-0.97",
            "R/4,,Drugs,2026-02-03 10:00,51.45,-0.97",
            "R/5,,Fly-tipping,2026-02-03 10:00,51.45,-0.97",
        ]);
        await host.ImportAsync(file);
        async Task<double[]> HarmAsync() => (await host.PointsAsync()).OrderBy(p => p.Id).Select(p => p.Harm).ToArray();
        (await HarmAsync()).ShouldBe([194.21, 194.21, 365, 4, 1]);

        await host.Admin(async m =>
        {
            await m.SetHarmOverridesAsync(new HarmOverrides(new Dictionary<string, double> { ["Robbery"] = 400 }, new Dictionary<string, double> { ["008F"] = 2555 }), "analyst", CancellationToken.None);
            return 0;
        });
        (await HarmAsync()).ShouldBe([194.21, 2555, 400, 4, 1]);
        var view = await host.Admin(m => m.GetHarmTableAsync(CancellationToken.None));
        view.Shipped["Drugs"].ShouldBe(4);
        view.Overrides.OffenceCodes["008F"].ShouldBe(2555);
        await using var scope = host.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<IAuditLog>().SearchAsync(new AuditQuery(Action: "setting.change"), CancellationToken.None))
            .ShouldHaveSingleItem().Subject.ShouldBe("setting Ingestion:HarmOverrides");
        await Should.ThrowAsync<ValidationException>(() => host.Admin(async m =>
        {
            await m.SetHarmOverridesAsync(new HarmOverrides(new Dictionary<string, double> { ["Robbery"] = -1 }, new Dictionary<string, double>()), "analyst", CancellationToken.None);
            return 0;
        }));
    }

    [Fact]
    public async Task Points_outside_a_configured_force_boundary_are_kept_and_flagged()
    {
        await using var host = await IngestionHost.StartAsync();
        var file = host.File("2024-03-thames-valley-street.csv");
        await File.WriteAllLinesAsync(file,
        [
            PoliceUk.Header,
            PoliceUk.Row("in", "2024-03", -0.97, 51.45, "Inside Street", "Robbery"),
            PoliceUk.Row("out", "2024-03", 0.49, 51.56, "Whytewaters", "Robbery"),
            PoliceUk.Row("none", "2024-03", null, null, "", "Robbery"),
        ]);
        (await host.ImportAsync(file)).OutOfArea.ShouldBe(0);

        // A square around Reading as the force area.
        var square = """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"NAME":"Reading"},"geometry":{"type":"Polygon","coordinates":[[[-1.1,51.35],[-0.85,51.35],[-0.85,51.55],[-1.1,51.55],[-1.1,51.35]]]}}]}""";
        await host.Admin(async m => { await m.SetBoundaryAsync(new MemoryStream(Encoding.UTF8.GetBytes(square)), "analyst", CancellationToken.None); return 0; });
        var other = host.File("2024-04-thames-valley-street.csv");
        await File.WriteAllLinesAsync(other, [PoliceUk.Header, PoliceUk.Row("in2", "2024-04", -0.97, 51.45, "Inside Street", "Robbery"), PoliceUk.Row("out2", "2024-04", 0.49, 51.56, "Whytewaters", "Robbery")]);
        var report = await host.ImportAsync(other);
        (report.Imported, report.OutOfArea).ShouldBe((2L, 1L));
        (await host.PointsAsync()).Count.ShouldBe(4);

        await Should.ThrowAsync<ValidationException>(() => host.Admin(async m =>
        {
            await m.SetBoundaryAsync(new MemoryStream(Encoding.UTF8.GetBytes("""{"type":"Point","coordinates":[0,0]}""")), "analyst", CancellationToken.None);
            return 0;
        }));
    }
}
