using HotSpots.Modules.Workforce.Contracts;
using HotSpots.Modules.Workforce.Data;
using HotSpots.Platform;
using HotSpots.Platform.Audit;
using HotSpots.Platform.Revisions;
using Microsoft.EntityFrameworkCore;

namespace HotSpots.Modules.Workforce.Teams;

/// <summary>Teams and officer records: every change saved with the revision raised in its transaction, then audited.</summary>
internal sealed class TeamBook(WorkforceDbContext db, PeopleCache cache, IAuditLog audit, TimeProvider clock)
{
    public async Task<TeamView> CreateTeamAsync(string name, string by, CancellationToken cancellationToken)
    {
        name = RecordRules.Clean(name);
        if (RecordRules.TeamNameProblem(name) is { } problem) throw new ValidationException(problem);
        var existing = (await db.Teams.AsNoTracking().ToListAsync(cancellationToken))
            .FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
        if (existing is not null)
        {
            if (existing.RetiredUtc is not null)
                throw new ValidationException($"There is a retired team named {existing.Name}: choose another name.");
            return await ViewAsync(existing.Id, cancellationToken);
        }
        var team = new Team { Name = name, CreatedUtc = clock.GetUtcNow().UtcDateTime };
        db.Teams.Add(team);
        await db.SaveChangesAndRaiseAsync(WorkforceRevisions.People, cancellationToken);
        await audit.RecordAsync(new AuditEntry(by, "team.create", $"team {team.Id} ({team.Name})"), cancellationToken);
        return await ViewAsync(team.Id, cancellationToken);
    }

    public async Task<TeamView> RenameTeamAsync(long teamId, string name, string by, CancellationToken cancellationToken)
    {
        name = RecordRules.Clean(name);
        if (RecordRules.TeamNameProblem(name) is { } problem) throw new ValidationException(problem);
        var team = await FindTeamAsync(teamId, cancellationToken);
        if (team.Name == name) return await ViewAsync(team.Id, cancellationToken);
        var others = await db.Teams.AsNoTracking().Where(t => t.Id != teamId).Select(t => t.Name).ToListAsync(cancellationToken);
        if (others.FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase)) is { } taken)
            throw new ValidationException($"There is already a team named {taken}.");
        var old = team.Name;
        team.Name = name;
        await db.SaveChangesAndRaiseAsync(WorkforceRevisions.People, cancellationToken);
        await audit.RecordAsync(new AuditEntry(by, "team.rename", $"team {team.Id} ({name})", Details: $"{old} → {name}"), cancellationToken);
        return await ViewAsync(team.Id, cancellationToken);
    }

    public async Task RetireTeamAsync(long teamId, string by, CancellationToken cancellationToken)
    {
        var team = await FindTeamAsync(teamId, cancellationToken);
        if (team.RetiredUtc is not null) return;
        team.RetiredUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAndRaiseAsync(WorkforceRevisions.People, cancellationToken);
        await audit.RecordAsync(new AuditEntry(by, "team.retire", $"team {team.Id} ({team.Name})"), cancellationToken);
    }

    /// <summary>Saves the record; returns what changed in words (empty when nothing did, and then nothing is written).</summary>
    public async Task<IReadOnlyList<string>> SaveOfficerAsync(OfficerRecord record, string by, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(record.OfficerId)) throw new ValidationException("An officer record needs the person's sign-in id.");
        var name = RecordRules.Clean(record.DisplayName);
        var collar = RecordRules.CleanCollar(record.CollarNumber);
        if ((RecordRules.DisplayNameProblem(name) ?? RecordRules.CollarProblem(collar)) is { } problem) throw new ValidationException(problem);
        if (record.Supervisor && record.TeamId is null) throw new ValidationException($"{name} supervises a team, so needs a team.");
        var officer = await db.Officers.SingleOrDefaultAsync(o => o.Id == record.OfficerId, cancellationToken);
        Team? team = null;
        if (record.TeamId is { } teamId)
        {
            team = await FindTeamAsync(teamId, cancellationToken);
            if (team.RetiredUtc is not null && officer?.TeamId != teamId)
                throw new ValidationException($"Team {team.Name} is retired: it takes no new members.");
        }
        if (collar is not null && await db.Officers.AnyAsync(o => o.CollarNumber == collar && o.Id != record.OfficerId, cancellationToken))
            throw new ValidationException($"Collar number {collar} belongs to another officer.");

        var names = await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        var held = officer is null ? null : new HeldOfficer(officer.DisplayName, officer.CollarNumber, officer.TeamId is { } h ? names.GetValueOrDefault(h) : null, officer.Supervisor);
        var changes = RecordRules.Changes(held, name, collar, team?.Name, record.Supervisor);
        if (changes.Count == 0) return changes;
        if (officer is null)
            db.Officers.Add(new Officer { Id = record.OfficerId, DisplayName = name, CollarNumber = collar, TeamId = record.TeamId, Supervisor = record.Supervisor });
        else
            (officer.DisplayName, officer.CollarNumber, officer.TeamId, officer.Supervisor) = (name, collar, record.TeamId, record.Supervisor);
        await db.SaveChangesAndRaiseAsync(WorkforceRevisions.People, cancellationToken);
        await audit.RecordAsync(new AuditEntry(by, officer is null ? "officer.create" : "officer.update",
            $"officer {record.OfficerId} ({name})", Details: string.Join("; ", changes)), cancellationToken);
        return changes;
    }

    private async Task<Team> FindTeamAsync(long teamId, CancellationToken cancellationToken) =>
        await db.Teams.SingleOrDefaultAsync(t => t.Id == teamId, cancellationToken)
        ?? throw new ValidationException($"There is no team {teamId}.");

    private async Task<TeamView> ViewAsync(long teamId, CancellationToken cancellationToken) =>
        (await cache.CurrentAsync(cancellationToken)).Teams.Single(t => t.Id == teamId);
}
