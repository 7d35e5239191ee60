using System.Globalization;
using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Modules.Patrols.Contracts;
using HotSpots.Modules.Tasking.Contracts;
using HotSpots.Modules.Workforce.Contracts;
using HotSpots.Platform;
using HotSpots.Testing;
using Microsoft.Extensions.Time.Testing;

namespace HotSpots.Web.Tests;

public sealed partial class PresenceAndMyWeekTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_trials_place_day_outcomes_give_the_observed_and_unobserved_minutes_of_the_tasked_patrols(string provider)
    {
        // Ten hours into today's police day, so that today's patrols in the past fall in the trial's first day.
        var force0 = new ForceOptions();
        var clock = new FakeTimeProvider(new DateTimeOffset(force0.PoliceDayStartUtc(force0.PoliceDay(DateTime.UtcNow)).AddHours(10), TimeSpan.Zero));
        using var database = TestDatabase.Create(provider);
        await using var app = new HotSpotsApp(database, clock: clock);
        var force = app.Service<ForceOptions>();
        var now = clock.GetUtcNow().UtcDateTime;
        var today = force.PoliceDay(now);

        TrialView trial;
        IReadOnlyList<TrialPlaceDay> placeDays;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var trials = scope.ServiceProvider.GetRequiredService<ITrials>();
            trial = await trials.CreateAsync(new TrialRequest("Observed", TrialDesign.FixedArms, 0.5, today, 7, 2, 5, null, TrialPlans.Harm), "evaluator@demo.hotspots", CancellationToken.None);
            await trials.SealAsync(trial.Id, "evaluator@demo.hotspots", CancellationToken.None);
            placeDays = await trials.PlaceDaysAsync(trial.Id, CancellationToken.None);
        }
        var snapshot = app.Service<IHotspotSnapshot>().Current;
        var treated = placeDays.Where(p => p.PoliceDay == today && p.Arm == TrialArm.Treatment)
            .Select(p => (p.SpotCode, Spot: snapshot.Find(p.HotspotId)!)).First(p => snapshot.Contains(p.Spot.Id, p.Spot.Centre));
        var officer = (await app.Service<IWorkforce>().ListOfficersAsync(CancellationToken.None)).Single(o => o.DisplayName == "PC Alex Morgan");

        // In the spot 12 minutes, 5 minutes with no position at all (the phone locked), 4 more minutes in the spot.
        await PatrolAsync(app, officer.OfficerId, treated.Spot, now.AddMinutes(-90), [(12, true), (5, false), (4, true)]);

        var evaluator = await SignedInClient.SignInAsync(app, "evaluator@demo.hotspots");
        var csv = (await evaluator.GetStringAsync($"/Trials/Details/{trial.Id}?handler=Outcomes")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = csv[0].Split(',');
        header[^2..].ShouldBe(["observed_minutes", "unobserved_minutes"]);
        var row = csv.Select(l => l.Split(',')).Single(c => c[0] == today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) && c[1] == treated.SpotCode);
        double Column(string name) => double.Parse(row[Array.IndexOf(header, name)], CultureInfo.InvariantCulture);
        // The patrol's own record says how much of it was measured; the place-day carries the same.
        PatrolView patrol;
        await using (var scope = app.Services.CreateAsyncScope())
            patrol = (await scope.ServiceProvider.GetRequiredService<IOfficerPatrols>().ListOwnPatrolsAsync(officer.OfficerId, 10, CancellationToken.None)).Single();
        patrol.UnobservedSeconds.ShouldBe(300, 20);
        Column("unobserved_minutes").ShouldBe(5, 0.2, "the 5 minutes without a position count neither in nor out");
        Column("observed_minutes").ShouldBe(Math.Round(patrol.ObservedSeconds / 60, 1), 0.051);
        Column("observed_minutes").ShouldBeGreaterThanOrEqualTo(16, "12 + 4 minutes in the spot, and the walk away");
        Column("tasked_patrols").ShouldBe(1);
        // Every other place-day of today has neither.
        foreach (var other in csv.Skip(1).Select(l => l.Split(',')).Where(c => c[0] == row[0] && c[1] != treated.SpotCode))
            (other[^2], other[^1]).ShouldBe(("0", "0"));
    }
}
