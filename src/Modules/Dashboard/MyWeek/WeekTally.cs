using HotSpots.Modules.Dashboard.Contracts;
using HotSpots.Modules.Patrols.Contracts;

namespace HotSpots.Modules.Dashboard.MyWeek;

/// <summary>An officer's own week (pure: no I/O, no clock): which police days make it, the figures, and the place in the team.</summary>
internal static class WeekTally
{
    /// <summary>The police week (Monday to Sunday) that holds a police day.</summary>
    public static (DateOnly First, DateOnly Last) PoliceWeek(DateOnly policeDay)
    {
        var first = policeDay.AddDays(-(((int)policeDay.DayOfWeek + 6) % 7));
        return (first, first.AddDays(6));
    }

    /// <summary>
    /// The figures of one week from the officer's own totals (patrols that started in the week: observed minutes inside,
    /// visits, visits of 10–16 minutes, patrols, unobserved minutes) and the visits of those patrols (for the spots).
    /// </summary>
    public static WeekFigures Figures(DateOnly first, OfficerMinutes? own, IEnumerable<VisitView> ownVisits) => new(
        first, first.AddDays(6), own?.MinutesInside ?? 0, own?.Visits ?? 0, own?.KoperVisits ?? 0,
        ownVisits.Select(v => v.HotspotId).Distinct().Count(), own?.Patrols ?? 0, own?.UnobservedMinutes ?? 0);

    /// <summary>
    /// The officer's place among their team by minutes in spots (as the leaderboard ranks): one more than the number of
    /// team members with more minutes, of all members (those with no patrol count as none). Null without a team, and
    /// before the officer has any minutes in spots this week (a shared first place of nobody would say nothing).
    /// </summary>
    public static TeamPlace? Place(string officerId, string? team, IReadOnlyCollection<string> teamMembers, IReadOnlyDictionary<string, double> minutes)
    {
        if (team is null || !teamMembers.Contains(officerId)) return null;
        var mine = minutes.GetValueOrDefault(officerId);
        if (mine <= 0) return null;
        var ahead = teamMembers.Count(m => m != officerId && minutes.GetValueOrDefault(m) > mine);
        return new TeamPlace(ahead + 1, teamMembers.Count, team);
    }
}
