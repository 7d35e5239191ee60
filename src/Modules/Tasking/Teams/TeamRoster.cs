using HotSpots.Modules.Tasking.Board;
using HotSpots.Modules.Tasking.Contracts;
using HotSpots.Modules.Tasking.Data;
using HotSpots.Platform.Revisions;
using Microsoft.EntityFrameworkCore;

namespace HotSpots.Modules.Tasking.Teams;

internal sealed class TeamRoster(TaskingDbContext db)
{
    public async Task<TeamView> CreateAsync(string name, CancellationToken cancellationToken)
    {
        var team = await db.Teams.SingleOrDefaultAsync(t => t.Name == name, cancellationToken);
        if (team is null)
        {
            team = new Team { Name = name };
            db.Teams.Add(team);
            await db.SaveChangesAndRaiseAsync(TaskingRevisions.Teams, cancellationToken);
        }
        return new TeamView(team.Id, team.Name);
    }

    public async Task SaveOfficerAsync(string officerId, string displayName, long? teamId, CancellationToken cancellationToken)
    {
        var officer = await db.Officers.SingleOrDefaultAsync(o => o.Id == officerId, cancellationToken);
        if (officer is null)
            db.Officers.Add(new Officer { Id = officerId, DisplayName = displayName, TeamId = teamId });
        else
            (officer.DisplayName, officer.TeamId) = (displayName, teamId);
        await db.SaveChangesAndRaiseAsync(TaskingRevisions.Teams, cancellationToken);
    }

    public async Task<IReadOnlyList<OfficerView>> OfficersAsync(CancellationToken cancellationToken) =>
        await (from o in db.Officers.AsNoTracking()
               join t in db.Teams on o.TeamId equals t.Id into teams
               from t in teams.DefaultIfEmpty()
               orderby o.DisplayName
               select new OfficerView(o.Id, o.DisplayName, o.TeamId, t != null ? t.Name : null))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<TeamView>> TeamsAsync(CancellationToken cancellationToken) =>
        await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => new TeamView(t.Id, t.Name)).ToListAsync(cancellationToken);
}
