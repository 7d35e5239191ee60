using Microsoft.AspNetCore.Identity;

namespace HotSpots.Modules.Workforce.Contracts;

/// <summary>
/// Set-up work on accounts for the web host's start-up, command line and demo seed: the roles, the demo's authenticator
/// keys and create-admin --reset. It never makes an account: that is <see cref="IUserAdministration.CreateAccountAsync"/>.
/// </summary>
public interface IUserAccounts
{
    /// <summary>Makes each of <see cref="Roles.All"/> that does not exist yet.</summary>
    Task EnsureRolesAsync();

    /// <summary>Sets the account's authenticator key and turns two-factor sign-in on (the demo's known key); nothing changes when both are so already.</summary>
    Task EnrolAuthenticatorAsync(IdentityUser user, string base32Key);

    /// <summary>
    /// create-admin --reset: sets the password (checked by the password policy first; nothing changes when it fails), gives
    /// the Admin role, enables the account, turns two-factor sign-in off with a new key (enrolment again at the next sign-in)
    /// and changes the security stamp, which ends every session.
    /// </summary>
    Task ResetAdministratorAsync(IdentityUser user, string password);

    /// <summary>The account of that email, or null.</summary>
    Task<IdentityUser?> FindAsync(string email);

    /// <summary>Whether any account exists.</summary>
    bool AnyUsers();
}
