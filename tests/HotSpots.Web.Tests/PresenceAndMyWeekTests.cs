using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using HotSpots.Modules.Dashboard.Contracts;
using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Modules.Patrols.Contracts;
using HotSpots.Modules.Patrols.Contracts.Demo;
using HotSpots.Modules.Patrols.Data;
using HotSpots.Modules.Tasking.Contracts;
using HotSpots.Modules.Workforce.Contracts;
using HotSpots.Platform;
using HotSpots.Platform.Geography;
using HotSpots.Testing;
using HotSpots.Web.Accounts;
using Microsoft.Extensions.Time.Testing;
using OpenIddict.Abstractions;

namespace HotSpots.Web.Tests;

/// <summary>
/// Issue 19, items 2 and 7, end to end on both providers: presence per spot and police day (location feed, tasked
/// patrols, their overlap) on a trial's page, in its CSV and in the OData feed, from a synthetic feed and patrols with
/// known presence in both arms; and an officer's own week from patrols with known minutes, one with an unobserved stretch.
/// </summary>
public sealed partial class PresenceAndMyWeekTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Presence_per_spot_and_day_is_the_known_presence_on_the_trials_page_its_csv_and_the_feed_with_every_row_paged(string provider)
    {
        using var database = TestDatabase.Create(provider);
        await using var app = new HotSpotsApp(database, new Dictionary<string, string?> { ["Api:AllowHttp"] = "true" });
        var force = app.Service<ForceOptions>();
        var today = force.PoliceDay(DateTime.UtcNow);
        TrialView trial;
        IReadOnlyList<TrialPlaceDay> placeDays;
        string secret;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var trials = scope.ServiceProvider.GetRequiredService<ITrials>();
            trial = await trials.CreateAsync(new TrialRequest("Presence", TrialDesign.FixedArms, 0.5, today, 7, 2, 11, null, TrialPlans.Harm), "evaluator@demo.hotspots", CancellationToken.None);
            await trials.SealAsync(trial.Id, "evaluator@demo.hotspots", CancellationToken.None);
            trial = (await trials.GetAsync(trial.Id, CancellationToken.None))!;
            placeDays = await trials.PlaceDaysAsync(trial.Id, CancellationToken.None);
            secret = await MachineClients.CreateAsync(scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>(), "powerbi", [MachineClients.FeedScope], false, CancellationToken.None);
        }
        var todays = placeDays.Where(p => p.PoliceDay == today).ToList();
        var treated = todays.First(p => p.Arm == TrialArm.Treatment);
        var control = todays.First(p => p.Arm == TrialArm.Control);
        var dayStart = force.PoliceDayStartUtc(today);
        DateTime At(int minutes) => DateTime.SpecifyKind(dayStart.AddMinutes(minutes), DateTimeKind.Utc);

        // Known presence today: in the treatment spot two feed units (50 officer-minutes, there 60–100) and a tasked patrol
        // (85–105: 20 minutes, 15 of them with a unit there); in the control spot a unit for 30 minutes and no patrol.
        // Before the trial, every published spot had a 5-minute feed visit on each of 60 days: 1,200 spot-days, so the
        // feed's set needs two pages.
        var spots = app.Service<IHotspotSnapshot>().Current.Spots;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PatrolsDbContext>();
            Visit Feed(long spot, string unit, DateTime from, DateTime to) => new()
            {
                Source = (int)PresenceSource.LocationFeed, SubjectId = unit, HotspotId = spot, EnteredUtc = from, ExitedUtc = to, Seconds = (to - from).TotalSeconds,
            };
            db.Visits.AddRange(Feed(treated.HotspotId, "TV-1", At(60), At(90)), Feed(treated.HotspotId, "TV-2", At(80), At(100)), Feed(control.HotspotId, "TV-3", At(120), At(150)));
            db.Visits.Add(new Visit
            {
                Source = (int)PresenceSource.Patrols, SubjectId = "officer-x", HotspotId = treated.HotspotId, EnteredUtc = At(85), ExitedUtc = At(105), Seconds = 1200,
            });
            for (var d = 1; d <= 60; d++)
                foreach (var spot in spots)
                    db.Visits.Add(Feed(spot.Id, "TV-9", At(-d * 1440 + 600), At(-d * 1440 + 605)));
            await db.SaveChangesAsync();
        }

        // The trial's page: by arm, today's place-days.
        var evaluator = await SignedInClient.SignInAsync(app, "evaluator@demo.hotspots");
        var page = await evaluator.GetStringAsync($"/Trials/Details/{trial.Id}");
        var table = page[page.IndexOf("id=\"trial-presence\"", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("</table>", StringComparison.Ordinal)];
        var treatmentCount = todays.Count(p => p.Arm == TrialArm.Treatment);
        var controlCount = todays.Count - treatmentCount;
        var cells = Regex.Replace(table, @"\s+", "");
        cells.ShouldContain($"<tr><td>Treatment</td><td>{treatmentCount}</td><td>50</td><td>20</td><td>15</td></tr>", customMessage: cells);
        cells.ShouldContain($"<tr><td>Control</td><td>{controlCount}</td><td>30</td><td>0</td><td>0</td></tr>", customMessage: cells);

        // Its CSV: one line per place-day so far, with the spot's trial code and arm.
        var csv = await evaluator.GetStringAsync($"/Trials/Details/{trial.Id}?handler=Presence");
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("police_day,spot,arm,feed_officer_minutes,tasked_officer_minutes,overlap_minutes");
        lines.Length.ShouldBe(1 + todays.Count);
        var d0 = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        lines.ShouldContain($"{d0},{treated.SpotCode},treatment,50,20,15");
        lines.ShouldContain($"{d0},{control.SpotCode},control,30,0,0");
        lines.Count(l => l.EndsWith(",0,0,0", StringComparison.Ordinal)).ShouldBe(todays.Count - 2);
        await using (var scope = app.Services.CreateAsyncScope())
            (await scope.ServiceProvider.GetRequiredService<Platform.Audit.IAuditLog>().SearchAsync(new Platform.Audit.AuditQuery(Action: "trial.export"), CancellationToken.None))
                .ShouldContain(a => a.Details != null && a.Details.Contains("presence per spot and police day"));
        var manager = await SignedInClient.SignInAsync(app, "manager@demo.hotspots");
        (await manager.GetAsync($"/Trials/Details/{trial.Id}?handler=Presence")).StatusCode.ShouldNotBe(HttpStatusCode.OK);

        // While the trial runs, the compliance page gives presence by arm only, never by spot.
        var analyst = await SignedInClient.SignInAsync(app, "analyst@demo.hotspots");
        var compliance = await analyst.GetStringAsync("/Dashboard/Compliance");
        compliance.ShouldContain("id=\"presence-by-arm\"");
        compliance.ShouldNotContain("id=\"presence-by-spot\"");

        // The feed: the same figures; no arm while the trial runs (the feed sees arms in totals only); every row once, in pages.
        var feed = app.CreateClient(new() { AllowAutoRedirect = false });
        feed.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"powerbi:{secret}")));
        async Task<JsonElement> Get(string url)
        {
            var response = await feed.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        }
        var t = (await Get($"/odata/Presence?$filter=HotspotId eq {treated.HotspotId} and PoliceDayStart ge {dayStart:yyyy-MM-ddTHH:mm:ssZ}")).GetProperty("value").EnumerateArray().Single();
        (t.GetProperty("FeedMinutes").GetDouble(), t.GetProperty("TaskedMinutes").GetDouble(), t.GetProperty("OverlapMinutes").GetDouble()).ShouldBe((50.0, 20.0, 15.0));
        t.GetProperty("Arm").ValueKind.ShouldBe(JsonValueKind.Null);
        DateTimeOffset.Parse(t.GetProperty("PoliceDayStart").GetString()!, CultureInfo.InvariantCulture).UtcDateTime.ShouldBe(dayStart);
        var c = (await Get($"/odata/Presence?$filter=HotspotId eq {control.HotspotId} and PoliceDayStart ge {dayStart:yyyy-MM-ddTHH:mm:ssZ}")).GetProperty("value").EnumerateArray().Single();
        (c.GetProperty("FeedMinutes").GetDouble(), c.GetProperty("TaskedMinutes").GetDouble(), c.GetProperty("OverlapMinutes").GetDouble()).ShouldBe((30.0, 0.0, 0.0));
        var earlier = (await Get($"/odata/Presence?$filter=HotspotId eq {control.HotspotId} and PoliceDayStart lt {dayStart:yyyy-MM-ddTHH:mm:ssZ}")).GetProperty("value");
        earlier.GetArrayLength().ShouldBe(60);
        earlier.EnumerateArray().ShouldAllBe(r => r.GetProperty("FeedMinutes").GetDouble() == 5 && r.GetProperty("TaskedMinutes").GetDouble() == 0);

        var first = await Get("/odata/Presence?$count=true");
        var total = first.GetProperty("@odata.count").GetInt64();
        total.ShouldBe(60 * spots.Count + todays.Count);
        var seen = first.GetProperty("value").EnumerateArray().Select(r => r.GetProperty("Id").GetInt64()).ToHashSet();
        seen.Count.ShouldBe(1000);
        var next = first.GetProperty("@odata.nextLink").GetString();
        while (next is not null)
        {
            var more = await Get(next);
            foreach (var r in more.GetProperty("value").EnumerateArray()) seen.Add(r.GetProperty("Id").GetInt64()).ShouldBeTrue("a row came twice");
            next = more.TryGetProperty("@odata.nextLink", out var link) ? link.GetString() : null;
        }
        seen.Count.ShouldBe((int)total);
        app.Errors.Entries.ShouldBeEmpty();
    }
}
