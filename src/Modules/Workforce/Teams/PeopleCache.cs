using HotSpots.Modules.Workforce.Contracts;
using HotSpots.Modules.Workforce.Data;
using HotSpots.Platform.Revisions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HotSpots.Modules.Workforce.Teams;

/// <summary>
/// The teams and officer records in memory, one copy per process: a revisioned copy of
/// <see cref="WorkforceRevisions.People"/> (<see cref="RevisionedCache{T}"/>), so every use checks the revision first and
/// a change committed on any node is in the next answer.
/// </summary>
internal sealed class PeopleCache(IServiceScopeFactory scopes, IRevisionReader revisions, TimeProvider clock)
{
    private readonly RevisionedCache<People> _people = new(revisions, [WorkforceRevisions.People],
        (_, cancellationToken) => BuildAsync(scopes, cancellationToken), clock);

    public Task<People> CurrentAsync(CancellationToken cancellationToken) => _people.GetAsync(cancellationToken);

    private static async Task<People> BuildAsync(IServiceScopeFactory scopes, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkforceDbContext>();
        var teams = await db.Teams.AsNoTracking().ToListAsync(cancellationToken);
        var officers = await db.Officers.AsNoTracking().ToListAsync(cancellationToken);
        return People.From(teams, officers);
    }
}

/// <summary>Every team and officer record, as held at one revision.</summary>
internal sealed class People
{
    private People(IReadOnlyList<TeamView> teams, IReadOnlyList<OfficerView> officers)
    {
        Teams = teams;
        Officers = officers;
        ById = officers.ToDictionary(o => o.OfficerId);
    }

    public IReadOnlyList<TeamView> Teams { get; }
    public IReadOnlyList<OfficerView> Officers { get; }
    public IReadOnlyDictionary<string, OfficerView> ById { get; }

    public static People From(IReadOnlyList<Team> teams, IReadOnlyList<Officer> officers)
    {
        var names = teams.ToDictionary(t => t.Id, t => t.Name);
        var views = officers
            .Select(o => new OfficerView(o.Id, o.DisplayName, o.CollarNumber, o.TeamId, o.TeamId is { } t ? names.GetValueOrDefault(t) : null, o.Supervisor))
            .OrderBy(o => o.DisplayName, StringComparer.CurrentCultureIgnoreCase).ThenBy(o => o.OfficerId, StringComparer.Ordinal)
            .ToList().AsReadOnly();
        var members = officers.Where(o => o.TeamId is not null).GroupBy(o => o.TeamId!.Value).ToDictionary(g => g.Key, g => g.ToList());
        var teamViews = teams.OrderBy(t => t.Name, StringComparer.CurrentCultureIgnoreCase)
            .Select(t =>
            {
                var inTeam = members.GetValueOrDefault(t.Id) ?? [];
                return new TeamView(t.Id, t.Name, t.RetiredUtc is not null, inTeam.Count,
                    inTeam.Where(o => o.Supervisor).Select(o => o.Id).Order(StringComparer.Ordinal).ToList().AsReadOnly());
            })
            .ToList().AsReadOnly();
        return new People(teamViews, views);
    }
}

/// <summary>The reading contract, from the copy in memory.</summary>
internal sealed class WorkforceReader(PeopleCache cache) : IWorkforce
{
    public async Task<IReadOnlyList<OfficerView>> ListOfficersAsync(CancellationToken cancellationToken) =>
        (await cache.CurrentAsync(cancellationToken)).Officers;

    public async Task<OfficerView?> FindOfficerAsync(string officerId, CancellationToken cancellationToken) =>
        (await cache.CurrentAsync(cancellationToken)).ById.GetValueOrDefault(officerId);

    public async Task<IReadOnlyList<TeamView>> ListTeamsAsync(CancellationToken cancellationToken) =>
        (await cache.CurrentAsync(cancellationToken)).Teams;
}
