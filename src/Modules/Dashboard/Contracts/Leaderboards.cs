namespace HotSpots.Modules.Dashboard.Contracts;

public enum LeaderboardPeriod
{
    Week,
    Month,
}

/// <summary>Officers and teams by minutes in spots, Koper visits and activity over the last week or month.</summary>
/// <param name="InitialsOutsideTeam">Names outside the viewer's own team are shown as initials (a run-time setting).</param>
public sealed record Leaderboards(
    LeaderboardPeriod Period, DateTime FromUtc, DateTime ToUtc, bool InitialsOutsideTeam,
    IReadOnlyList<LeaderboardEntry> Officers, IReadOnlyList<LeaderboardEntry> Teams, Chart Chart);

public sealed record LeaderboardEntry(int Rank, string Name, string? Team, double MinutesInside, int Visits, int KoperVisits, int Patrols, int Activities, bool Yours);
