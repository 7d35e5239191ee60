using HotSpots.Modules.Workforce.Contracts;
using HotSpots.Web.Accounts;

namespace HotSpots.Web.Security;

/// <summary>Settings section "Security": sign-in limits, sessions, who must use two-factor sign-in, and the force's identity provider.</summary>
public sealed class SecurityOptions
{
    /// <summary>A session ends after this many minutes without a request (sliding).</summary>
    public int IdleTimeoutMinutes { get; set; } = 30;

    /// <summary>How often a session's security stamp is checked, so that "sign out everywhere" reaches other devices.</summary>
    public double SecurityStampCheckMinutes { get; set; } = 1;

    /// <summary>Sign-in and two-factor posts allowed per client address per minute.</summary>
    public int SignInPerMinute { get; set; } = 30;

    /// <summary>Token requests (/connect/token) allowed per client address per minute.</summary>
    public int TokenPerMinute { get; set; } = 30;

    /// <summary>Roles that must sign in with an authenticator app.</summary>
    public string[] TwoFactorRoles { get; set; } = [Roles.Analyst, Roles.Manager, Roles.Evaluator, Roles.Admin];

    /// <summary>Signing in with the force's identity provider (section "Security:OpenIdConnect"); off by default.</summary>
    public OpenIdConnectSettings OpenIdConnect { get; set; } = new();

    public static SecurityOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Security");
        var options = section.Get<SecurityOptions>() ?? new SecurityOptions();
        // The binder appends a configured list to the default one; a configured list replaces it.
        if (section.GetSection(nameof(TwoFactorRoles)).Get<string[]>() is { } roles) options.TwoFactorRoles = roles;
        options.OpenIdConnect.Check();
        return options;
    }
}
