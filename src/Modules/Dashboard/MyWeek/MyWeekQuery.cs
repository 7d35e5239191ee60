using HotSpots.Modules.Dashboard.Contracts;
using HotSpots.Modules.Dashboard.Settings;
using HotSpots.Modules.Patrols.Contracts;
using HotSpots.Modules.Workforce.Contracts;
using HotSpots.Platform;

namespace HotSpots.Modules.Dashboard.MyWeek;

/// <summary>"My week": an officer's own minutes, visits and spots this police week and last, and their place in their team where the force allows.</summary>
internal sealed class MyWeekQuery(IPatrolPresence patrols, IWorkforce workforce, DashboardSettingsStore settings, ForceOptions force, TimeProvider clock)
{
    public async Task<Contracts.MyWeek> GetAsync(string officerId, CancellationToken cancellationToken)
    {
        var (first, _) = WeekTally.PoliceWeek(force.PoliceDay(clock.GetUtcNow().UtcDateTime));
        var lastWeek = first.AddDays(-7);
        var thisWeekRows = await patrols.MinutesByOfficerAsync(force.PoliceDayStartUtc(first), force.PoliceDayStartUtc(first.AddDays(7)), cancellationToken);
        var lastWeekRows = await patrols.MinutesByOfficerAsync(force.PoliceDayStartUtc(lastWeek), force.PoliceDayStartUtc(first), cancellationToken);
        var visits = (await patrols.ListVisitsAsync(force.PoliceDayStartUtc(lastWeek), force.PoliceDayStartUtc(first.AddDays(7)), PresenceSource.Patrols, cancellationToken))
            .Where(v => v.SubjectId == officerId).ToList();
        // A visit belongs to the week its patrol started in; visits start within their patrol, so by the day it began.
        IEnumerable<VisitView> In(DateOnly weekStart) => visits.Where(v => force.PoliceDay(v.EnteredUtc) >= weekStart && force.PoliceDay(v.EnteredUtc) < weekStart.AddDays(7));
        var thisWeek = WeekTally.Figures(first, thisWeekRows.FirstOrDefault(r => r.OfficerId == officerId), In(first));
        var before = WeekTally.Figures(lastWeek, lastWeekRows.FirstOrDefault(r => r.OfficerId == officerId), In(lastWeek));

        var shown = (await settings.GetAsync(cancellationToken)).OfficersSeeTheirPlace;
        TeamPlace? place = null;
        if (shown)
        {
            var officers = await workforce.ListOfficersAsync(cancellationToken);
            var me = officers.FirstOrDefault(o => o.OfficerId == officerId);
            if (me?.TeamId is { } team)
            {
                var members = officers.Where(o => o.TeamId == team).Select(o => o.OfficerId).ToList();
                place = WeekTally.Place(officerId, me.TeamName, members, thisWeekRows.ToDictionary(r => r.OfficerId, r => r.MinutesInside));
            }
        }
        return new Contracts.MyWeek(thisWeek, before, place, shown);
    }
}
