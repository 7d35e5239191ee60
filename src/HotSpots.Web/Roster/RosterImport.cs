using HotSpots.Modules.Workforce.Contracts;
using HotSpots.Platform;
using HotSpots.Web.Accounts;

namespace HotSpots.Web.Roster;

/// <summary>
/// The roster import as the command line and the Roster page run it: Workforce plans the file against the accounts
/// held, the accounts of the created rows are made the one way accounts are made (<see cref="IUserAdministration.CreateAccountAsync"/>,
/// each with its invitation link) and the roles that change are set, then Workforce saves the records. The rules are
/// Workforce's and the account rules'; this only joins the two halves.
/// </summary>
public sealed class RosterImport(IWorkforceAdministration workforce, IServiceProvider services, ILogger<RosterImport> log)
{
    public static readonly RosterRules Rules = new(Roles.All, Roles.Supervisor);

    // Internal, so not a constructor parameter of this public class.
    private IUserAdministration Accounts => services.GetRequiredService<IUserAdministration>();

    /// <summary>What the file would do, changing nothing.</summary>
    public async Task<RosterPlan> PlanAsync(string csv, CancellationToken cancellationToken) =>
        await workforce.PlanRosterAsync(csv, Rules, await Accounts.RosterAccountsAsync(cancellationToken), cancellationToken);

    /// <summary>
    /// Plans the file again (against what is held now) and applies it. The result carries, for each account made, its
    /// one-time invitation link: it is kept nowhere, so show it now.
    /// </summary>
    public async Task<RosterResult> ApplyAsync(string csv, string by, CancellationToken cancellationToken)
    {
        var plan = await PlanAsync(csv, cancellationToken);
        var made = new Dictionary<int, string>();
        var refused = new Dictionary<int, string>();
        var invitations = new List<RosterInvitation>();
        foreach (var line in plan.Lines)
        {
            try
            {
                if (line.Action == RosterAction.Create)
                {
                    var created = await Accounts.CreateAccountAsync(line.Email, [line.Role], by, cancellationToken, details: $"roster row {line.Row}");
                    made[line.Row] = created.UserId;
                    invitations.Add(new RosterInvitation(line.Row, created.Invitation!.Email, created.Invitation.Path, created.Invitation.ValidUntilUtc));
                }
                else if (line.Action == RosterAction.Update && line.SetsRole) await Accounts.SetOnlyRoleAsync(line.UserId!, line.Role, by, cancellationToken);
            }
            catch (Exception e) when (e is ValidationException or AccountException)
            {
                log.LogWarning("Roster row {Row}: {Reason}", line.Row, e.Message);
                refused[line.Row] = e.Message;
            }
        }
        var applied = plan with
        {
            Lines = plan.Lines.Select(l => refused.TryGetValue(l.Row, out var why) ? l with { Action = RosterAction.Reject, Reason = why } : l).ToList().AsReadOnly(),
        };
        var outcome = await workforce.ApplyRosterAsync(applied, made, by, cancellationToken);
        return new RosterResult(outcome.Applied, outcome.TeamsCreated, invitations.AsReadOnly());
    }
}

/// <summary>What applying a roster did, and the invitation link of each account it made (in row order).</summary>
public sealed record RosterResult(RosterPlan Applied, int TeamsCreated, IReadOnlyList<RosterInvitation> Invitations);

/// <summary>A new person's one-time link to set a password.</summary>
/// <param name="Path">The link from the app's root (/Account/Invitation?id=…&amp;token=…); put the public address in front.</param>
public sealed record RosterInvitation(int Row, string Email, string Path, DateTime ValidUntilUtc)
{
    /// <summary>The whole link on the given public address.</summary>
    public string Link(Uri address) => address.ToString().TrimEnd('/') + Path;
}
