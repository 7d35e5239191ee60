using HotSpots.Modules.Dashboard.Charts;
using HotSpots.Modules.Dashboard.Compliance;
using HotSpots.Modules.Dashboard.Contracts;
using HotSpots.Modules.Dashboard.Trials;
using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Modules.Patrols.Contracts;
using HotSpots.Modules.Workforce.Contracts;
using HotSpots.Platform;

namespace HotSpots.Modules.Dashboard.Manager;

/// <summary>The manager's first view; spots only as the viewer may see them named (<see cref="Blinding"/>).</summary>
internal sealed class ManagerDashboardQuery(
    IIngestedData ingestion, IHotspotSnapshot hotspots, IPatrolPresence patrols, IWorkforce workforce,
    ForceOptions force, TimeProvider clock)
{
    private const int TrendMonths = 24;
    private const int TopSpots = 10;

    public async Task<ManagerDashboard> GetAsync(Blinding blinding, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var latest = await ingestion.GetLatestOccurrenceAsync(cancellationToken) ?? now;
        var trendTo = new DateTime(latest.Year, latest.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(1);
        var counts = await ingestion.GetMonthlyCountsAsync(trendTo.AddMonths(-TrendMonths), trendTo, cancellationToken);

        var dayStart = force.PoliceDayStartUtc(now);
        var minutesToday = (await patrols.MinutesBySpotAsync(dayStart, dayStart.AddDays(1), cancellationToken)).Where(m => blinding.Names(m.HotspotId)).ToList();

        var weekStart = dayStart.AddDays(-6);
        var byOfficer = await patrols.MinutesByOfficerAsync(weekStart, dayStart.AddDays(1), cancellationToken);
        var officers = (await workforce.ListOfficersAsync(cancellationToken)).ToDictionary(o => o.OfficerId);
        var leaderboard = byOfficer.Select((o, i) =>
        {
            var officer = officers.GetValueOrDefault(o.OfficerId);
            return new LeaderboardRow(i + 1, officer?.DisplayName ?? "Unknown officer", officer?.TeamName, o.MinutesInside, o.Patrols, o.Activities);
        }).ToList();

        // Activities by kind per team over the same week (no spots: compliance has them, as the viewer may see them).
        var activities = ActivityCounts.BySpotTeamAndDay((await patrols.ListActivitiesAsync(weekStart, dayStart.AddDays(1), cancellationToken))
            .Select(a => new ActivityCounts.Entry(a.HotspotId, officers.GetValueOrDefault(a.OfficerId)?.TeamName ?? ComplianceQuery.NoTeam, force.PoliceDay(a.TimeUtc), a.Kind)));

        return new ManagerDashboard(
            CrimeTrendChart.Render(counts),
            hotspots.Current.Spots.Where(s => blinding.Names(s.Id)).Take(TopSpots).ToList(),
            minutesToday, dayStart, leaderboard, weekStart,
            ActivityCounts.Table(activities, force.Values.ActivityKinds, c => c.Team));
    }
}
