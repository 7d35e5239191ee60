using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Modules.Patrols.Contracts;

namespace HotSpots.Modules.Dashboard.Contracts;

/// <summary>Reporting across the modules, read only.</summary>
public interface IDashboardModule
{
    Task<ManagerDashboard> GetManagerDashboardAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The outcomes of every place-day of a trial so far, pseudonymised (spot codes, no names, no officers):
    /// arm, crimes, serious violence, harm, tasked officer-minutes and patrols. Audited.
    /// </summary>
    Task<string> TrialOutcomesCsvAsync(long trialId, string exportedBy, CancellationToken cancellationToken);
}

/// <summary>The manager's first view: crime trend, top spots, today's patrol minutes, the leaderboard.</summary>
public sealed record ManagerDashboard(
    Chart CrimeTrend,
    IReadOnlyList<PublishedHotspot> TopHotspots,
    IReadOnlyList<SpotMinutes> PatrolMinutesToday,
    DateTime PoliceDayStartUtc,
    IReadOnlyList<LeaderboardRow> Leaderboard,
    DateTime LeaderboardFromUtc);

/// <summary>A chart rendered by the server, with a text alternative and its data as a table.</summary>
public sealed record Chart(string Svg, string Description, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows);

public sealed record LeaderboardRow(int Rank, string Name, string? Team, double MinutesInside, int Patrols, int Activities);
