using System.Globalization;
using System.Text;
using HotSpots.Modules.Dashboard.Contracts;
using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Modules.Tasking.Contracts;
using HotSpots.Platform;
using HotSpots.Platform.Geography;
using HotSpots.Testing;
using Microsoft.Extensions.Time.Testing;
using NetTopologySuite.IO;

namespace HotSpots.Web.Tests;

/// <summary>
/// A daily place-day trial run to its end (the app's clock moved on past it), with crimes recorded in its spots on
/// its days: the impact page counts every place-day in the arm it was randomised to (intention to treat).
/// </summary>
public sealed class TrialImpactTests
{
    [Fact]
    public async Task A_finished_trial_is_analysed_by_intention_to_treat_over_its_place_days()
    {
        using var database = TestDatabase.Create("Sqlite");
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new HotSpotsApp(database, clock: clock);
        var force = app.Service<ForceOptions>();
        var today = force.PoliceDay(clock.GetUtcNow().UtcDateTime);

        TrialView trial;
        IReadOnlyList<TrialPlaceDay> placeDays;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var trials = scope.ServiceProvider.GetRequiredService<ITrials>();
            var draft = await trials.CreateAsync(new TrialRequest("ITT check", TrialDesign.DailyPlaceDays, 0.5, today.AddDays(1), 6, 2, 42, null, TrialPlans.Harm),
                "evaluator@demo.hotspots", CancellationToken.None);
            trial = await trials.SealAsync(draft.Id, "evaluator@demo.hotspots", CancellationToken.None);
            placeDays = await trials.PlaceDaysAsync(trial.Id, CancellationToken.None);
        }
        placeDays.Count.ShouldBe(trial.Spots.Count * 6);
        clock.Advance(TimeSpan.FromDays(8));
        // The page drawn once before the crimes come in, as the start-up warm-up may do at any moment.
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<IDashboardModule>().GetImpactAsync(new ImpactRequest(), TrialSight.Totals, CancellationToken.None);

        // At noon of each place-day (inside its police day), one violent crime in a treatment place-day and three in a control one.
        var projection = app.Service<IMetricProjection>();
        var inside = new Dictionary<long, GeoPoint>();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var hotspots = scope.ServiceProvider.GetRequiredService<IHotspotModule>();
            foreach (var spotId in placeDays.Select(p => p.HotspotId).Distinct())
            {
                var point = new WKBReader().Read((await hotspots.GetHotspotAsync(spotId, CancellationToken.None))!.ProjectedPolygonWkb).InteriorPoint;
                inside[spotId] = projection.Unproject(point.X, point.Y);
            }
        }
        var csv = new StringBuilder("reference,category,occurred_from,latitude,longitude\n");
        var n = 0;
        foreach (var day in placeDays)
            for (var k = 0; k < (day.Arm == TrialArm.Treatment ? 1 : 3); k++)
                csv.Append(CultureInfo.InvariantCulture, $"ITT/{++n},Violence and sexual offences,{day.PoliceDay:yyyy-MM-dd} 12:{k:00},{inside[day.HotspotId].Latitude:0.000000},{inside[day.HotspotId].Longitude:0.000000}\n");
        var file = Path.Combine(database.Folder.Path, "itt.csv");
        await File.WriteAllTextAsync(file, csv.ToString());
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var report = await scope.ServiceProvider.GetRequiredService<IImports>()
                .ImportAsync(new ImportRequest(file, CrimeFileFormat.ForceRecordsCsv, "test"), null, CancellationToken.None);
            report.Imported.ShouldBe(n);
        }
        // The dashboard asks for new crimes at most every few seconds of the app's clock, which stands still here.
        clock.Advance(TimeSpan.FromMinutes(1));

        ImpactReport impact;
        await using (var scope = app.Services.CreateAsyncScope())
            impact = await scope.ServiceProvider.GetRequiredService<IDashboardModule>().GetImpactAsync(new ImpactRequest(), TrialSight.Totals, CancellationToken.None);
        var treatmentDays = placeDays.Count(p => p.Arm == TrialArm.Treatment);
        var controlDays = placeDays.Count - treatmentDays;
        treatmentDays.ShouldBeGreaterThan(0);
        controlDays.ShouldBeGreaterThan(0);
        impact.TrialName.ShouldBe("ITT check");
        // Over, the trial is no longer blinded: its figures by spot are shown to those who do not evaluate too.
        impact.Withheld.ShouldBeNull();
        impact.BySpot.Count.ShouldBe(trial.Spots.Count);
        ComplianceReport compliance;
        await using (var scope = app.Services.CreateAsyncScope())
            compliance = await scope.ServiceProvider.GetRequiredService<IDashboardModule>().GetComplianceAsync(trial.FirstDay, trial.LastDay, TrialSight.Totals, CancellationToken.None);
        compliance.Withheld.ShouldBeNull();
        compliance.Controls.Count.ShouldBe(placeDays.Where(p => p.Arm == TrialArm.Control).Select(p => p.HotspotId).Distinct().Count());
        compliance.ControlTotals.ShouldNotBeNull().PlaceDays.ShouldBe(placeDays.Count(p => p.Arm == TrialArm.Control));
        var itt = impact.TrialItt.ShouldNotBeNull();
        itt.Label.ShouldContain("intention to treat");
        (itt.First, itt.FirstExposure).ShouldBe((treatmentDays, treatmentDays));
        (itt.Second, itt.SecondExposure).ShouldBe((3L * controlDays, controlDays));
        var ratio = itt.Ratio.ShouldNotBeNull();
        ratio.Ratio.ShouldBe(1.0 / 3, 1e-9);
        // exp(ln RR ± z √(1/a + 1/b)) with a and b the two counts and z the normal 97.5 % quantile.
        var half = 1.959963984540054 * Math.Sqrt(1.0 / treatmentDays + 1.0 / (3 * controlDays));
        ratio.Lower.ShouldBe(Math.Exp(Math.Log(1.0 / 3) - half), 1e-9);
        ratio.Upper.ShouldBe(Math.Exp(Math.Log(1.0 / 3) + half), 1e-9);
        itt.Label.ShouldContain("plain Poisson, for comparison only");

        // The primary analysis: within every spot, each treatment place-day had a third of a control one's crime, so the ratio is
        // exactly 1/3 and the robust interval (no spot strays from it) closes on it; no redrawn schedule of the 999 comes as far
        // from 1 as the real one, so p = 1/1000. Harm (one category, one weight) gives the same ratio.
        impact.TrialEffects.Select(e => (e.Analysis, e.Outcome)).ShouldBe(
            [("intention to treat", "serious violence"), ("intention to treat", "harm of serious violence (CCHI days)")]);
        foreach (var effect in impact.TrialEffects)
        {
            effect.Ratio.Ratio.ShouldBe(1.0 / 3, 1e-9);
            effect.Ratio.Lower.ShouldBe(1.0 / 3, 1e-6);
            effect.Ratio.Upper.ShouldBe(1.0 / 3, 1e-6);
            effect.P.ShouldBe(1.0 / 1000);
            (effect.TreatedPlaceDays, effect.ControlPlaceDays).ShouldBe((treatmentDays, controlDays));
        }
        var crimes = impact.TrialEffects[0];
        (crimes.Treated, crimes.Control).ShouldBe((treatmentDays, 3.0 * controlDays));
        crimes.Difference.ShouldBe(1 - 3, 1e-9);
    }
}
