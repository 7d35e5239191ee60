using HotSpots.Modules.Tasking.Contracts;

namespace HotSpots.Web.Accounts;

/// <summary>
/// A person's name, team and collar number, as the user pages and the command line read and write them: the one place
/// that knows where they are kept. Name and team are Tasking's officer records for now (ITaskingModule), the collar
/// number an account note; when people get a module of their own, only this class changes.
/// </summary>
internal sealed class OfficerRecords(ITaskingModule tasking, AccountNotes notes)
{
    /// <summary>Every officer record by account id.</summary>
    public async Task<IReadOnlyDictionary<string, OfficerView>> AllAsync(CancellationToken cancellationToken) =>
        (await tasking.ListOfficersAsync(cancellationToken)).ToDictionary(o => o.OfficerId, StringComparer.Ordinal);

    public Task<IReadOnlyList<TeamView>> TeamsAsync(CancellationToken cancellationToken) => tasking.ListTeamsAsync(cancellationToken);

    /// <summary>The team of that name (case ignored); made when <paramref name="create"/> and there is none. Null when there is none and none is made.</summary>
    public async Task<(TeamView? Team, bool Created)> TeamAsync(string name, bool create, CancellationToken cancellationToken)
    {
        var trimmed = name.Trim();
        var team = (await tasking.ListTeamsAsync(cancellationToken)).FirstOrDefault(t => string.Equals(t.Name, trimmed, StringComparison.OrdinalIgnoreCase));
        if (team is not null || !create) return (team, false);
        return (await tasking.CreateTeamAsync(trimmed, cancellationToken), true);
    }

    /// <summary>Records the person's name and team (both or neither: the board and the leaderboards show the name) and collar number.</summary>
    public async Task SaveAsync(string userId, string? name, long? teamId, string? collar, CancellationToken cancellationToken)
    {
        if (name is not null) await tasking.SaveOfficerAsync(userId, name, teamId, cancellationToken);
        if (collar is not null) await notes.SetAsync(userId, AccountNotes.Collar, collar, cancellationToken);
    }
}
