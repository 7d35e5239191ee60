using HotSpots.Modules.Workforce.Contracts;
using HotSpots.Platform;
using HotSpots.Web.Accounts;

namespace HotSpots.Web.Roster;

/// <summary>
/// The roster import as the command line and the Roster page run it: Workforce plans the file against the accounts
/// held, the host makes the accounts of the created rows and sets the roles that change, Workforce saves the records.
/// The rules are Workforce's; this only joins the two halves.
/// </summary>
public sealed class RosterImport(IWorkforceAdministration workforce, IAccountProvisioning accounts, ILogger<RosterImport> log)
{
    public static readonly RosterRules Rules = new(Roles.All, Roles.Supervisor);

    /// <summary>What the file would do, changing nothing.</summary>
    public async Task<RosterPlan> PlanAsync(string csv, CancellationToken cancellationToken) =>
        await workforce.PlanRosterAsync(csv, Rules, await accounts.ListAsync(cancellationToken), cancellationToken);

    /// <summary>Plans the file again (against what is held now) and applies it.</summary>
    public async Task<RosterOutcome> ApplyAsync(string csv, string by, CancellationToken cancellationToken)
    {
        var plan = await PlanAsync(csv, cancellationToken);
        var made = new Dictionary<int, string>();
        var refused = new Dictionary<int, string>();
        foreach (var line in plan.Lines)
        {
            try
            {
                if (line.Action == RosterAction.Create) made[line.Row] = await accounts.CreateAsync(line.Email, line.Role, by, cancellationToken);
                else if (line.Action == RosterAction.Update && line.SetsRole) await accounts.SetRoleAsync(line.UserId!, line.Role, by, cancellationToken);
            }
            catch (ValidationException e)
            {
                log.LogWarning("Roster row {Row}: {Reason}", line.Row, e.Message);
                refused[line.Row] = e.Message;
            }
        }
        var applied = plan with
        {
            Lines = plan.Lines.Select(l => refused.TryGetValue(l.Row, out var why) ? l with { Action = RosterAction.Reject, Reason = why } : l).ToList().AsReadOnly(),
        };
        return await workforce.ApplyRosterAsync(applied, made, by, cancellationToken);
    }
}
