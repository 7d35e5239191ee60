using HotSpots.Modules.Workforce.Data;

namespace HotSpots.Modules.Workforce.Teams;

/// <summary>What a team name, display name and collar number may be: one place for the pages, the roster and the records.</summary>
internal static class RecordRules
{
    public static string Clean(string? value) => (value ?? "").Trim();

    /// <summary>Collar numbers are kept in capitals ("ab123" and "AB123" are the same officer's).</summary>
    public static string? CleanCollar(string? value) => Clean(value) is { Length: > 0 } c ? c.ToUpperInvariant() : null;

    public static string? TeamNameProblem(string name) =>
        name.Length == 0 ? "A team needs a name." :
        name.Length > Limits.TeamName ? $"A team name can be at most {Limits.TeamName} characters." :
        name.Any(char.IsControl) ? "A team name cannot hold control characters." : null;

    public static string? DisplayNameProblem(string name) =>
        name.Length == 0 ? "An officer needs a name." :
        name.Length > Limits.DisplayName ? $"A name can be at most {Limits.DisplayName} characters." :
        name.Any(char.IsControl) ? "A name cannot hold control characters." : null;

    public static string? CollarProblem(string? collar) =>
        collar is null ? null :
        collar.Length > Limits.Collar ? $"A collar number can be at most {Limits.Collar} characters." :
        collar.All(c => char.IsAsciiLetterOrDigit(c) || c is ' ' or '-' or '/') ? null :
        $"The collar number '{collar}' may hold only letters, digits, spaces, '-' and '/'.";

    /// <summary>What saving these values would change of the record held (null: none yet), in words; empty when nothing.</summary>
    public static List<string> Changes(HeldOfficer? held, string name, string? collar, string? team, bool supervisor)
    {
        if (held is null)
            return [$"new record: {name}, collar {collar ?? "none"}, {(team is null ? "no team" : "team " + team)}{(supervisor ? ", supervisor" : "")}"];
        var changes = new List<string>();
        if (held.Name != name) changes.Add($"name {held.Name} → {name}");
        if (held.Collar != collar) changes.Add($"collar {held.Collar ?? "none"} → {collar ?? "none"}");
        if (!string.Equals(held.Team, team, StringComparison.Ordinal)) changes.Add($"team {held.Team ?? "none"} → {team ?? "none"}");
        if (held.Supervisor != supervisor) changes.Add(supervisor ? "now supervises the team" : "no longer supervises the team");
        return changes;
    }
}

/// <summary>An officer record as held, with its team's name.</summary>
internal sealed record HeldOfficer(string Name, string? Collar, string? Team, bool Supervisor);
