using System.Globalization;
using System.Text.RegularExpressions;
using HotSpots.Modules.Dashboard.Contracts;
using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Modules.Patrols.Contracts;
using HotSpots.Modules.Patrols.Contracts.Demo;
using HotSpots.Modules.Workforce.Contracts;
using HotSpots.Platform;
using HotSpots.Platform.Geography;
using HotSpots.Testing;
using Microsoft.Extensions.Time.Testing;

namespace HotSpots.Web.Tests;

public sealed partial class PresenceAndMyWeekTests
{
    private const double MetresPerDegree = 111_320;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task My_week_shows_the_officers_own_observed_minutes_visits_and_spots_and_their_place_only_where_the_force_allows(string provider)
    {
        // The police week starts on Monday at the police day's start: early on a Monday, move the clock on so that this
        // week has room for patrols in the past.
        var force0 = new ForceOptions();
        var now = DateTime.UtcNow;
        var weekStart = force0.PoliceDayStartUtc(Monday(force0.PoliceDay(now)));
        var clock = new FakeTimeProvider(now - weekStart < TimeSpan.FromHours(4) ? new DateTimeOffset(now.AddHours(4)) : new DateTimeOffset(now));
        using var database = TestDatabase.Create(provider);
        await using var app = new HotSpotsApp(database, clock: clock);
        var force = app.Service<ForceOptions>();
        now = clock.GetUtcNow().UtcDateTime;
        var thisMonday = Monday(force.PoliceDay(now));

        var officers = await app.Service<IWorkforce>().ListOfficersAsync(CancellationToken.None);
        var me = officers.Single(o => o.DisplayName == "PC Alex Morgan");
        var mate = officers.Single(o => o.DisplayName == "Sgt Jo Patel");
        var teamSize = officers.Count(o => o.TeamId == me.TeamId);
        teamSize.ShouldBeGreaterThan(2);
        var snapshot = app.Service<IHotspotSnapshot>().Current;
        var holding = snapshot.Spots.Where(s => snapshot.Contains(s.Id, s.Centre)).ToList();
        var (a, b) = (holding[0], holding[1]);

        // This week: spot A for 12 minutes, 5 minutes unmeasured (no position: neither in nor out), 4 more minutes, then away;
        // spot B for 6 minutes. Last week: spot A for 11 minutes. The teammate: 25 minutes in spot B this week.
        await PatrolAsync(app, me.OfficerId, a, now.AddMinutes(-150), [(12, true), (5, false), (4, true)]);
        await PatrolAsync(app, me.OfficerId, b, now.AddMinutes(-80), [(6, true)]);
        await PatrolAsync(app, me.OfficerId, a, force.PoliceDayStartUtc(thisMonday.AddDays(-5)).AddHours(6), [(11, true)]);
        await PatrolAsync(app, mate.OfficerId, b, now.AddMinutes(-45), [(25, true)]);

        MyWeek week;
        await using (var scope = app.Services.CreateAsyncScope())
            week = await scope.ServiceProvider.GetRequiredService<IDashboardModule>().GetMyWeekAsync(me.OfficerId, CancellationToken.None);
        week.ThisWeek.FirstDay.ShouldBe(thisMonday);
        week.ThisWeek.MinutesInSpots.ShouldBe(22, 0.3, "12 + 4 + 6 observed minutes; the 5 unmeasured minutes in the spot are not counted");
        (week.ThisWeek.Visits, week.ThisWeek.KoperVisits, week.ThisWeek.Spots, week.ThisWeek.Patrols).ShouldBe((3, 1, 2, 2));
        week.ThisWeek.UnobservedMinutes.ShouldBe(5, 0.3);
        week.LastWeek.FirstDay.ShouldBe(thisMonday.AddDays(-7));
        week.LastWeek.MinutesInSpots.ShouldBe(11, 0.3);
        (week.LastWeek.Visits, week.LastWeek.KoperVisits, week.LastWeek.Spots, week.LastWeek.Patrols).ShouldBe((1, 1, 1, 1));
        (week.Place, week.PlaceShown).ShouldBe((null, false), "the force has not turned the officers' leaderboard on");

        var officer = await SignedInClient.SignInAsync(app, "officer@demo.hotspots");
        var html = await officer.GetStringAsync("/Officer/Week");
        Cell(html, "minutes").ShouldBe("22");
        Cell(html, "visits").ShouldBe("3");
        Cell(html, "full-visits").ShouldBe("1");
        Cell(html, "spots").ShouldBe("2");
        Cell(html, "minutes-last").ShouldBe("11");
        html.ShouldContain(WebEncode($"This week is {thisMonday.ToString("dddd d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))} to {thisMonday.AddDays(6).ToString("dddd d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}"));
        html.ShouldContain("id=\"unobserved\"");
        html.ShouldNotContain("id=\"team-place\"");
        html.ShouldNotContain(" of " + teamSize.ToString(CultureInfo.InvariantCulture) + "</strong>");

        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<IDashboardModule>().SetSettingsAsync(new DashboardSettings(false, true, OfficersSeeTheirPlace: true), "test", CancellationToken.None);
        html = await officer.GetStringAsync("/Officer/Week");
        html.ShouldContain($"<strong>2nd of {teamSize}</strong>");
        html.ShouldNotContain(WebEncode(mate.DisplayName), Case.Insensitive, "no other officer is named");
        html.ShouldNotContain(">25<");
        var mateSees = await SignedInClient.SignInAsync(app, "supervisor@demo.hotspots");
        var theirs = await mateSees.GetStringAsync("/Officer/Week");
        theirs.ShouldContain($"<strong>1st of {teamSize}</strong>");
        Cell(theirs, "minutes").ShouldBe("25");
        theirs.ShouldNotContain(WebEncode(me.DisplayName));
        // With no trial, the compliance page's presence by spot has the same patrols: spot A 12 + 4 + 11 tasked minutes in the 28 days.
        var analyst = await SignedInClient.SignInAsync(app, "analyst@demo.hotspots");
        var compliance = Regex.Replace(await analyst.GetStringAsync("/Dashboard/Compliance"), @"\s+", "");
        var bySpot = compliance[compliance.IndexOf("id=\"presence-by-spot\"", StringComparison.Ordinal)..];
        var row = Regex.Match(bySpot, $"<tr><td>{Regex.Escape(Regex.Replace(WebEncode(a.Name), @"\s+", ""))}</td><td>Allpublishedspots</td><td>28</td><td>0</td><td>(\\d+)</td><td>0</td></tr>");
        row.Success.ShouldBeTrue(bySpot[..Math.Min(600, bySpot.Length)]);
        row.Groups[1].Value.ShouldBe("27");
        app.Errors.Entries.ShouldBeEmpty();
    }

    private static DateOnly Monday(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    private static string WebEncode(string text) => System.Text.Encodings.Web.HtmlEncoder.Default.Encode(text);

    private static string Cell(string html, string id) => Regex.Match(html, $"id=\"{id}\">([^<]*)<").Groups[1].Value.Trim();

    /// <summary>
    /// A patrol as a phone sends it: a position every 15 s at the spot's centre for each stretch marked present, no
    /// position at all for a stretch marked unmeasured, then 2 minutes 600 m north, and the end.
    /// </summary>
    private static async Task PatrolAsync(HotSpotsApp app, string officerId, PublishedHotspot spot, DateTime startUtc, (double Minutes, bool Present)[] stretches)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var history = scope.ServiceProvider.GetRequiredService<IDemoPatrolHistory>();
        var patrols = scope.ServiceProvider.GetRequiredService<IOfficerPatrols>();
        var patrol = await history.StartPastAsync(officerId, spot.Id, startUtc, CancellationToken.None);
        var pings = new List<PingInput>();
        var time = startUtc;
        var sequence = 0L;
        var (lat, lon) = (spot.Centre.Latitude, spot.Centre.Longitude);
        void Ping(double north) => pings.Add(new PingInput(++sequence, time, lat + north / MetresPerDegree, lon, 8, 0.3));
        foreach (var (minutes, present) in stretches)
        {
            if (!present)
            {
                time = time.AddMinutes(minutes);
                continue;
            }
            var end = time.AddMinutes(minutes);
            for (; time <= end; time = time.AddSeconds(15)) Ping(0);
            time = end;
        }
        for (var i = 1; i <= 9; i++)
        {
            time = time.AddSeconds(15);
            Ping(600);
        }
        var result = await patrols.RecordPingsAsync(patrol.Id, officerId, pings, CancellationToken.None);
        result.Rejected.ShouldBeEmpty();
        await patrols.EndAsync(patrol.Id, officerId, time.AddSeconds(5), CancellationToken.None);
    }
}
