using HotSpots.Modules.Dashboard.Charts;
using HotSpots.Modules.Dashboard.Contracts;
using HotSpots.Modules.Dashboard.Settings;
using HotSpots.Modules.Patrols.Contracts;
using HotSpots.Modules.Workforce.Contracts;
using HotSpots.Platform;

namespace HotSpots.Modules.Dashboard.Leaderboards;

/// <summary>Officers and teams by minutes in spots, then Koper visits, then activity, over the last 7 or 28 police days.</summary>
internal sealed class LeaderboardQuery(IPatrolPresence patrols, IWorkforce workforce, DashboardSettingsStore settings, ForceOptions force, TimeProvider clock)
{
    public async Task<Contracts.Leaderboards> GetAsync(LeaderboardPeriod period, string? viewerOfficerId, CancellationToken cancellationToken)
    {
        var end = force.PoliceDayStartUtc(clock.GetUtcNow().UtcDateTime).AddDays(1);
        var start = end.AddDays(period == LeaderboardPeriod.Week ? -7 : -28);
        var initials = (await settings.GetAsync(cancellationToken)).InitialsOutsideTeam;
        var officers = (await workforce.ListOfficersAsync(cancellationToken)).ToDictionary(o => o.OfficerId);
        var viewerTeam = viewerOfficerId is null ? null : officers.GetValueOrDefault(viewerOfficerId)?.TeamId;
        var rows = await patrols.MinutesByOfficerAsync(start, end, cancellationToken);

        var ranked = rows.OrderByDescending(r => r.MinutesInside).ThenByDescending(r => r.KoperVisits).ThenByDescending(r => r.Activities).ToList();
        var officerEntries = ranked.Select((r, i) =>
        {
            var officer = officers.GetValueOrDefault(r.OfficerId);
            var name = officer?.DisplayName ?? "Unknown officer";
            var ownTeam = viewerTeam is not null && officer?.TeamId == viewerTeam;
            var yours = r.OfficerId == viewerOfficerId;
            if (initials && !ownTeam && !yours) name = Initials(name);
            return new LeaderboardEntry(i + 1, name, officer?.TeamName, r.MinutesInside, r.Visits, r.KoperVisits, r.Patrols, r.Activities, yours);
        }).ToList();
        var teamEntries = ranked.GroupBy(r => officers.GetValueOrDefault(r.OfficerId)?.TeamName ?? "No team")
            .Select(g => (Team: g.Key, Minutes: g.Sum(r => r.MinutesInside), Visits: g.Sum(r => r.Visits), Koper: g.Sum(r => r.KoperVisits),
                Patrols: g.Sum(r => r.Patrols), Activities: g.Sum(r => r.Activities),
                Yours: viewerTeam is not null && g.Any(r => officers.GetValueOrDefault(r.OfficerId)?.TeamId == viewerTeam)))
            .OrderByDescending(t => t.Minutes).ThenByDescending(t => t.Koper).ThenByDescending(t => t.Activities)
            .Select((t, i) => new LeaderboardEntry(i + 1, t.Team, t.Team, t.Minutes, t.Visits, t.Koper, t.Patrols, t.Activities, t.Yours)).ToList();
        var chart = Bars.Render("Minutes in hot spots by team", "minutes", teamEntries.Select(t => (t.Name, t.MinutesInside)).ToList());
        return new Contracts.Leaderboards(period, start, end, initials, officerEntries, teamEntries, chart.ToChart());
    }

    /// <summary>Ranks a display name may start with ("PC Ben Brooks"): not part of the person's initials.</summary>
    private static readonly HashSet<string> Ranks = new(StringComparer.OrdinalIgnoreCase)
        { "PC", "PCSO", "SC", "DC", "Sgt", "DS", "Insp", "DI", "CI", "DCI", "Supt", "DSupt", "CSupt", "Ch", "Det" };

    /// <summary>"Alex Morgan" → "A. M."; "PC Ben Brooks" → "B. B." (a leading rank is left out).</summary>
    internal static string Initials(string name)
    {
        var parts = name.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        while (parts.Count > 1 && Ranks.Contains(parts[0].TrimEnd('.'))) parts.RemoveAt(0);
        return string.Join(' ', parts.Select(p => $"{char.ToUpperInvariant(p[0])}."));
    }
}
