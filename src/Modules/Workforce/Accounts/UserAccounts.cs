using HotSpots.Modules.Workforce.Contracts;
using Microsoft.AspNetCore.Identity;

namespace HotSpots.Modules.Workforce.Accounts;

/// <summary>The roles, the demo's authenticator keys and create-admin --reset. Accounts are made by <see cref="UserAdministration.CreateAccountAsync"/> only.</summary>
internal sealed class UserAccounts(UserManager<IdentityUser> users, RoleManager<IdentityRole> roles, IUserStore<IdentityUser> store) : IUserAccounts
{
    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                Check(await roles.CreateAsync(new IdentityRole(role)), $"role {role}");
    }

    /// <summary>Sets the user's authenticator key and turns two-factor sign-in on (the demo's known key).</summary>
    public async Task EnrolAuthenticatorAsync(IdentityUser user, string base32Key)
    {
        if (await users.GetTwoFactorEnabledAsync(user) && await users.GetAuthenticatorKeyAsync(user) == base32Key) return;
        if (store is not IUserAuthenticatorKeyStore<IdentityUser> keys)
            throw new InvalidOperationException("The user store cannot keep authenticator keys.");
        await keys.SetAuthenticatorKeyAsync(user, base32Key, CancellationToken.None);
        Check(await users.SetTwoFactorEnabledAsync(user, true), $"two-factor sign-in of {user.Email}");
    }

    /// <summary>
    /// create-admin --reset: sets the password (checked by the password policy first; nothing changes when it fails), gives
    /// the Admin role, enables the account, turns two-factor sign-in off with a new key (enrolment again at the next sign-in)
    /// and changes the security stamp, which ends every session.
    /// </summary>
    public async Task ResetAdministratorAsync(IdentityUser user, string password)
    {
        await EnsureRolesAsync();
        var what = $"the password of {user.Email}";
        Check(await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), password), what);
        if (!await users.IsInRoleAsync(user, Roles.Admin)) Check(await users.AddToRoleAsync(user, Roles.Admin), $"the Admin role of {user.Email}");
        Check(await users.SetLockoutEndDateAsync(user, null), $"the lockout of {user.Email}");
        Check(await users.ResetAccessFailedCountAsync(user), $"the lockout of {user.Email}");
        Check(await users.SetTwoFactorEnabledAsync(user, false), $"two-factor sign-in of {user.Email}");
        Check(await users.ResetAuthenticatorKeyAsync(user), $"the authenticator key of {user.Email}");
    }

    public Task<IdentityUser?> FindAsync(string email) => users.FindByEmailAsync(email);

    public bool AnyUsers() => users.Users.Any();

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Could not set up {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
    }
}
