using HotSpots.Modules.Workforce.Contracts;
using HotSpots.Modules.Workforce.Data;
using HotSpots.Modules.Workforce.Teams;
using HotSpots.Platform;
using HotSpots.Platform.Audit;
using Microsoft.EntityFrameworkCore;

namespace HotSpots.Modules.Workforce.Roster;

/// <summary>A roster file planned against the records held, and applied row by row (one failing row never undoes the others).</summary>
internal sealed class RosterImport(WorkforceDbContext db, TeamBook book, IAuditLog audit)
{
    /// <summary>The largest roster file read (about 20,000 people).</summary>
    public const int LargestFile = 4 * 1024 * 1024;

    public async Task<RosterPlan> PlanAsync(string csv, RosterRules rules, IReadOnlyList<RosterAccount> accounts, CancellationToken cancellationToken)
    {
        if (csv.Length > LargestFile) throw new ValidationException($"The roster file is larger than {LargestFile / 1024 / 1024} MB: split it.");
        var rows = RosterCsv.Parse(csv);
        var teams = await db.Teams.AsNoTracking().Select(t => new HeldTeam(t.Id, t.Name, t.RetiredUtc != null)).ToListAsync(cancellationToken);
        var names = teams.ToDictionary(t => t.Id, t => t.Name);
        var officers = await db.Officers.AsNoTracking().ToListAsync(cancellationToken);
        var held = officers.ToDictionary(o => o.Id,
            o => new HeldOfficer(o.DisplayName, o.CollarNumber, o.TeamId is { } t ? names.GetValueOrDefault(t) : null, o.Supervisor));
        var collars = officers.Where(o => o.CollarNumber is not null).ToDictionary(o => o.CollarNumber!, o => o.Id);
        return RosterPlanner.Plan(rows, rules, accounts, held, collars, teams);
    }

    public async Task<RosterOutcome> ApplyAsync(RosterPlan plan, IReadOnlyDictionary<int, string> newAccounts, string by, CancellationToken cancellationToken)
    {
        var teamIds = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        var teamsCreated = 0;
        var applied = new List<RosterLine>(plan.Lines.Count);
        foreach (var line in plan.Lines)
        {
            if (line.Action is RosterAction.Unchanged or RosterAction.Reject)
            {
                applied.Add(line);
                continue;
            }
            var userId = line.UserId ?? newAccounts.GetValueOrDefault(line.Row);
            if (userId is null)
            {
                applied.Add(line with { Action = RosterAction.Reject, Reason = $"The account for {line.Email} could not be created." });
                continue;
            }
            try
            {
                long? teamId = null;
                if (line.Team is { } name)
                {
                    if (!teamIds.TryGetValue(name, out var id))
                    {
                        var isNew = plan.NewTeams.Contains(name);
                        id = (await book.CreateTeamAsync(name, by, cancellationToken)).Id;
                        if (isNew) teamsCreated++;
                        teamIds[name] = id;
                    }
                    teamId = id;
                }
                await book.SaveOfficerAsync(new OfficerRecord(userId, line.Name, line.Collar, teamId, line.Supervisor), by, cancellationToken);
                applied.Add(line with { UserId = userId });
            }
            catch (Exception e) when (e is ValidationException or DbUpdateException)
            {
                db.ChangeTracker.Clear();
                applied.Add(line with { Action = RosterAction.Reject, Reason = e is ValidationException ? e.Message : $"It could not be saved: {e.GetBaseException().Message}" });
            }
        }
        var outcome = new RosterOutcome(new RosterPlan(applied.AsReadOnly(), plan.NewTeams), teamsCreated);
        await audit.RecordAsync(new AuditEntry(by, "roster.import", $"roster of {plan.Lines.Count} rows",
            Details: $"created {outcome.Applied.Created}, updated {outcome.Applied.Updated}, unchanged {outcome.Applied.Unchanged}, " +
                     $"rejected {outcome.Applied.Rejected.Count}, teams created {teamsCreated}"), cancellationToken);
        return outcome;
    }
}
