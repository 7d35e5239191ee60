using System.Net.Mail;
using HotSpots.Modules.Workforce.Contracts;
using HotSpots.Modules.Workforce.Teams;

namespace HotSpots.Modules.Workforce.Roster;

/// <summary>A team as held, for planning.</summary>
internal sealed record HeldTeam(long Id, string Name, bool Retired);

/// <summary>
/// Decides what each row of a roster does — create, update, leave unchanged or reject with a reason — against the
/// accounts and records held. Pure: no database, no clock. A row is judged alone, and against the rows above it for
/// repeated emails and collar numbers, so a bad row never changes what the others do.
/// </summary>
internal static class RosterPlanner
{
    public const int LongestEmail = 256;

    public static RosterPlan Plan(
        IReadOnlyList<RosterCsvRow> rows, RosterRules rules, IReadOnlyList<RosterAccount> accounts,
        IReadOnlyDictionary<string, HeldOfficer> officers, IReadOnlyDictionary<string, string> collarOwners, IReadOnlyList<HeldTeam> teams)
    {
        var accountsByEmail = accounts.GroupBy(a => a.Email, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var teamsByName = teams.ToDictionary(t => t.Name, StringComparer.OrdinalIgnoreCase);
        var emailsSeen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var collarsSeen = new Dictionary<string, int>(StringComparer.Ordinal);
        var newTeams = new List<string>();
        var lines = new List<RosterLine>();

        foreach (var row in rows)
        {
            if (row.Fields is not { } f)
            {
                lines.Add(Reject(row.Row, "", "", $"It has {row.FieldCount} fields; the header has {RosterCsv.Columns.Count} (email, name, collar, team, role)."));
                continue;
            }
            var (email, name, collar, teamText, roleText) = (f[0], RecordRules.Clean(f[1]), RecordRules.CleanCollar(f[2]), RecordRules.Clean(f[3]), f[4]);
            string? Problem()
            {
                if (email.Length == 0) return "It has no email.";
                if (email.Length > LongestEmail || !MailAddress.TryCreate(email, out var address) || address.Address != email || address.DisplayName.Length > 0)
                    return $"'{email}' is not an email address.";
                if (emailsSeen.TryGetValue(email, out var first)) return $"{email} is also on row {first}; a person is listed once.";
                if (RecordRules.DisplayNameProblem(name) is { } nameProblem) return nameProblem;
                if (RecordRules.CollarProblem(collar) is { } collarProblem) return collarProblem;
                if (collar is not null && collarsSeen.TryGetValue(collar, out var other)) return $"Collar number {collar} is also on row {other}.";
                if (rules.Roles.FirstOrDefault(r => string.Equals(r, roleText, StringComparison.OrdinalIgnoreCase)) is null)
                    return roleText.Length == 0 ? $"It has no role: use one of {string.Join(", ", rules.Roles)}."
                        : $"'{roleText}' is not a role: use one of {string.Join(", ", rules.Roles)}.";
                if (teamText.Length > 0 && RecordRules.TeamNameProblem(teamText) is { } teamProblem) return teamProblem;
                return null;
            }
            if (Problem() is { } problem)
            {
                lines.Add(Reject(row.Row, email, name, problem));
                continue;
            }
            emailsSeen[email] = row.Row;
            if (collar is not null) collarsSeen[collar] = row.Row;
            var role = rules.Roles.First(r => string.Equals(r, roleText, StringComparison.OrdinalIgnoreCase));
            var supervisor = role == rules.SupervisorRole;
            var account = accountsByEmail.GetValueOrDefault(email);
            var held = account is null ? null : officers.GetValueOrDefault(account.UserId);

            string? team = null;
            string? teamRejection = null;
            if (teamText.Length > 0)
            {
                if (teamsByName.TryGetValue(teamText, out var known))
                {
                    team = known.Name;
                    if (known.Retired && held?.Team != known.Name) teamRejection = $"Team {known.Name} is retired: it takes no new members.";
                }
                else
                {
                    team = newTeams.FirstOrDefault(t => string.Equals(t, teamText, StringComparison.OrdinalIgnoreCase)) ?? teamText;
                }
            }
            else if (supervisor) teamRejection = $"A {rules.SupervisorRole.ToLowerInvariant()} needs a team.";
            if (teamRejection is null && collar is not null && collarOwners.TryGetValue(collar, out var owner) && owner != account?.UserId)
                teamRejection = $"Collar number {collar} belongs to another officer.";
            if (teamRejection is not null)
            {
                lines.Add(Reject(row.Row, email, name, teamRejection));
                continue;
            }
            if (team is not null && !teamsByName.ContainsKey(team) && !newTeams.Contains(team)) newTeams.Add(team);

            if (account is null)
            {
                lines.Add(new RosterLine(row.Row, RosterAction.Create, email, name, collar, team, role, supervisor, null, false,
                    RecordRules.Changes(null, name, collar, team, supervisor).Prepend($"new account, role {role}").ToList().AsReadOnly(), null));
                continue;
            }
            var changes = RecordRules.Changes(held, name, collar, team, supervisor);
            var setsRole = !account.Roles.Contains(role, StringComparer.OrdinalIgnoreCase);
            if (setsRole) changes.Insert(0, $"role {(account.Roles.Count == 0 ? "none" : string.Join(" and ", account.Roles))} → {role}");
            lines.Add(new RosterLine(row.Row, changes.Count == 0 ? RosterAction.Unchanged : RosterAction.Update, email, name, collar, team, role,
                supervisor, account.UserId, setsRole, changes.AsReadOnly(), null));
        }
        return new RosterPlan(lines.AsReadOnly(), newTeams.AsReadOnly());
    }

    private static RosterLine Reject(int row, string email, string name, string reason) =>
        new(row, RosterAction.Reject, email, name, null, null, "", false, null, false, [], reason);
}
