using Microsoft.AspNetCore.Identity;

namespace HotSpots.Web.Accounts;

/// <summary>Creates users with roles; used by create-admin and the demo seed.</summary>
internal sealed class UserAccounts(UserManager<IdentityUser> users, RoleManager<IdentityRole> roles)
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

    public bool AnyUsers() => users.Users.Any();

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Could not create {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
    }
}
