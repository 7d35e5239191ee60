namespace HotSpots.Modules.Workforce.Contracts;

/// <summary>
/// The reading contract of the force's people, the one other modules may use: officers' names, collar numbers, teams
/// and supervisors, and the teams. Answered from a copy in memory that is current on every call (it checks the
/// revision <see cref="WorkforceRevisions.People"/> first), so a change saved on any node is in the next answer.
/// Reads only.
/// </summary>
public interface IWorkforce
{
    /// <summary>Every officer record, by display name.</summary>
    Task<IReadOnlyList<OfficerView>> ListOfficersAsync(CancellationToken cancellationToken);

    /// <summary>One officer by sign-in id; null when the person has no officer record.</summary>
    Task<OfficerView?> FindOfficerAsync(string officerId, CancellationToken cancellationToken);

    /// <summary>Every team, retired ones included (they keep their history), by name.</summary>
    Task<IReadOnlyList<TeamView>> ListTeamsAsync(CancellationToken cancellationToken);
}

/// <summary>The kinds of data this module raises a revision of, for copies in memory built from its answers.</summary>
public static class WorkforceRevisions
{
    /// <summary>Raised, in the write's transaction, when a team is created, renamed or retired, or an officer record changes.</summary>
    public const string People = "workforce.people";
}

/// <summary>An officer record: the person's sign-in id, the name shown on boards and leaderboards, collar number and team.</summary>
/// <param name="Supervisor">Whether the officer supervises their team.</param>
public sealed record OfficerView(string OfficerId, string DisplayName, string? CollarNumber, long? TeamId, string? TeamName, bool Supervisor);

/// <summary>A team. A retired team keeps its history but takes no new members or assignments.</summary>
/// <param name="SupervisorIds">The sign-in ids of the team's supervisors.</param>
public sealed record TeamView(long Id, string Name, bool Retired, int Members, IReadOnlyList<string> SupervisorIds);
