using Microsoft.AspNetCore.Identity;

namespace HotSpots.Modules.Workforce.Contracts;

/// <summary>
/// The administrator's work on people's accounts, for the web host's users pages, roster, command line, demo seed and
/// sign-in with the force's identity provider alike: list and search, add a person with a one-time invitation link,
/// disable and enable, a new password link, a reset of two-factor sign-in, a person's only role, accepting an invitation.
/// Every change is written to the audit log under the actor's name; ending a person's sessions is the same
/// security-stamp change as "sign out everywhere". A change that cannot be made is refused with an
/// <see cref="AccountException"/> whose message is for the person who asked. For the web host only.
/// </summary>
public interface IUserAdministration
{
    /// <summary>
    /// Adds a person: their account through <see cref="CreateAccountAsync"/> (with an invitation link), then their name, team
    /// and collar number as an officer record when a name is given. For the Add-user page and the add-user verb.
    /// </summary>
    Task<Invitation> AddAsync(NewAccount request, string actor, CancellationToken cancellationToken);

    /// <summary>
    /// The one way an account is made: by the Add-user page, the add-user verb, the roster (page and verb), create-admin, the
    /// demo seed and the first sign-in with the force's identity provider. It checks the email and the roles, refuses an
    /// email that has an account, makes the account with its roles and audits it (action account.create). Without
    /// <paramref name="password"/> or <paramref name="login"/> the account has no password and the result carries a one-time
    /// invitation link to set it (the link is not kept: show it once). With a password (create-admin, the demo) it is set,
    /// checked by the password policy; with a login (the identity provider's issuer and subject) the account is linked to
    /// it, and is removed again when that login is another account's (<see cref="AccountLoginTakenException"/>). Neither has a link.
    /// </summary>
    Task<CreatedAccount> CreateAccountAsync(string email, IEnumerable<string> roles, string actor, CancellationToken cancellationToken,
        string? password = null, string? details = null, UserLoginInfo? login = null);

    /// <summary>The account of <paramref name="email"/>, made through <see cref="CreateAccountAsync"/> with the password when there is none; an existing one is returned unchanged.</summary>
    Task<IdentityUser> EnsureUserAsync(string email, string password, string actor, params string[] roles);

    /// <summary>Makes <paramref name="role"/> the account's only role and ends its sessions everywhere (a new security stamp); audited as account.role. Nothing happens when it is the only role already.</summary>
    Task SetOnlyRoleAsync(string userId, string role, string actor, CancellationToken cancellationToken);

    /// <summary>Every account with its email and roles, for a roster's plan.</summary>
    Task<IReadOnlyList<RosterAccount>> RosterAccountsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// A new link to set a password. The old password stops working and every session and earlier link of the person ends
    /// now. Refused for a disabled account (enable it first).
    /// </summary>
    Task<Invitation> ResetPasswordAsync(string userId, string actor, CancellationToken cancellationToken);

    /// <summary>Turns two-factor sign-in off and replaces the authenticator key, ending every session: the person enrols again at their next sign-in when their role needs it.</summary>
    Task ResetTwoFactorAsync(string userId, string actor, CancellationToken cancellationToken);

    /// <summary>The account can no longer sign in, and every open session of it ends (the security stamp changes). Refused for the actor's own account (<paramref name="actorId"/>).</summary>
    Task DisableAsync(string userId, string actor, string? actorId, CancellationToken cancellationToken);

    /// <summary>Lets a disabled or locked account sign in again (with the password it had).</summary>
    Task EnableAsync(string userId, string actor, CancellationToken cancellationToken);

    /// <summary>The account an invitation link names, while the link is good: made for it, not used, not replaced, not expired, and the account not disabled. Null otherwise.</summary>
    Task<IdentityUser?> FindInvitedAsync(string? userId, string? token);

    /// <summary>Sets the password through the link's token. Identity checks the token again and changes the stamp, so the link works once.</summary>
    Task<IdentityResult> AcceptAsync(IdentityUser user, string token, string password, CancellationToken cancellationToken);

    /// <summary>One page of accounts by email, matching <paramref name="search"/> in the email or the name when given.</summary>
    Task<UserPage> ListAsync(string? search, int page, CancellationToken cancellationToken);

    /// <summary>The account with that id, or null.</summary>
    Task<UserRow?> GetAsync(string userId, CancellationToken cancellationToken);

    /// <summary>The account with that email, or null.</summary>
    Task<UserRow?> GetByEmailAsync(string email, CancellationToken cancellationToken);

    /// <summary>The teams a person may join: every team not retired.</summary>
    Task<IReadOnlyList<TeamView>> TeamsAsync(CancellationToken cancellationToken);

    /// <summary>The team of that name (case ignored); made (audited under <paramref name="by"/>) when <paramref name="create"/> and there is none. Null when there is none and none is made.</summary>
    Task<(TeamView? Team, bool Created)> TeamAsync(string name, bool create, string by, CancellationToken cancellationToken);
}

/// <param name="TeamId">The person's team (Workforce's team id); needs a name.</param>
public sealed record NewAccount(string Email, IReadOnlyList<string> Roles, string? Name = null, long? TeamId = null, string? Collar = null);

/// <param name="Path">The link, from the app's root: /Account/Invitation?id=…&amp;token=…</param>
public sealed record Invitation(string Email, string Path, DateTime ValidUntilUtc)
{
    /// <summary>The whole link on the given public address.</summary>
    public string Link(Uri address) => address.ToString().TrimEnd('/') + Path;
}

/// <param name="Invitation">The one-time link to set a password, for an account made without one; null otherwise.</param>
public sealed record CreatedAccount(IdentityUser User, Invitation? Invitation)
{
    public string UserId => User.Id;
}

public enum AccountState { Invited, Active, Disabled, Locked }

/// <param name="InvitedUtc">When the newest link to set a password was made, while the account is invited.</param>
/// <param name="InvitationExpired">The account is invited and its newest link has expired.</param>
public sealed record UserRow(
    string Id, string Email, string? Name, string? Team, string? Collar, IReadOnlyList<string> Roles, AccountState State, bool TwoFactor,
    DateTime? LastSignInUtc, DateTime? InvitedUtc, bool InvitationExpired);

public sealed record UserPage(IReadOnlyList<UserRow> Rows, int Total, int Page, int Pages);

/// <summary>A change to an account that cannot be made, with the reason for the person who asked.</summary>
public class AccountException(string message) : InvalidOperationException(message);

/// <summary>The external sign-in an account was to be linked to belongs to another account; the new account was not kept.</summary>
public sealed class AccountLoginTakenException(string message) : AccountException(message);
