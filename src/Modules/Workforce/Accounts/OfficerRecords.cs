using HotSpots.Modules.Workforce.Contracts;

namespace HotSpots.Modules.Workforce.Accounts;

/// <summary>
/// A person's name, team and collar number, as the user pages and the command line read and write them: the Workforce
/// module's officer records (IWorkforce to read, IWorkforceAdministration to write, audited under the actor's name).
/// </summary>
internal sealed class OfficerRecords(IWorkforce workforce, IWorkforceAdministration administration)
{
    /// <summary>Every officer record by account id.</summary>
    public async Task<IReadOnlyDictionary<string, OfficerView>> AllAsync(CancellationToken cancellationToken) =>
        (await workforce.ListOfficersAsync(cancellationToken)).ToDictionary(o => o.OfficerId, StringComparer.Ordinal);

    /// <summary>The teams a person may join: every team not retired.</summary>
    public async Task<IReadOnlyList<TeamView>> TeamsAsync(CancellationToken cancellationToken) =>
        (await workforce.ListTeamsAsync(cancellationToken)).Where(t => !t.Retired).ToList();

    /// <summary>The team of that name (case ignored); made when <paramref name="create"/> and there is none. Null when there is none and none is made.</summary>
    public async Task<(TeamView? Team, bool Created)> TeamAsync(string name, bool create, string by, CancellationToken cancellationToken)
    {
        var trimmed = name.Trim();
        var team = (await workforce.ListTeamsAsync(cancellationToken)).FirstOrDefault(t => string.Equals(t.Name, trimmed, StringComparison.OrdinalIgnoreCase));
        if (team is not null || !create) return (team, false);
        return (await administration.CreateTeamAsync(trimmed, by, cancellationToken), true);
    }

    /// <summary>
    /// Records the person's name, team and collar number as an officer record. A record needs a name (the board and the
    /// leaderboards show it): with none given, nothing is recorded, and a team or collar number without a name is refused.
    /// </summary>
    public async Task SaveAsync(string userId, string? name, long? teamId, string? collar, string by, CancellationToken cancellationToken)
    {
        if (name is null)
        {
            if (teamId is not null || collar is not null)
                throw new AccountException("Give the person's name with their team or collar number: the live board and the leaderboards show it.");
            return;
        }
        await administration.SaveOfficerAsync(new OfficerRecord(userId, name, collar, teamId), by, cancellationToken);
    }
}
