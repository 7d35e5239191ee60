namespace HotSpots.Modules.Workforce.Contracts;

/// <summary>
/// Administration of teams and officer records, for the web host's pages, its command line and the demo seed (the
/// same paths a force uses). Every change is written to the audit log under the name given as <c>by</c>, and raises
/// <see cref="WorkforceRevisions.People"/> in its transaction. Bad input is refused with a ValidationException that
/// says what and where.
/// </summary>
public interface IWorkforceAdministration
{
    /// <summary>Creates a team, or returns the team of that name (names are compared without case) when it exists.</summary>
    Task<TeamView> CreateTeamAsync(string name, string by, CancellationToken cancellationToken);

    Task<TeamView> RenameTeamAsync(long teamId, string name, string by, CancellationToken cancellationToken);

    /// <summary>Retires a team: its members and history stay, it takes no new members or assignments.</summary>
    Task RetireTeamAsync(long teamId, string by, CancellationToken cancellationToken);

    /// <summary>Adds or updates an officer record (by sign-in id). Saving what is already held changes and audits nothing.</summary>
    Task SaveOfficerAsync(OfficerRecord officer, string by, CancellationToken cancellationToken);

    /// <summary>
    /// Reads a roster CSV (header <c>email,name,collar,team,role</c>) and says, row by row, what applying it would do,
    /// against the records held and the sign-in accounts the host gives. Changes nothing. A file without that header
    /// is refused whole; a bad row is rejected with its reason and never stops the others.
    /// </summary>
    Task<RosterPlan> PlanRosterAsync(string csv, RosterRules rules, IReadOnlyList<RosterAccount> accounts, CancellationToken cancellationToken);

    /// <summary>
    /// Applies a plan: creates the new teams and saves the officer records of its created and updated rows.
    /// <paramref name="newAccounts"/> gives, by row, the sign-in id of each account the host created for a created row;
    /// a created row without one is reported rejected. Applying the same file again changes nothing.
    /// </summary>
    Task<RosterOutcome> ApplyRosterAsync(RosterPlan plan, IReadOnlyDictionary<int, string> newAccounts, string by, CancellationToken cancellationToken);
}

/// <param name="CollarNumber">Optional; unique among officers when given.</param>
/// <param name="Supervisor">Whether the officer supervises their team (which they must then have).</param>
public sealed record OfficerRecord(string OfficerId, string DisplayName, string? CollarNumber, long? TeamId, bool Supervisor = false);

/// <summary>What a roster's role column may hold (the host's roles), and which of them supervises a team.</summary>
public sealed record RosterRules(IReadOnlyList<string> Roles, string SupervisorRole);

/// <summary>A sign-in account the host holds: its email, id and roles.</summary>
public sealed record RosterAccount(string Email, string UserId, IReadOnlyList<string> Roles);

public enum RosterAction
{
    /// <summary>A new person: the host creates the account, then the officer record is saved.</summary>
    Create,

    /// <summary>The account exists; its officer record or role changes.</summary>
    Update,

    Unchanged,
    Reject,
}

/// <summary>One row of a roster and what applying it does.</summary>
/// <param name="Row">The row of the file, counted as a spreadsheet does: the header is row 1, the first person row 2.</param>
/// <param name="UserId">The existing account's sign-in id (null for a created or rejected row).</param>
/// <param name="SetsRole">Whether the existing account's roles become <see cref="Role"/> (it does not hold it yet).</param>
/// <param name="Changes">What changes, in words ("team Alpha → Bravo").</param>
/// <param name="Reason">Why a rejected row is rejected.</param>
public sealed record RosterLine(
    int Row, RosterAction Action, string Email, string Name, string? Collar, string? Team, string Role, bool Supervisor,
    string? UserId, bool SetsRole, IReadOnlyList<string> Changes, string? Reason);

/// <summary>What applying a roster would do (or did): every row, and the teams it creates.</summary>
public sealed record RosterPlan(IReadOnlyList<RosterLine> Lines, IReadOnlyList<string> NewTeams)
{
    public int Created => Lines.Count(l => l.Action == RosterAction.Create);
    public int Updated => Lines.Count(l => l.Action == RosterAction.Update);
    public int Unchanged => Lines.Count(l => l.Action == RosterAction.Unchanged);
    public IReadOnlyList<RosterLine> Rejected => Lines.Where(l => l.Action == RosterAction.Reject).ToList().AsReadOnly();
}

/// <summary>What applying a roster did: every row as applied (a row that failed while applying is rejected, with why).</summary>
public sealed record RosterOutcome(RosterPlan Applied, int TeamsCreated);
