using Microsoft.AspNetCore.Identity;

namespace HotSpots.Web.Accounts;

/// <summary>Creates users with roles; used by create-admin and the demo seed.</summary>
internal sealed class UserAccounts(UserManager<IdentityUser> users, RoleManager<IdentityRole> roles, IUserStore<IdentityUser> store)
{
    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                Check(await roles.CreateAsync(new IdentityRole(role)), $"role {role}");
    }

    /// <summary>Creates the user with the given roles, or returns the existing one unchanged.</summary>
    public async Task<IdentityUser> EnsureUserAsync(string email, string password, params string[] userRoles)
    {
        await EnsureRolesAsync();
        var user = await users.FindByEmailAsync(email);
        if (user is not null) return user;
        user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true, LockoutEnabled = true };
        Check(await users.CreateAsync(user, password), $"user {email}");
        Check(await users.AddToRolesAsync(user, userRoles), $"roles of {email}");
        return user;
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

    public Task<IdentityUser?> FindAsync(string email) => users.FindByEmailAsync(email);

    public bool AnyUsers() => users.Users.Any();

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Could not create {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
    }
}
