namespace HotSpots.Web.Security;

/// <summary>
/// Settings section "Security:OpenIdConnect": signing in with the force's own identity provider (Microsoft Entra ID or
/// any OpenID Connect provider), authorization code flow with PKCE. Off unless <see cref="Enabled"/>.
/// </summary>
public sealed class OpenIdConnectSettings
{
    public bool Enabled { get; set; }

    /// <summary>The provider's issuer, e.g. https://login.microsoftonline.com/TENANT-ID/v2.0 for Entra ID.</summary>
    public string Authority { get; set; } = "";

    public string ClientId { get; set; } = "";

    /// <summary>The client secret the provider gave HotSpots (keep it in the environment, not in a file under version control).</summary>
    public string ClientSecret { get; set; } = "";

    /// <summary>The text of the sign-in page's button, e.g. "Sign in with Avon and Somerset Police".</summary>
    public string DisplayName { get; set; } = "Sign in with your force account";

    /// <summary>The ID token claim that lists the person's roles or groups: "roles" (Entra app roles) or "groups".</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>
    /// The ID token claim with the person's team name, e.g. "department" or an extension attribute; empty (the default)
    /// leaves teams to the admin pages and the roster. When set, every sign-in puts the person's officer record in the team
    /// it names (a new team is created), or in none when the claim is missing.
    /// </summary>
    public string TeamClaim { get; set; } = "";

    /// <summary>The ID token claim with the person's collar number, e.g. "employeeid"; empty (the default) leaves collar numbers to the admin pages and the roster. When set, every sign-in makes the officer record's collar number the claim's (none when it is missing).</summary>
    public string CollarClaim { get; set; } = "";

    /// <summary>The ID token claim with the name shown on boards and leaderboards, for an officer record the team or collar claim makes; "name" by default. An existing record keeps its name.</summary>
    public string NameClaim { get; set; } = "name";

    /// <summary>HotSpots role → the values of <see cref="RoleClaim"/> that give it (app role names or group object ids).</summary>
    public Dictionary<string, string[]> Roles { get; set; } = [];

    /// <summary>
    /// A person whose roles need two-factor sign-in (Security:TwoFactorRoles) is let in only when the provider says it
    /// checked a second factor (the ID token's "amr" has "mfa"); the authenticator code is then not asked for here.
    /// Off: such a person is asked for the authenticator code here instead, as after a password.
    /// </summary>
    public bool RequireMfa { get; set; } = true;

    /// <summary>Discovery and keys only over https; turn off only for a provider on this machine (tests).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>The HotSpots roles the claim values give, in the order of <see cref="Modules.Workforce.Contracts.Roles.All"/>.</summary>
    internal IReadOnlyList<string> RolesFor(IEnumerable<string> claimValues)
    {
        var values = claimValues.ToHashSet(StringComparer.Ordinal);
        return [.. Modules.Workforce.Contracts.Roles.All.Where(role => Roles.TryGetValue(role, out var given) && given.Any(values.Contains))];
    }

    /// <summary>Refuses to start with settings that could never let anyone in, or that name a role HotSpots does not have.</summary>
    internal void Check()
    {
        if (!Enabled) return;
        var problems = new List<string>();
        if (!Uri.TryCreate(Authority, UriKind.Absolute, out _)) problems.Add("Authority must be the provider's address");
        if (string.IsNullOrWhiteSpace(ClientId)) problems.Add("ClientId is missing");
        if (string.IsNullOrWhiteSpace(RoleClaim)) problems.Add("RoleClaim is missing");
        var unknown = Roles.Keys.Where(r => !Modules.Workforce.Contracts.Roles.All.Contains(r, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0) problems.Add($"Roles names {string.Join(", ", unknown)}, not one of {string.Join(", ", Modules.Workforce.Contracts.Roles.All)}");
        if (!Roles.Values.Any(v => v.Length > 0)) problems.Add("Roles gives no role to any claim value, so no one could sign in");
        if (problems.Count > 0)
            throw new InvalidOperationException($"Security:OpenIdConnect is enabled but {string.Join("; ", problems)}.");
    }
}
